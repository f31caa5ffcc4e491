import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeMeshPack, encodeMeshPack, globalIdAt, typeAt, type MeshPack } from '@twin/protocol';
import { createIfcApi, extractGeometry, IfcReadError, openIfcModel } from './ifcGeometryExtractor.ts';
import { unzipIfc } from './ifcZip.ts';
import { sharedIfcDir, sharedIfcPresent } from './testing/modelsFixture.ts';

const conformanceDir = join(sharedIfcDir, '..', 'conformance', 'xbim-step-parser-edge-cases');
const LIMIT = 1_000_000;

async function packOf(bytes: Uint8Array): Promise<MeshPack> {
  const api = await createIfcApi();
  const modelId = openIfcModel(api, bytes);
  try {
    return decodeMeshPack(encodeMeshPack(extractGeometry(api, modelId, { maxVertices: LIMIT })));
  } finally {
    api.Dispose();
  }
}

function typeCounts(pack: MeshPack): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let e = 0; e < pack.elementCount; e++) counts[typeAt(pack, e)] = (counts[typeAt(pack, e)] ?? 0) + 1;
  return counts;
}

describe.skipIf(!sharedIfcPresent)('IFC geometry extraction (shared files; skipped where ../shared/data is absent)', () => {
  it('meshes every visible element of the Duplex apartment (web-ifc sample, MPL-2.0) with its GlobalId and type', async () => {
    const progress: Array<[number, number]> = [];
    const api = await createIfcApi();
    const modelId = openIfcModel(api, await readFile(join(sharedIfcDir, 'webifc_duplex.ifc')));
    const pack = decodeMeshPack(encodeMeshPack(extractGeometry(api, modelId, { maxVertices: LIMIT, onProgress: (done, total) => progress.push([done, total]) })));
    api.Dispose();
    expect(pack.meta.schema).toBe('IFC2X3');
    expect(pack.elementCount).toBe(215);
    expect(typeCounts(pack)).toMatchObject({ IfcWallStandardCase: 56, IfcWindow: 24, IfcDoor: 14, IfcSlab: 21, IfcFurnishingElement: 61 });
    expect(pack.indices.length / 3).toBe(26_774);
    const ids = Array.from({ length: pack.elementCount }, (_, e) => globalIdAt(pack, e));
    expect(ids.every((id) => /^[0-9A-Za-z_$]{22}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(215);
    // Y is up: two storeys and a roof, about 8 m.
    expect(pack.meta.bounds.max[1] - pack.meta.bounds.min[1]).toBeCloseTo(8.18, 1);
    expect(progress[0]).toEqual([0, 224]);
    expect(progress.at(-1)).toEqual([224, 224]);
  });

  it('meshes IfcOpenHouse (IFC4, web-ifc sample, MPL-2.0)', async () => {
    const pack = await packOf(await readFile(join(sharedIfcDir, 'webifc_IfcOpenHouse_IFC4.ifc')));
    expect(pack.meta.schema).toBe('IFC4');
    expect(pack.elementCount).toBe(35);
    expect(pack.indices.length).toBeGreaterThan(0);
  });

  it('reads the IFC inside an .ifczip (Schependomlaan, buildingSMART community sample)', async () => {
    const zip = await readFile(join(sharedIfcDir, 'schependomlaan_ROOT-kalkzandsteen.ifczip'));
    const ifc = unzipIfc(zip, 100 * 1024 * 1024);
    expect(ifc.length).toBe(1_521_984);
    const pack = await packOf(ifc);
    expect(pack.elementCount).toBe(135);
    expect(() => unzipIfc(zip, 1000)).toThrow(/more than the limit/);
    expect(() => unzipIfc(ifc, 1000)).toThrow(IfcReadError);
  });

  it('refuses bytes that are not STEP and a truncated file, with an IfcReadError', async () => {
    const api = await createIfcApi();
    expect(() => openIfcModel(api, new TextEncoder().encode('hello'))).toThrow(/not an IFC STEP file/);
    const duplex = await readFile(join(sharedIfcDir, 'webifc_duplex.ifc'));
    await expect(packOf(duplex.subarray(0, 1_200_000))).rejects.toThrow(IfcReadError);
    api.Dispose();
  });

  const edgeCases = sharedIfcPresent ? readdirSync(conformanceDir).filter((name) => /\.ifc(zip|xml)?$/i.test(name)) : [];
  it.each(edgeCases)('gives a pack or a clear IfcReadError for the xBIM parser edge case %s (CDDL-1.0)', async (name) => {
    let bytes: Uint8Array = await readFile(join(conformanceDir, name));
    try {
      if (name.endsWith('.ifczip')) bytes = unzipIfc(bytes, 100 * 1024 * 1024);
      const pack = await packOf(bytes);
      expect(pack.elementCount).toBeGreaterThanOrEqual(0);
    } catch (error) {
      expect(error).toBeInstanceOf(IfcReadError);
    }
  });
});
