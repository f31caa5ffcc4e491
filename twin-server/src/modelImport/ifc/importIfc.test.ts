import { describe, expect, it } from 'vitest';
import { importModel } from '../importModel.ts';
import type { IfcImportReport } from '../importReport.ts';
import { sharedDataPresent, sharedFile } from '../../test/sharedTestData.ts';

const FILES = {
  georeferencing: 'ifc/bsi_ifc4_geographic-referencing.ifc',
  schependomlaan: 'ifc/schependomlaan_ROOT-kalkzandsteen.ifczip',
  openHouse: 'ifc/webifc_IfcOpenHouse_IFC4.ifc',
  duplex: 'ifc/webifc_duplex.ifc',
};

async function importIfcFile(relative: string, options = {}): Promise<IfcImportReport> {
  const report = await importModel(sharedFile(relative), options);
  expect(report.kind).toBe('ifc');
  return report as IfcImportReport;
}

/** Project → … → storey names, as `Type 'name'` paths. */
function storeys(report: IfcImportReport): string[] {
  const out: string[] = [];
  const walk = (node: IfcImportReport['spatialStructure'][number], path: string[]): void => {
    const here = [...path, `${node.type} '${node.name ?? ''}'`];
    if (node.children.length === 0) out.push(here.join(' / '));
    node.children.forEach((child) => walk(child, here));
  };
  report.spatialStructure.forEach((root) => walk(root, []));
  return out;
}

