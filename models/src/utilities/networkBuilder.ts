/**
 * Accumulates the nodes, links and attached devices of one utility network and writes them as a
 * GeoJSON FeatureCollection: nodes are Points, links LineStrings from their `from` node to their
 * `to` node (through any bends), devices Points with the node they are `attachedTo`.
 */
import { roundTo } from '../geo.ts';
import { feature, featureCollection, lineGeometry, pointGeometry, type Feature, type FeatureCollection, type PropertyValue } from '../geojson/geojson.ts';
import type { SitePoint } from '../layout/layoutTypes.ts';
import { distance, polylineLength } from '../layout/planGeometry.ts';
import type { LonLat } from '../projection/siteProjection.ts';

/** The networks of the community. */
export type NetworkName = 'water' | 'rain' | 'sewage' | 'gas' | 'power';

type Props = Record<string, PropertyValue>;

interface NodeEntry {
  id: string;
  p: SitePoint;
  featureType: string;
  props: Props;
}

interface LinkEntry {
  id: string;
  from: string;
  to: string;
  featureType: string;
  points: SitePoint[];
  props: Props;
}

interface DeviceEntry {
  id: string;
  p: SitePoint;
  featureType: string;
  attachedTo: string;
  props: Props;
}

/** Builder of one network. Ids must be unique; links must join known nodes. */
export class NetworkBuilder {
  private readonly nodes = new Map<string, NodeEntry>();
  private readonly linkList: LinkEntry[] = [];
  private readonly devices: DeviceEntry[] = [];
  private readonly counters = new Map<string, number>();

  constructor(
    readonly network: NetworkName,
    private readonly origin: LonLat,
  ) {}

  /** The next id of a series: `nextId('WS-J', 2)` gives `WS-J01`, then `WS-J02`. */
  nextId(prefix: string, digits: number): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${String(n).padStart(digits, '0')}`;
  }

  /** Adds a node and returns its id. */
  node(id: string, p: SitePoint, featureType: string, props: Props = {}): string {
    if (this.nodes.has(id)) throw new Error(`${this.network}: duplicate node ${id}`);
    this.nodes.set(id, { id, p, featureType, props: { ...props } });
    return id;
  }

  /** Adds a link from node `from` to node `to`, bending through `via`; sets `lengthM`. */
  link(id: string, from: string, to: string, featureType: string, props: Props = {}, via: readonly SitePoint[] = []): string {
    const a = this.positionOf(from);
    const b = this.positionOf(to);
    const points = [a, ...via, b].filter((p, i, all) => i === 0 || distance(p, all[i - 1]!) > 0.01);
    if (points.length < 2) points.push(b);
    this.linkList.push({ id, from, to, featureType, points, props: { ...props, lengthM: roundTo(polylineLength(points), 2) } });
    return id;
  }

  /** Adds a device (a detector) attached to a node. */
  device(id: string, p: SitePoint, featureType: string, attachedTo: string, props: Props = {}): string {
    this.positionOf(attachedTo);
    this.devices.push({ id, p, featureType, attachedTo, props: { ...props } });
    return id;
  }

  positionOf(id: string): SitePoint {
    const entry = this.nodes.get(id);
    if (entry === undefined) throw new Error(`${this.network}: unknown node ${id}`);
    return entry.p;
  }

  /** The network as a FeatureCollection: nodes, then links, then devices, each in insertion order. */
  build(): FeatureCollection {
    const base = { network: this.network };
    const features: Feature[] = [
      ...[...this.nodes.values()].map((n) => feature(n.id, pointGeometry(n.p, this.origin), { featureType: n.featureType, ...base, ...n.props })),
      ...this.linkList.map((l) =>
        feature(l.id, lineGeometry(l.points, this.origin), { featureType: l.featureType, ...base, from: l.from, to: l.to, ...l.props }),
      ),
      ...this.devices.map((d) => feature(d.id, pointGeometry(d.p, this.origin), { featureType: d.featureType, ...base, attachedTo: d.attachedTo, ...d.props })),
    ];
    return featureCollection(`network:${this.network}`, features);
  }
}
