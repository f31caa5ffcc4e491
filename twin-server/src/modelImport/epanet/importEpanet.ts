/**
 * An EPANET network (.inp): counts its junctions, reservoirs, tanks, pipes, pumps, valves,
 * patterns and curves; checks fields, [TIMES] values and every reference; reads the flow units
 * and head-loss formula from [OPTIONS]; places the network with `--anchor`/`--projection`, since
 * an .inp file has no georeference of its own.
 */
import type { EpanetImportReport, Georeference } from '../importReport.ts';
import type { ResolvedImportOptions } from '../importOptions.ts';
import { LineIndex } from '../lineIndex.ts';
import { decodeUtf8OrLatin1 } from '../textDecoding.ts';
import type { WarningList } from '../warningList.ts';
import { EpanetNetwork } from './epanetNetwork.ts';
import { readInpSections, type InpLine, type InpSectionName } from './inpSections.ts';
import { checkTimes } from './inpTimes.ts';

/** The file being imported. */
export interface EpanetSource {
  file: string;
  bytes: Uint8Array;
  options: ResolvedImportOptions;
  warnings: WarningList;
}

const US_UNITS = new Set(['CFS', 'GPM', 'MGD', 'IMGD', 'AFD']);
const SI_UNITS = new Set(['LPS', 'LPM', 'MLD', 'CMH', 'CMD', 'CMS']);
const HEADLOSS = new Set(['H-W', 'D-W', 'C-M']);

/** Sections whose first field names an element of some kind, checked once all are read. */
const FIRST_FIELD_REFERENCES: Array<[InpSectionName, 'node' | 'link' | 'junction' | 'tank', string]> = [
  ['DEMANDS', 'junction', 'a demand'],
  ['EMITTERS', 'junction', 'an emitter'],
  ['QUALITY', 'node', 'an initial quality'],
  ['SOURCES', 'node', 'a quality source'],
  ['MIXING', 'tank', 'a mixing model'],
  ['STATUS', 'link', 'a status'],
  ['VERTICES', 'link', 'a vertex'],
];

/** Imports an EPANET input file. @throws ModelImportError for malformed lines, unknown sections and broken references. */
export function importEpanet(source: EpanetSource): EpanetImportReport {
  const { file, options, warnings } = source;
  const decoded = decodeUtf8OrLatin1(source.bytes);
  if (decoded.latin1At !== undefined) {
    warnings.add('epanet:encoding', 'the file is not UTF-8; it is read as ISO 8859-1', { file, line: new LineIndex(source.bytes).lineAt(decoded.latin1At) });
  }
  const sections = readInpSections(decoded.text, file);
  const lines = (name: InpSectionName): InpLine[] => sections.get(name) ?? [];
  const network = new EpanetNetwork(file);
  lines('JUNCTIONS').forEach((l) => network.readJunction(l));
  lines('RESERVOIRS').forEach((l) => network.readReservoir(l));
  lines('TANKS').forEach((l) => network.readTank(l));
  lines('PIPES').forEach((l) => network.readPipe(l));
  lines('PUMPS').forEach((l) => network.readPump(l));
  lines('VALVES').forEach((l) => network.readValve(l));
  lines('PATTERNS').forEach((l) => network.readPattern(l));
  lines('CURVES').forEach((l) => network.readCurve(l));
  lines('COORDINATES').forEach((l) => network.readCoordinate(l));
  for (const [section, kind, what] of FIRST_FIELD_REFERENCES) {
    for (const line of lines(section)) network.refer(kind, line.fields[0]!, what, network.where(line, section, line.fields[0]));
  }
  for (const line of lines('DEMANDS')) if (line.fields[2] !== undefined) network.refer('pattern', line.fields[2], 'a demand pattern', network.where(line, 'DEMANDS', line.fields[0]));
  checkControls(lines('CONTROLS'), network);
  checkTimes(lines('TIMES'), network);
  network.resolve();
  const { flowUnits, headloss } = readOptions(lines('OPTIONS'), network);
  return {
    kind: 'epanet',
    file,
    bytes: source.bytes.length,
    schema: 'EPANET 2 INP',
    counts: {
      junctions: count(network.nodes, 'junction'),
      reservoirs: count(network.nodes, 'reservoir'),
      tanks: count(network.nodes, 'tank'),
      pipes: count(network.links, 'pipe'),
      pumps: count(network.links, 'pump'),
      valves: count(network.links, 'valve'),
      patterns: network.patterns.size,
      curves: network.curves.size,
    },
    georeference: placement(network, options, warnings, file),
    warnings: warnings.toArray(),
    flowUnits,
    unitSystem: SI_UNITS.has(flowUnits) ? 'SI' : 'US',
    headloss,
    title: lines('TITLE').map((l) => l.text).join('\n'),
  };
}

function count<T>(map: Map<string, T>, kind: T): number {
  let n = 0;
  for (const value of map.values()) if (value === kind) n++;
  return n;
}

/** Simple controls name `LINK id` and `NODE id`. */
function checkControls(controls: InpLine[], network: EpanetNetwork): void {
  for (const line of controls) {
    for (let k = 0; k + 1 < line.fields.length; k++) {
      const keyword = line.fields[k]!.toUpperCase();
      if (keyword === 'LINK' || keyword === 'NODE') network.refer(keyword === 'LINK' ? 'link' : 'node', line.fields[k + 1]!, 'a control', network.where(line, 'CONTROLS'));
    }
  }
}

function readOptions(options: InpLine[], network: EpanetNetwork): { flowUnits: string; headloss: string } {
  let flowUnits = 'GPM';
  let headloss = 'H-W';
  for (const line of options) {
    const key = line.fields[0]!.toUpperCase();
    const value = line.fields[1]?.toUpperCase();
    if (key === 'UNITS') {
      if (value === undefined || (!US_UNITS.has(value) && !SI_UNITS.has(value))) {
        network.fail(`the flow units '${line.fields[1] ?? ''}' are not one of ${[...US_UNITS, ...SI_UNITS].join(', ')}`, network.where(line, 'OPTIONS'));
      }
      flowUnits = value;
    } else if (key === 'HEADLOSS') {
      if (value === undefined || !HEADLOSS.has(value)) network.fail(`the head-loss formula '${line.fields[1] ?? ''}' is not H-W, D-W or C-M`, network.where(line, 'OPTIONS'));
      headloss = value;
    }
  }
  return { flowUnits, headloss };
}

/** Coordinates have no CRS in an .inp file: the options say what they are and where they lie. */
function placement(network: EpanetNetwork, options: ResolvedImportOptions, warnings: WarningList, file: string): Georeference | null {
  let bbox: [number, number, number, number] | undefined;
  for (const [x, y] of network.coordinates.values()) {
    if (bbox === undefined) bbox = [x, y, x, y];
    else bbox = [Math.min(bbox[0], x), Math.min(bbox[1], y), Math.max(bbox[2], x), Math.max(bbox[3], y)];
  }
  if (options.anchor === undefined && options.projection === undefined) {
    warnings.add('epanet:georeference', 'an EPANET file carries no georeference: give an anchor (lon,lat) and a projection (local-metres or EPSG:<code>) to place it', { file });
    return bbox === undefined ? null : { source: 'file', crs: null, bbox };
  }
  const georeference: Georeference = {
    source: options.anchor === undefined ? 'file' : 'anchor',
    crs: options.projection ?? 'local-metres',
  };
  if (bbox !== undefined) georeference.bbox = bbox;
  if (options.anchor !== undefined) georeference.origin = options.anchor;
  return georeference;
}
