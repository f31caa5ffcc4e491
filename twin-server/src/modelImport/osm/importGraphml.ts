/**
 * An OpenStreetMap road graph in GraphML as OSMnx writes it: `<key>` declarations, one `<graph>`
 * with its `crs`, `<node>`s with `x`/`y` (lon/lat), `<edge>`s between them. Counts nodes and
 * edges, and each by `highway` class; checks that data keys are declared, node ids are unique,
 * edges join declared nodes and coordinates are numbers within range.
 */
import type { ErrorWhere, OsmImportReport } from '../importReport.ts';
import type { ResolvedImportOptions } from '../importOptions.ts';
import { LineIndex } from '../lineIndex.ts';
import { ModelImportError } from '../modelImportError.ts';
import { sortCounts } from '../sortCounts.ts';
import { decodeUtf8 } from '../textDecoding.ts';
import type { WarningList } from '../warningList.ts';
import { normaliseTagValue } from './tagValue.ts';
import { scanXml, type XmlFail } from './xmlScanner.ts';

/** The file being imported. */
export interface GraphmlSource {
  file: string;
  bytes: Uint8Array;
  options: ResolvedImportOptions;
  warnings: WarningList;
}

interface KeyDef {
  for: string;
  name: string;
}

/** The element whose `<data>` children are being read. */
interface Owner {
  kind: 'graph' | 'node' | 'edge';
  entity: string;
  offset: number;
  data: Record<string, string>;
}

/** Imports a GraphML road graph. @throws ModelImportError for malformed XML or GraphML, or edges to undeclared nodes. */
export function importGraphml(source: GraphmlSource): OsmImportReport {
  const { file, warnings } = source;
  const text = decodeUtf8(source.bytes, { file }, 'the GraphML text');
  const lines = new LineIndex(text);
  const whereAt = (offset: number, entity?: string): ErrorWhere => {
    const where: ErrorWhere = { file, ...lines.at(offset) };
    if (entity !== undefined) where.entity = entity;
    return where;
  };
  const fail: XmlFail = (message, offset) => {
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_MALFORMED', message, whereAt(offset));
  };
  const graph = new GraphReader(whereAt, fail, warnings);
  let depth = 0;
  for (const event of scanXml(text, fail)) {
    if (event.kind === 'open') {
      if (depth === 0 && event.name !== 'graphml') fail(`the root element is <${event.name}>, not <graphml>`, event.offset);
      depth++;
      graph.open(event.name, event.attributes, event.offset);
    } else if (event.kind === 'close') {
      depth--;
      graph.close(event.name);
    } else {
      graph.text(event.text);
    }
  }
  return graph.report(source);
}

