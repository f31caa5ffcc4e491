import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCommand } from './runImportCommand.ts';
import { sharedDataPresent, sharedFile } from '../test/sharedTestData.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const TWIN = 'twin-server/bin/twin.mjs';

/** Runs `twin import …` as a user would; resolves with its exit code and output. */
function twinImport(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TWIN, 'import', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const DUPLEX = 'ifc/webifc_duplex.ifc';
const BAD_VALUES = 'gis/pipe-networks/wntr/invalid/bad_values.inp';
const NET1 = 'gis/pipe-networks/wntr/Net1.inp';

describe.skipIf(!sharedDataPresent('the twin import command on shared files', DUPLEX, BAD_VALUES, NET1))('twin import', () => {
  it('prints one JSON object per run, exits 0 on a model, 1 on a bad file, 2 on a bad option', async () => {
    // Concurrent: each run loads the whole command line tool.
    const [model, bad, usage, readable] = await Promise.all([
      twinImport([sharedFile(DUPLEX), '--json']),
      twinImport([sharedFile(BAD_VALUES), '--json']),
      twinImport([sharedFile(NET1), '--json', '--anchor', '114.05']),
      twinImport([sharedFile(NET1), '--anchor', '114.0579,22.5431,5', '--projection', 'local-metres']),
    ]);

    expect(model.code).toBe(0);
    const report = JSON.parse(model.stdout) as { kind: string; schema: string; counts: Record<string, number>; georeference: { source: string }; warnings: unknown[] };
    expect(report).toMatchObject({ kind: 'ifc', schema: 'IFC2X3', georeference: { source: 'IfcSite' }, warnings: [] });
    expect(report.counts).toMatchObject({ IfcBuildingStorey: 4, IfcSpace: 21, IfcWallStandardCase: 56, IfcDoor: 14, IfcPropertySet: 1459 });

    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({
      error: {
        code: 'TWIN_ERR_MODEL_IMPORT_BROKEN_REFERENCE',
        message: "pipe pipe2's start node is node node1, which the network does not define",
        where: { file: sharedFile(BAD_VALUES), line: 56, section: '[PIPES]', entity: 'pipe2' },
      },
    });

    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout)).toMatchObject({ error: { code: 'TWIN_ERR_BAD_REQUEST', message: expect.stringMatching(/--anchor takes lon,lat/) as string } });

    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain('EPANET water network, EPANET 2 INP');
    expect(readable.stdout).toMatch(/junctions\s+9/);
    expect(readable.stdout).toContain('georeference: anchor, CRS local-metres');
    expect(readable.stdout).toContain('origin: 22.543100°N 114.057900°E, 5 m');
  });
});

describe('importCommand', () => {
  it('writes a readable error with the place and the code when a file is missing', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await importCommand('/nonexistent/model.ifc', {}, { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([expect.stringMatching(/^error: \/nonexistent\/model\.ifc: the file cannot be read: .* \[TWIN_ERR_MODEL_IMPORT_UNREADABLE\]$/)]);
  });

  it('refuses options that are not numbers, kinds or projections, with exit code 2', async () => {
    const outputs: string[] = [];
    const sink = { out: (t: string) => outputs.push(t), err: (t: string) => outputs.push(t) };
    expect(await importCommand('x.ifc', { json: true, timeout: 'soon' }, sink)).toBe(2);
    expect(await importCommand('x.ifc', { json: true, kind: 'dwg' }, sink)).toBe(2);
    expect(await importCommand('x.inp', { json: true, projection: 'WGS84' }, sink)).toBe(2);
    expect(outputs.map((o) => (JSON.parse(o) as { error: { message: string } }).error.message)).toEqual([
      '--timeout takes a number, not soon',
      'unknown kind dwg; the kinds are ifc, geojson, osm, epanet',
      'unknown projection WGS84; use local-metres or EPSG:<code>',
    ]);
  });
});
