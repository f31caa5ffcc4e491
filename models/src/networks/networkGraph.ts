/**
 * A utility network as a graph, built from its GeoJSON FeatureCollection: Point features are
 * nodes, LineString features with `from` and `to` node ids are links, and Points with an
 * `attachedTo` node id are devices (detectors) that belong to a node but not to the topology.
 * Valves and sources are recognised from `featureType` (`valve`; `intake` or `outfall`) unless
 * the caller says otherwise. Pure: no I/O.
 */

/** The minimal shape of a GeoJSON feature this module reads. */
export interface GraphFeature {
  id?: string | number;
  geometry: { type: string } | null;
  properties: Record<string, unknown> | null;
}

/** A node of the network. */
export interface GraphNode {
  id: string;
  featureType: string;
  properties: Record<string, unknown>;
}

/** A link (pipe, cable) between two nodes. */
export interface GraphLink {
  id: string;
  from: string;
  to: string;
  featureType: string;
  properties: Record<string, unknown>;
}

/** A device attached to a node. */
export interface GraphDevice {
  id: string;
  attachedTo: string;
  featureType: string;
}

/** The graph. Maps keep the order of the features. */
export interface NetworkGraph {
  nodes: ReadonlyMap<string, GraphNode>;
  links: ReadonlyMap<string, GraphLink>;
  devices: ReadonlyMap<string, GraphDevice>;
  /** Ids of the links at each node. */
  incident: ReadonlyMap<string, readonly string[]>;
  valves: ReadonlySet<string>;
  sources: ReadonlySet<string>;
}

/** How to recognise valves and sources among the nodes. */
export interface GraphOptions {
  isValve?: (node: GraphNode) => boolean;
  isSource?: (node: GraphNode) => boolean;
}

const defaultIsValve = (node: GraphNode): boolean => node.featureType === 'valve';
const defaultIsSource = (node: GraphNode): boolean => node.featureType === 'intake' || node.featureType === 'outfall';

function idOf(feature: GraphFeature, index: number): string {
  const id = feature.id ?? feature.properties?.['id'];
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`feature ${index} has no id`);
  return String(id);
}

/**
 * The graph of a network FeatureCollection.
 * @throws Error on duplicate ids, links without `from`/`to`, or references to unknown nodes.
 * @example
 * const gas = buildNetworkGraph(JSON.parse(readFileSync('models/community/gas.geojson', 'utf8')));
 * isConnected(gas); // true
 */
export function buildNetworkGraph(collection: { features: readonly GraphFeature[] }, options: GraphOptions = {}): NetworkGraph {
  const isValve = options.isValve ?? defaultIsValve;
  const isSource = options.isSource ?? defaultIsSource;
  const nodes = new Map<string, GraphNode>();
  const links = new Map<string, GraphLink>();
  const devices = new Map<string, GraphDevice>();
  const seen = new Set<string>();
  const pending: Array<{ id: string; properties: Record<string, unknown> }> = [];
  collection.features.forEach((f, index) => {
    const id = idOf(f, index);
    if (seen.has(id)) throw new Error(`duplicate feature id ${id}`);
    seen.add(id);
    const properties = f.properties ?? {};
    const featureType = String(properties['featureType'] ?? '');
    if (f.geometry?.type === 'Point' && typeof properties['attachedTo'] === 'string') devices.set(id, { id, attachedTo: properties['attachedTo'], featureType });
    else if (f.geometry?.type === 'Point') nodes.set(id, { id, featureType, properties });
    else if (f.geometry?.type === 'LineString') pending.push({ id, properties });
  });
  const incident = new Map<string, string[]>([...nodes.keys()].map((id) => [id, []]));
  for (const { id, properties } of pending) {
    const { from, to } = properties;
    if (typeof from !== 'string' || typeof to !== 'string') throw new Error(`link ${id} lacks from/to node ids`);
    for (const end of [from, to]) if (!nodes.has(end)) throw new Error(`link ${id} refers to unknown node ${end}`);
    links.set(id, { id, from, to, featureType: String(properties['featureType'] ?? ''), properties });
    incident.get(from)!.push(id);
    if (to !== from) incident.get(to)!.push(id);
  }
  for (const device of devices.values()) if (!nodes.has(device.attachedTo)) throw new Error(`device ${device.id} is attached to unknown node ${device.attachedTo}`);
  const valves = new Set([...nodes.values()].filter(isValve).map((n) => n.id));
  const sources = new Set([...nodes.values()].filter(isSource).map((n) => n.id));
  return { nodes, links, devices, incident, valves, sources };
}

/** The node at the other end of `linkId` from `nodeId`. */
export function otherEnd(graph: NetworkGraph, linkId: string, nodeId: string): string {
  const link = graph.links.get(linkId)!;
  return link.from === nodeId ? link.to : link.from;
}

/** Connected components as lists of node ids, each in feature order, ordered by their first node. */
export function components(graph: NetworkGraph): string[][] {
  const component = new Map<string, number>();
  const rank = new Map([...graph.nodes.keys()].map((id, i) => [id, i]));
  const result: string[][] = [];
  for (const start of graph.nodes.keys()) {
    if (component.has(start)) continue;
    const members: string[] = [];
    const queue = [start];
    component.set(start, result.length);
    while (queue.length > 0) {
      const id = queue.shift()!;
      members.push(id);
      for (const linkId of graph.incident.get(id)!) {
        const next = otherEnd(graph, linkId, id);
        if (!component.has(next)) {
          component.set(next, result.length);
          queue.push(next);
        }
      }
    }
    result.push(members.sort((a, b) => rank.get(a)! - rank.get(b)!));
  }
  return result;
}

/** True when every node can reach every other (an empty network counts as connected). */
export function isConnected(graph: NetworkGraph): boolean {
  return components(graph).length <= 1;
}