class GraphReader {
  private readonly keys = new Map<string, KeyDef>();
  private readonly nodeIds = new Set<string>();
  private readonly edgeEnds: Array<{ source: string; target: string; offset: number; entity: string }> = [];
  private readonly counts: Record<string, number> = { nodes: 0, edges: 0 };
  private readonly graphData: Record<string, string> = {};
  private owner: Owner | undefined;
  private dataKey: { name: string; offset: number; text: string } | undefined;
  private graphs = 0;
  private bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };

  constructor(
    private readonly whereAt: (offset: number, entity?: string) => ErrorWhere,
    private readonly fail: XmlFail,
    private readonly warnings: WarningList,
  ) {}

  open(name: string, attributes: Record<string, string>, offset: number): void {
    switch (name) {
      case 'key':
        this.declareKey(attributes, offset);
        break;
      case 'graph':
        if (++this.graphs > 1) this.fail('the file holds more than one graph', offset);
        this.owner = { kind: 'graph', entity: 'graph', offset, data: this.graphData };
        break;
      case 'node':
        this.openNode(attributes, offset);
        break;
      case 'edge':
        this.openEdge(attributes, offset);
        break;
      case 'data':
        this.openData(attributes, offset);
        break;
      default:
        // GraphML allows <desc>, <default>, <port>, <hyperedge>…; they carry nothing counted here.
        break;
    }
  }

  close(name: string): void {
    if (name === 'data' && this.dataKey !== undefined && this.owner !== undefined) {
      this.owner.data[this.dataKey.name] = this.dataKey.text;
      this.dataKey = undefined;
    } else if ((name === 'node' || name === 'edge') && this.owner !== undefined) {
      if (name === 'node') this.closeNode(this.owner);
      else this.closeEdge(this.owner);
      this.owner = { kind: 'graph', entity: 'graph', offset: 0, data: this.graphData };
    }
  }

  text(value: string): void {
    if (this.dataKey !== undefined) this.dataKey.text += value;
  }

  private declareKey(attributes: Record<string, string>, offset: number): void {
    const id = attributes.id;
    if (id === undefined) this.fail('a <key> has no id', offset);
    this.keys.set(id, { for: attributes.for ?? 'all', name: attributes['attr.name'] ?? id });
  }

  private openNode(attributes: Record<string, string>, offset: number): void {
    const id = attributes.id;
    if (id === undefined) this.fail('a <node> has no id', offset);
    if (this.nodeIds.has(id)) this.fail(`node ${id} is declared twice`, offset);
    this.nodeIds.add(id);
    this.owner = { kind: 'node', entity: `node ${id}`, offset, data: {} };
  }

  private openEdge(attributes: Record<string, string>, offset: number): void {
    const { source, target } = attributes;
    if (source === undefined || target === undefined) this.fail('an <edge> lacks its source or target', offset);
    const entity = `edge ${source}→${target}${attributes.id === undefined ? '' : ` #${attributes.id}`}`;
    this.edgeEnds.push({ source, target, offset, entity });
    this.owner = { kind: 'edge', entity, offset, data: {} };
  }

  private openData(attributes: Record<string, string>, offset: number): void {
    const key = attributes.key === undefined ? undefined : this.keys.get(attributes.key);
    if (key === undefined) this.fail(`<data key="${attributes.key ?? ''}"> uses a key no <key> declares`, offset);
    if (this.owner !== undefined && key.for !== 'all' && key.for !== this.owner.kind) {
      this.warnings.add('graphml:key-domain', `the key ${attributes.key} (${key.name}) is declared for ${key.for} but used on a ${this.owner.kind}`, this.whereAt(offset, this.owner.entity));
    }
    this.dataKey = { name: key.name, offset, text: '' };
  }

  private closeNode(node: Owner): void {
    this.counts.nodes!++;
    const x = Number(node.data.x);
    const y = Number(node.data.y);
    if (node.data.x === undefined || node.data.y === undefined) {
      this.warnings.add('graphml:node-coordinates', 'a node has no x/y coordinates', this.whereAt(node.offset, node.entity));
    } else if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_MALFORMED', `${node.entity} has coordinates that are not numbers: x=${node.data.x}, y=${node.data.y}`, this.whereAt(node.offset, node.entity));
    } else {
      if (this.geographic() && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
        throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_MALFORMED', `${node.entity} lies outside lon -180..180, lat -90..90: x=${x}, y=${y}`, this.whereAt(node.offset, node.entity));
      }
      const b = this.bounds;
      b.minX = Math.min(b.minX, x);
      b.maxX = Math.max(b.maxX, x);
      b.minY = Math.min(b.minY, y);
      b.maxY = Math.max(b.maxY, y);
    }
    this.countClass('nodes', node.data.highway);
  }

  private closeEdge(edge: Owner): void {
    this.counts.edges!++;
    this.countClass('edges', edge.data.highway);
  }

  private countClass(what: 'nodes' | 'edges', highway: string | undefined): void {
    const tag = normaliseTagValue(highway);
    if (tag !== undefined) this.counts[`${what}:highway=${tag}`] = (this.counts[`${what}:highway=${tag}`] ?? 0) + 1;
  }

  private crs(): string | null {
    const crs = this.graphData.crs?.trim();
    if (crs === undefined || crs === '') return null;
    const epsg = /^epsg:(\d+)$/i.exec(crs);
    return epsg === null ? crs : `EPSG:${epsg[1]}`;
  }

  private geographic(): boolean {
    const crs = this.crs();
    return crs === null || crs === 'EPSG:4326';
  }

  report(source: GraphmlSource): OsmImportReport {
    if (this.graphs === 0) this.fail('the file holds no <graph>', 0);
    const missing = this.edgeEnds.filter((e) => !this.nodeIds.has(e.source) || !this.nodeIds.has(e.target));
    const first = missing[0];
    if (first !== undefined) {
      const node = this.nodeIds.has(first.source) ? first.target : first.source;
      const others = missing.length > 1 ? ` (${missing.length} edges in all)` : '';
      throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_BROKEN_REFERENCE', `${first.entity} joins node ${node}, which the graph does not declare${others}`, this.whereAt(first.offset, first.entity));
    }
    const crs = this.crs();
    if (crs === null) this.warnings.add('graphml:crs', 'the graph names no crs; its x/y are taken as longitude/latitude');
    if (source.options.anchor !== undefined) this.warnings.add('graphml:anchor', 'the anchor is ignored: the graph nodes are already placed');
    const b = this.bounds;
    const createdWith = this.graphData.created_with;
    return {
      kind: 'osm',
      file: source.file,
      bytes: source.bytes.length,
      schema: createdWith === undefined ? 'GraphML' : `GraphML (${createdWith})`,
      counts: sortCounts(this.counts),
      georeference: { source: 'file', crs: crs ?? 'EPSG:4326', ...(b.minX <= b.maxX ? { bbox: [b.minX, b.minY, b.maxX, b.maxY] as [number, number, number, number] } : {}) },
      warnings: this.warnings.toArray(),
    };
  }
}
