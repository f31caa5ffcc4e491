/**
 * Valve isolation: which valves to close to cut a pipe off from every source, and what loses
 * supply when they are closed (MUN-5: cut the gas supply at once; MUN-3 maintenance). Pure.
 */
import { otherEnd, type NetworkGraph } from './networkGraph.ts';

/** The answer of `isolateSegment`. */
export interface Isolation {
  /** The pipe asked about. */
  link: string;
  /**
   * False when a source lies inside the segment, so no set of valves can cut the pipe off
   * (`valves` then lists the segment's boundary valves).
   */
  isolable: boolean;
  /** The valves to close: the boundary valves of the segment with a source behind them. */
  valves: string[];
  /** Everything that loses supply once they are closed: the segment and the dead ends behind its other boundary valves. */
  nodes: string[];
  links: string[];
  /** Devices (detectors) attached to the isolated nodes. */
  devices: string[];
}

/**
 * The minimal set of valves to close so that pipe `linkId` is cut off from all sources, found
 * the classic way: walk from the pipe through links and nodes without passing through a valve;
 * the valves met bound the segment. A boundary valve must close if a source lies behind it;
 * behind the others (a building's shut-off valve, say) everything loses supply with the segment.
 * @throws Error when `linkId` is not a link of the graph.
 * @example
 * const { valves, nodes } = isolateSegment(gas, 'GAS-P120');
 */
export function isolateSegment(graph: NetworkGraph, linkId: string): Isolation {
  const start = graph.links.get(linkId);
  if (start === undefined) throw new Error(`no link ${linkId} in the network`);
  const segmentNodes = new Set<string>();
  const segmentLinks = new Set<string>([linkId]);
  const boundary = new Set<string>();
  const queue = [start.from, start.to];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (segmentNodes.has(id) || boundary.has(id)) continue;
    if (graph.valves.has(id)) {
      boundary.add(id);
      continue;
    }
    segmentNodes.add(id);
    for (const l of graph.incident.get(id)!) {
      segmentLinks.add(l);
      queue.push(otherEnd(graph, l, id));
    }
  }

  const isolable = ![...segmentNodes].some((id) => graph.sources.has(id));
  const close: string[] = [];
  const deadNodes = new Set<string>();
  const deadLinks = new Set<string>();
  for (const valve of boundary) {
    const behind = farSide(graph, valve, segmentNodes, segmentLinks);
    if (!isolable || [...behind.nodes].some((id) => graph.sources.has(id))) {
      close.push(valve);
    } else {
      for (const n of behind.nodes) deadNodes.add(n);
      for (const l of behind.links) deadLinks.add(l);
    }
  }

  const nodes = inOrder(graph.nodes.keys(), new Set([...segmentNodes, ...deadNodes]));
  const nodeSet = new Set(nodes);
  return {
    link: linkId,
    isolable,
    valves: inOrder(graph.nodes.keys(), new Set(close)),
    nodes,
    links: inOrder(graph.links.keys(), new Set([...segmentLinks, ...deadLinks])),
    devices: [...graph.devices.values()].filter((d) => nodeSet.has(d.attachedTo)).map((d) => d.id),
  };
}

/** What lies behind a boundary valve: everything reachable from it without entering the segment (other valves open). */
function farSide(graph: NetworkGraph, valve: string, segmentNodes: ReadonlySet<string>, segmentLinks: ReadonlySet<string>): { nodes: Set<string>; links: Set<string> } {
  const nodes = new Set<string>([valve]);
  const links = new Set<string>();
  const queue = [valve];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const l of graph.incident.get(id)!) {
      if (segmentLinks.has(l) || links.has(l)) continue;
      links.add(l);
      const next = otherEnd(graph, l, id);
      if (segmentNodes.has(next) || nodes.has(next)) continue;
      nodes.add(next);
      queue.push(next);
    }
  }
  return { nodes, links };
}

function inOrder(order: Iterable<string>, wanted: ReadonlySet<string>): string[] {
  return [...order].filter((id) => wanted.has(id));
}