// Counts are web-ifc's instance counts per class (GetLineIDsWithType, exact type), cross-checked
// against the instance names in the STEP text.
describe.skipIf(!sharedDataPresent('the shared IFC models', ...Object.values(FILES)))('importing the shared IFC models', () => {
  it('reads the Duplex apartment (IFC2X3): classes, storeys, spaces, property sets, IfcSite reference point', async () => {
    const report = await importIfcFile(FILES.duplex);
    expect(report).toMatchObject({ schema: 'IFC2X3', entities: 38_898, lengthUnit: 'METRE', warnings: [] });
    expect(report.counts).toEqual({
      IfcBeam: 8, IfcBuilding: 1, IfcBuildingStorey: 4, IfcCovering: 13, IfcDoor: 14, IfcElementQuantity: 21, IfcFooting: 7,
      IfcFurnishingElement: 61, IfcMember: 4, IfcOpeningElement: 50, IfcProject: 1, IfcPropertySet: 1459, IfcRailing: 4, IfcRoof: 1,
      IfcSite: 1, IfcSlab: 21, IfcSpace: 21, IfcStair: 2, IfcStairFlight: 2, IfcWall: 1, IfcWallStandardCase: 56, IfcWindow: 24,
    });
    expect(storeys(report)).toEqual([
      "IfcProject '0001' / IfcSite 'Default' / IfcBuilding '' / IfcBuildingStorey 'Level 1'",
      "IfcProject '0001' / IfcSite 'Default' / IfcBuilding '' / IfcBuildingStorey 'Level 2'",
      "IfcProject '0001' / IfcSite 'Default' / IfcBuilding '' / IfcBuildingStorey 'T/FDN'",
      "IfcProject '0001' / IfcSite 'Default' / IfcBuilding '' / IfcBuildingStorey 'Roof'",
    ]);
    const levels = report.spatialStructure[0]!.children[0]!.children[0]!.children;
    expect(levels.map((s) => [s.elevation, s.elements, s.spaces])).toEqual([
      [0, 52, 10],
      [expect.closeTo(3.1, 9), 73, 10],
      [-1.25, 14, 0],
      [expect.closeTo(6, 9), 7, 1],
    ]);
    expect(report.propertySets).toEqual({ propertySets: 1459, properties: 6371, quantitySets: 21, objectsWithProperties: 253 });
    // IfcSite RefLatitude (41,52,27,840000), RefLongitude (-87,-38,-21,-839999): Chicago.
    expect(report.georeference).toEqual({ source: 'IfcSite', crs: 'local-metres', origin: { latDeg: expect.closeTo(41.8744, 9), lonDeg: expect.closeTo(-87.6394, 6), heightM: 0 } });
  });

  it('reads IfcOpenHouse (IFC4), which has no georeference, and places it at the anchor', async () => {
    const report = await importIfcFile(FILES.openHouse);
    expect(report).toMatchObject({ schema: 'IFC4', entities: 2885, lengthUnit: 'MILLIMETRE', georeference: null });
    expect(report.counts).toEqual({
      IfcBuilding: 1, IfcBuildingStorey: 1, IfcDoor: 1, IfcFooting: 1, IfcMember: 20, IfcOpeningElement: 4, IfcPlate: 5, IfcProject: 1,
      IfcRoof: 1, IfcSite: 1, IfcSlab: 2, IfcStairFlight: 1, IfcWallStandardCase: 4, IfcWindow: 5,
    });
    expect(storeys(report)).toEqual(["IfcProject 'IfcOpenHouse' / IfcSite '' / IfcBuilding '' / IfcBuildingStorey ''"]);
    expect(report.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/no georeference/)]);

    const anchored = await importIfcFile(FILES.openHouse, { anchor: { lonDeg: 114.0579, latDeg: 22.5431, heightM: 12 } });
    expect(anchored.georeference).toEqual({ source: 'anchor', crs: 'local-metres', origin: { lonDeg: 114.0579, latDeg: 22.5431, heightM: 12 } });
    expect(anchored.warnings).toEqual([]);
  });

  it('reads the IfcMapConversion to EPSG:25832 of the buildingSMART georeferencing sample', async () => {
    const report = await importIfcFile(FILES.georeferencing, { anchor: { lonDeg: 0, latDeg: 0 } });
    expect(report.counts).toEqual({ IfcBuilding: 1, IfcBuildingElementProxy: 1, IfcBuildingStorey: 1, IfcProject: 1, IfcSite: 1 });
    expect(storeys(report)).toEqual(["IfcProject 'Notch' / IfcSite 'Site' / IfcBuilding 'Building' / IfcBuildingStorey 'Storey 1'"]);
    expect(report.georeference).toEqual({
      source: 'IfcMapConversion',
      crs: 'EPSG:25832',
      mapConversion: {
        entity: '#2',
        eastings: 458658.78,
        northings: 5438232.79,
        orthogonalHeight: 113.7,
        xAxisAbscissa: 0.270600445976,
        xAxisOrdinate: 0.962691746426,
        rotationDeg: expect.closeTo(74.3, 6),
        scale: 1,
        targetCrs: { name: 'EPSG:25832', description: 'UTM in band 32', geodeticDatum: 'ETRS89', mapProjection: 'UTM', mapZone: 'UTM32', mapUnit: 'METRE' },
      },
      // RefLatitude (49,5,44,124), RefLongitude (8,26,1,320000); RefElevation 113.7 is in the
      // project's length unit, millimetres, as IFC defines it.
      origin: { latDeg: expect.closeTo(49.09555559, 8), lonDeg: expect.closeTo(8.4337, 9), heightM: expect.closeTo(0.1137, 9) },
    });
    expect(report.warnings.map((w) => w.message)).toEqual(['the anchor is ignored: the model has its own georeference (IfcMapConversion)']);
  });

  it('reads the Schependomlaan .ifczip (IFC2X3) from its archive member', async () => {
    const report = await importIfcFile(FILES.schependomlaan);
    expect(report).toMatchObject({ schema: 'IFC2X3', entry: 'IFC-kalkzandsteen.ifc', entities: 21_258, lengthUnit: 'MILLIMETRE', warnings: [] });
    expect(report.counts).toEqual({
      IfcBuilding: 1, IfcBuildingElementProxy: 1, IfcBuildingStorey: 5, IfcElementQuantity: 277, IfcProject: 1, IfcPropertySet: 513,
      IfcSite: 1, IfcWall: 56, IfcWallStandardCase: 78,
    });
    expect(storeys(report).map((path) => path.split(' / ').pop())).toEqual([
      "IfcBuildingStorey '00 begane grond'",
      "IfcBuildingStorey '01 eerste verdieping'",
      "IfcBuildingStorey '02 tweede verdieping'",
      "IfcBuildingStorey '03 derde verdieping'",
      "IfcBuildingStorey '04 dak'",
    ]);
    expect(report.propertySets).toEqual({ propertySets: 513, properties: 4029, quantitySets: 277, objectsWithProperties: 142 });
    expect(report.georeference).toMatchObject({ source: 'IfcSite', origin: { latDeg: expect.closeTo(52.15, 9), lonDeg: expect.closeTo(5.383333, 6), heightM: 20 } });
  });

  it('stops an import that runs past its time limit, or out of its heap, and refuses files above the size cap', async () => {
    await expect(importModel(sharedFile(FILES.duplex), { timeoutMs: 20 })).rejects.toMatchObject({ code: 'TWIN_ERR_MODEL_IMPORT_TIMEOUT' });
    await expect(importModel(sharedFile(FILES.duplex), { maxHeapMb: 16 })).rejects.toMatchObject({ code: 'TWIN_ERR_MODEL_IMPORT_RESOURCE_LIMIT' });
    await expect(importModel(sharedFile(FILES.duplex), { maxBytes: 1_000_000 })).rejects.toMatchObject({ code: 'TWIN_ERR_MODEL_IMPORT_TOO_LARGE' });
    // The cap applies to what the archive unpacks to, not only to the archive.
    await expect(importModel(sharedFile(FILES.schependomlaan), { maxBytes: 1_000_000 })).rejects.toMatchObject({ code: 'TWIN_ERR_MODEL_IMPORT_TOO_LARGE' });
  });
});
