/**
 * The elements of an EPANET network, read from its sections with every field checked and every
 * reference (a pipe's nodes, a junction's pattern, a pump's curve…) resolved. Problems throw a
 * `ModelImportError` naming the line, the section and the element.
 */
import type { ErrorWhere } from '../importReport.ts';
import { ModelImportError } from '../modelImportError.ts';
import type { InpLine, InpSectionName } from './inpSections.ts';

type NodeKind = 'junction' | 'reservoir' | 'tank';
type LinkKind = 'pipe' | 'pump' | 'valve';

/** A reference to check once every section is read (sections may come in any order). */
interface PendingReference {
  to: 'node' | 'link' | 'pattern' | 'curve' | 'tank' | 'junction';
  id: string;
  what: string;
  where: ErrorWhere;
}

const VALVE_TYPES = new Set(['PRV', 'PSV', 'PBV', 'FCV', 'TCV', 'GPV', 'PCV']);
const PIPE_STATUS = new Set(['OPEN', 'CLOSED', 'CV']);

/** Nodes, links, patterns, curves and coordinates of a network. */
export class EpanetNetwork {
  readonly nodes = new Map<string, NodeKind>();
  readonly links = new Map<string, LinkKind>();
  readonly patterns = new Set<string>();
  readonly curves = new Set<string>();
  readonly coordinates = new Map<string, [number, number]>();
  private readonly pending: PendingReference[] = [];

  constructor(private readonly file: string) {}

  where(line: InpLine, section: InpSectionName, entity?: string): ErrorWhere {
    const where: ErrorWhere = { file: this.file, line: line.line, section: `[${section}]` };
    if (entity !== undefined) where.entity = entity;
    return where;
  }

  fail(message: string, where: ErrorWhere): never {
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_MALFORMED', message, where);
  }

  /** Field `index` of `line` as a number. */
  number(line: InpLine, section: InpSectionName, index: number, name: string, entity?: string): number {
    const text = line.fields[index];
    const value = text === undefined ? NaN : Number(text);
    if (text === undefined || text === '' || !Number.isFinite(value)) {
      this.fail(text === undefined ? `${name} is missing` : `${name} '${text}' is not a number`, this.where(line, section, entity));
    }
    return value;
  }

  /** Requires at least `count` fields. */
  fields(line: InpLine, section: InpSectionName, count: number, layout: string): void {
    if (line.fields.length < count) this.fail(`[${section}] lines read ${layout}; this one has ${line.fields.length} field(s)`, this.where(line, section, line.fields[0]));
  }

  refer(to: PendingReference['to'], id: string, what: string, where: ErrorWhere): void {
    this.pending.push({ to, id, what, where });
  }

  addNode(kind: NodeKind, line: InpLine, section: InpSectionName): string {
    const id = line.fields[0]!;
    if (this.nodes.has(id)) this.fail(`node ${id} is defined twice (node ids are unique across junctions, reservoirs and tanks)`, this.where(line, section, id));
    this.nodes.set(id, kind);
    return id;
  }

  addLink(kind: LinkKind, line: InpLine, section: InpSectionName): string {
    const [id, from, to] = line.fields as [string, string, string];
    const where = this.where(line, section, id);
    if (this.links.has(id)) this.fail(`link ${id} is defined twice (link ids are unique across pipes, pumps and valves)`, where);
    if (from === to) this.fail(`${kind} ${id} starts and ends at the same node ${from}`, where);
    this.links.set(id, kind);
    this.refer('node', from, `${kind} ${id}'s start node`, where);
    this.refer('node', to, `${kind} ${id}'s end node`, where);
    return id;
  }

  readJunction(line: InpLine): void {
    this.fields(line, 'JUNCTIONS', 2, 'ID Elevation [Demand] [Pattern]');
    const id = this.addNode('junction', line, 'JUNCTIONS');
    this.number(line, 'JUNCTIONS', 1, 'the elevation', id);
    if (line.fields[2] !== undefined) this.number(line, 'JUNCTIONS', 2, 'the demand', id);
    if (line.fields[3] !== undefined) this.refer('pattern', line.fields[3], `junction ${id}'s demand pattern`, this.where(line, 'JUNCTIONS', id));
  }

  readReservoir(line: InpLine): void {
    this.fields(line, 'RESERVOIRS', 2, 'ID Head [Pattern]');
    const id = this.addNode('reservoir', line, 'RESERVOIRS');
    this.number(line, 'RESERVOIRS', 1, 'the head', id);
    if (line.fields[2] !== undefined) this.refer('pattern', line.fields[2], `reservoir ${id}'s head pattern`, this.where(line, 'RESERVOIRS', id));
  }

  readTank(line: InpLine): void {
    this.fields(line, 'TANKS', 7, 'ID Elevation InitLevel MinLevel MaxLevel Diameter MinVolume [VolumeCurve] [Overflow]');
    const id = this.addNode('tank', line, 'TANKS');
    ['the elevation', 'the initial level', 'the minimum level', 'the maximum level', 'the diameter', 'the minimum volume'].forEach((name, k) => this.number(line, 'TANKS', k + 1, name, id));
    const curve = line.fields[7];
    if (curve !== undefined && curve !== '*') this.refer('curve', curve, `tank ${id}'s volume curve`, this.where(line, 'TANKS', id));
  }

