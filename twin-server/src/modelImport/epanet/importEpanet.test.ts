import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importModel } from '../importModel.ts';
import { resolveImportOptions } from '../importOptions.ts';
import type { EpanetImportReport, ImportOptions } from '../importReport.ts';
import { ModelImportError } from '../modelImportError.ts';
import { sharedDataPresent, sharedFile } from '../../test/sharedTestData.ts';
import { WarningList } from '../warningList.ts';
import { importEpanet } from './importEpanet.ts';
import { isInpTime } from './inpTimes.ts';

function epanet(lines: string[], options: ImportOptions = {}): EpanetImportReport {
  return importEpanet({ file: 't.inp', bytes: Buffer.from(lines.join('\r\n')), options: resolveImportOptions(options, 't.inp'), warnings: new WarningList() });
}

function failure(lines: string[]): ModelImportError {
  try {
    epanet(lines);
  } catch (error) {
    if (error instanceof ModelImportError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

const NETWORK = [
  '[TITLE]', 'Test network', '',
  '[JUNCTIONS]', ';ID Elev Demand Pattern', ' J1  10  5  P1 ;', ' J2  12', '',
  '[RESERVOIRS]', ' R1  100', '',
  '[PIPES]', ' P-1  R1  J1  1000  300  100  0  Open', ' P-2  J1  J2  500  200  100', '',
  '[PATTERNS]', ' P1  1.0  1.2', ' P1  0.8', '',
  '[COORDINATES]', ' J1  100  200', ' J2  150  260', ' R1  0  0', '',
  '[OPTIONS]', ' Units  LPS', ' Headloss  D-W', '',
  '[END]', 'anything after [END] is ignored',
];

describe('importEpanet', () => {
  it('counts the elements and reads units, head loss and title', () => {
    const report = epanet(NETWORK);
    expect(report.counts).toEqual({ junctions: 2, reservoirs: 1, tanks: 0, pipes: 2, pumps: 0, valves: 0, patterns: 1, curves: 0 });
    expect(report).toMatchObject({ flowUnits: 'LPS', unitSystem: 'SI', headloss: 'D-W', title: 'Test network' });
  });

  it('has no georeference of its own: the bbox only, until an anchor and projection place it', () => {
    const bare = epanet(NETWORK);
    expect(bare.georeference).toEqual({ source: 'file', crs: null, bbox: [0, 0, 150, 260] });
    expect(bare.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/no georeference/)]);
    const placed = epanet(NETWORK, { anchor: { lonDeg: 114.0579, latDeg: 22.5431 }, projection: 'local-metres' });
    expect(placed.georeference).toEqual({ source: 'anchor', crs: 'local-metres', bbox: [0, 0, 150, 260], origin: { lonDeg: 114.0579, latDeg: 22.5431 } });
    expect(placed.warnings).toEqual([]);
    expect(epanet(NETWORK, { projection: 'epsg:4547' }).georeference).toEqual({ source: 'file', crs: 'EPSG:4547', bbox: [0, 0, 150, 260] });
  });

  it('names the line, section and element of a broken reference', () => {
    const error = failure(NETWORK.map((l) => l.replace(' P-2  J1  J2', ' P-2  J1  J9')));
    expect(error).toMatchObject({ code: 'TWIN_ERR_MODEL_IMPORT_BROKEN_REFERENCE', where: { file: 't.inp', line: 14, section: '[PIPES]', entity: 'P-2' } });
    expect(error.message).toBe("pipe P-2's end node is node J9, which the network does not define");
    expect(failure(NETWORK.map((l) => l.replace('P1 ;', 'P7 ;'))).message).toMatch(/junction J1's demand pattern is pattern P7/);
    expect(failure([...NETWORK.slice(0, -2), '[DEMANDS]', ' R1  3'])).toMatchObject({ where: { line: 30, section: '[DEMANDS]' } });
  });

  it('refuses malformed lines: non-numbers, missing fields, duplicates, loops, unknown types and units', () => {
    expect(failure(NETWORK.map((l) => l.replace(' J2  12', ' J2  twelve'))).message).toBe("the elevation 'twelve' is not a number");
    expect(failure(NETWORK.map((l) => l.replace(' P-2  J1  J2  500  200  100', ' P-2  J1  J2  500'))).where.line).toBe(14);
    expect(failure(NETWORK.map((l) => l.replace(' J2  12', ' J1  12'))).message).toMatch(/node J1 is defined twice/);
    expect(failure(NETWORK.map((l) => l.replace(' P-2  J1  J2', ' P-2  J1  J1'))).message).toMatch(/starts and ends at the same node J1/);
    expect(failure([...NETWORK.slice(0, 10), '[VALVES]', ' V1  J1  J2  100  XYZ  5'])).toMatchObject({ where: { line: 12, entity: 'V1' } });
    expect(failure(NETWORK.map((l) => l.replace('Units  LPS', 'Units  LPH'))).message).toMatch(/flow units 'LPH'/);
    expect(failure(['J1 10', '[JUNCTIONS]']).message).toMatch(/data before the first/);
  });

  it('reads [TIMES] values as EPANET does', () => {
    expect(isInpTime(['24:00'])).toBe(true);
    expect(isInpTime(['1.5'])).toBe(true);
    expect(isInpTime(['2', 'HOURS'])).toBe(true);
    expect(isInpTime(['0:00:00'])).toBe(true);
    expect(isInpTime(['12', 'am'], true)).toBe(true);
    expect(isInpTime(['0:00:00:00'])).toBe(false);
    expect(isInpTime(['12', 'am'])).toBe(false);
    expect(isInpTime(['soon'])).toBe(false);
  });
});

/** Counts straight from the text: data lines per section; patterns and curves by distinct id. */
function countFromText(path: string): Record<string, number> {
  const sections = new Map<string, string[][]>();
  let current: string[][] = [];
  for (const raw of readFileSync(path, 'latin1').split(/\r?\n/)) {
    const line = raw.split(';')[0]!.trim();
    const header = /^\[(\w+)\]/.exec(line);
    if (header !== null) sections.set(header[1]!, (current = sections.get(header[1]!) ?? []));
    else if (line !== '') current.push(line.split(/\s+/));
  }
  const rows = (name: string) => sections.get(name) ?? [];
  const distinct = (name: string) => new Set(rows(name).map((fields) => fields[0])).size;
  return {
    junctions: rows('JUNCTIONS').length, reservoirs: rows('RESERVOIRS').length, tanks: rows('TANKS').length, pipes: rows('PIPES').length,
    pumps: rows('PUMPS').length, valves: rows('VALVES').length, patterns: distinct('PATTERNS'), curves: distinct('CURVES'),
  };
}

const NETS = { 'Net1.inp': 'gis/pipe-networks/wntr/Net1.inp', 'Net2.inp': 'gis/pipe-networks/wntr/Net2.inp', 'Net3.inp': 'gis/pipe-networks/wntr/Net3.inp' };

// EPANET example networks from USEPA/WNTR (BSD-3-Clause).
describe.skipIf(!sharedDataPresent('the EPANET example networks', ...Object.values(NETS)))('importing EPANET Net1-Net3', () => {
  it.each([
    ['Net1.inp', { junctions: 9, reservoirs: 1, tanks: 1, pipes: 12, pumps: 1, valves: 0, patterns: 1, curves: 1 }, [10, 10, 70, 90]],
    ['Net2.inp', { junctions: 35, reservoirs: 0, tanks: 1, pipes: 40, pumps: 0, valves: 0, patterns: 3, curves: 0 }, [11, 4, 56, 87]],
    ['Net3.inp', { junctions: 92, reservoirs: 2, tanks: 3, pipes: 117, pumps: 2, valves: 0, patterns: 5, curves: 2 }, [8, 0, 44.86, 31.06]],
  ] as const)('reads %s with the counts its sections hold', async (name, counts, bbox) => {
    const path = sharedFile(NETS[name]);
    const report = await importModel(path);
    expect(report.counts).toEqual(counts);
    expect(report.counts).toEqual(countFromText(path));
    expect(report).toMatchObject({ kind: 'epanet', schema: 'EPANET 2 INP', flowUnits: 'GPM', unitSystem: 'US', headloss: 'H-W' });
    expect(report.georeference).toEqual({ source: 'file', crs: null, bbox });
  });
});