  readPipe(line: InpLine): void {
    this.fields(line, 'PIPES', 6, 'ID Node1 Node2 Length Diameter Roughness [MinorLoss] [Status]');
    const id = this.addLink('pipe', line, 'PIPES');
    ['the length', 'the diameter', 'the roughness'].forEach((name, k) => this.number(line, 'PIPES', k + 3, name, id));
    if (line.fields[6] !== undefined) this.number(line, 'PIPES', 6, 'the minor loss', id);
    const status = line.fields[7]?.toUpperCase();
    if (status !== undefined && !PIPE_STATUS.has(status)) this.fail(`pipe ${id}'s status '${line.fields[7]}' is not OPEN, CLOSED or CV`, this.where(line, 'PIPES', id));
  }

  readPump(line: InpLine): void {
    this.fields(line, 'PUMPS', 4, 'ID Node1 Node2 {HEAD curve | POWER kW | SPEED x | PATTERN id}');
    const id = this.addLink('pump', line, 'PUMPS');
    const where = this.where(line, 'PUMPS', id);
    for (let k = 3; k < line.fields.length; k += 2) {
      const keyword = line.fields[k]!.toUpperCase();
      const value = line.fields[k + 1];
      if (value === undefined) this.fail(`pump ${id}: ${line.fields[k]} has no value`, where);
      if (keyword === 'HEAD') this.refer('curve', value, `pump ${id}'s head curve`, where);
      else if (keyword === 'PATTERN') this.refer('pattern', value, `pump ${id}'s speed pattern`, where);
      else if (keyword === 'POWER' || keyword === 'SPEED') this.number(line, 'PUMPS', k + 1, `pump ${id}'s ${keyword.toLowerCase()}`, id);
      else this.fail(`pump ${id}: '${line.fields[k]}' is not HEAD, POWER, SPEED or PATTERN`, where);
    }
  }

  readValve(line: InpLine): void {
    this.fields(line, 'VALVES', 6, 'ID Node1 Node2 Diameter Type Setting [MinorLoss]');
    const id = this.addLink('valve', line, 'VALVES');
    this.number(line, 'VALVES', 3, 'the diameter', id);
    const type = line.fields[4]!.toUpperCase();
    if (!VALVE_TYPES.has(type)) this.fail(`valve ${id}'s type '${line.fields[4]}' is not one of ${[...VALVE_TYPES].join(', ')}`, this.where(line, 'VALVES', id));
    if (type === 'GPV') this.refer('curve', line.fields[5]!, `valve ${id}'s head-loss curve`, this.where(line, 'VALVES', id));
    else this.number(line, 'VALVES', 5, 'the setting', id);
  }

  readPattern(line: InpLine): void {
    const id = line.fields[0]!;
    for (let k = 1; k < line.fields.length; k++) this.number(line, 'PATTERNS', k, `multiplier ${k}`, id);
    this.patterns.add(id);
  }

  readCurve(line: InpLine): void {
    this.fields(line, 'CURVES', 3, 'ID X Y');
    const id = line.fields[0]!;
    this.number(line, 'CURVES', 1, 'X', id);
    this.number(line, 'CURVES', 2, 'Y', id);
    this.curves.add(id);
  }

  readCoordinate(line: InpLine): void {
    this.fields(line, 'COORDINATES', 3, 'Node X Y');
    const id = line.fields[0]!;
    const x = this.number(line, 'COORDINATES', 1, 'X', id);
    const y = this.number(line, 'COORDINATES', 2, 'Y', id);
    this.coordinates.set(id, [x, y]);
    this.refer('node', id, 'a coordinate', this.where(line, 'COORDINATES', id));
  }

  /** Resolves every recorded reference. @throws ModelImportError `TWIN_ERR_MODEL_IMPORT_BROKEN_REFERENCE` for the first that fails. */
  resolve(): void {
    const exists = (ref: PendingReference): boolean => {
      switch (ref.to) {
        case 'node':
          return this.nodes.has(ref.id);
        case 'link':
          return this.links.has(ref.id);
        case 'pattern':
          return this.patterns.has(ref.id);
        case 'curve':
          return this.curves.has(ref.id);
        case 'tank':
          return this.nodes.get(ref.id) === 'tank';
        default:
          return this.nodes.get(ref.id) === 'junction';
      }
    };
    const broken = this.pending.filter((ref) => !exists(ref));
    const first = broken.sort((a, b) => (a.where.line ?? 0) - (b.where.line ?? 0))[0];
    if (first === undefined) return;
    const others = broken.length > 1 ? ` (${broken.length} broken references in all)` : '';
    throw new ModelImportError('TWIN_ERR_MODEL_IMPORT_BROKEN_REFERENCE', `${first.what} is ${first.to} ${first.id}, which the network does not define${others}`, first.where);
  }
}
