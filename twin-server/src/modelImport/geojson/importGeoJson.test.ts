import { describe, expect, it } from 'vitest';
import { importModel } from '../importModel.ts';
import { resolveImportOptions } from '../importOptions.ts';
import type { ImportOptions } from '../importReport.ts';
import { ModelImportError } from '../modelImportError.ts';
import { sharedDataPresent, sharedFile } from '../../test/sharedTestData.ts';
import { WarningList } from '../warningList.ts';
import { importGeoJson } from './importGeoJson.ts';

function geojson(document: unknown, options: ImportOptions = {}) {
  const text = typeof document === 'string' ? document : JSON.stringify(document);
  return importGeoJson({ file: 't.geojson', bytes: Buffer.from(text), options: resolveImportOptions(options, 't.geojson'), warnings: new WarningList() });
}

function failure(document: unknown): ModelImportError {
  try {
    geojson(document);
  } catch (error) {
    if (error instanceof ModelImportError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

const square = [[[114, 22], [114.1, 22], [114.1, 22.1], [114, 22.1], [114, 22]]];
const feature = (geometry: unknown, properties: unknown = {}) => ({ type: 'Feature', properties, geometry });

describe('importGeoJson', () => {
  it('counts features by geometry type and by kind, class and highway, and gives the WGS84 bbox', () => {
    const report = geojson({
      type: 'FeatureCollection',
      features: [
        feature({ type: 'Polygon', coordinates: square }, { kind: 'building' }),
        feature({ type: 'LineString', coordinates: [[114, 22], [114.2, 22.3]] }, { highway: "['steps', 'footway']" }),
        feature({ type: 'Point', coordinates: [114.05, 22.5, 10] }, { class: 'hydrant' }),
        feature(null, null),
      ],
    });
    expect(report).toMatchObject({ kind: 'geojson', schema: 'RFC 7946', warnings: [] });
    expect(report.counts).toEqual({ features: 4, LineString: 1, noGeometry: 1, Point: 1, Polygon: 1, 'class=hydrant': 1, 'highway=steps;footway': 1, 'kind=building': 1 });
    expect(report.georeference).toEqual({ source: 'file', crs: 'EPSG:4326', bbox: [114, 22, 114.2, 22.5] });
  });

  it('gives the line and column of a JSON syntax error', () => {
    const error = failure('{\n  "type": "FeatureCollection",\n  "features": [ , ]\n}');
    expect(error.code).toBe('TWIN_ERR_MODEL_IMPORT_MALFORMED');
    expect(error.where).toMatchObject({ file: 't.geojson', line: 3 });
  });

  it('points at coordinates that are not numbers or out of range', () => {
    expect(failure({ type: 'FeatureCollection', features: [feature({ type: 'Point', coordinates: [114, 22] }), feature({ type: 'Point', coordinates: [114, '22'] })] }).where).toEqual({ file: 't.geojson', pointer: '/features/1/geometry/coordinates/1' });
    const latitude = failure({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[114, 22], [22.5, 114]] } });
    expect(latitude.message).toMatch(/latitude 114 is outside -90..90/);
    expect(latitude.where.pointer).toBe('/geometry/coordinates/1/1');
    expect(failure({ type: 'LineString', coordinates: [[114, 22]] }).where.pointer).toBe('/coordinates');
    expect(failure({ type: 'Circle', coordinates: [0, 0] }).message).toMatch(/unknown geometry type "Circle"/);
  });

  it('warns about unclosed rings, which it reads as closed, and refuses degenerate ones', () => {
    const open = geojson({ type: 'Polygon', coordinates: [[[114, 22], [114.1, 22], [114.1, 22.1], [114, 22.1]]] });
    expect(open.warnings).toEqual([{ message: expect.stringMatching(/not closed/) as string, where: { file: 't.geojson', pointer: '/coordinates/0' } }]);
    expect(failure({ type: 'Polygon', coordinates: [[[114, 22], [114.1, 22], [114, 22]]] }).message).toMatch(/at least 4 positions/);
  });

  it('reads a legacy crs member, skipping the WGS84 range check for projected coordinates', () => {
    const report = geojson({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4547' } }, features: [feature({ type: 'Point', coordinates: [501_234.5, 2_493_100.2] })] });
    expect(report.schema).toBe('GeoJSON 2008');
    expect(report.georeference).toEqual({ source: 'file', crs: 'EPSG:4547', bbox: [501_234.5, 2_493_100.2, 501_234.5, 2_493_100.2] });
    expect(report.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/crs member \(GeoJSON 2008\)/)]);
  });

  it('refuses text that is not UTF-8, naming the line', () => {
    const bytes = Buffer.concat([Buffer.from('{"type":"FeatureCollection",\n"features":[],"name":"'), Buffer.from([0xb8, 0xa3]), Buffer.from('"}')]);
    expect(() => importGeoJson({ file: 'gbk.geojson', bytes, options: resolveImportOptions({}, 'x'), warnings: new WarningList() })).toThrow(
      expect.objectContaining({ code: 'TWIN_ERR_MODEL_IMPORT_MALFORMED', where: { file: 'gbk.geojson', line: 2 } }) as Error,
    );
  });
});

const FUTIAN = 'gis/shenzhen-transbigdata/futian_roads_osmnx.derived.geojson';
const DISTRICTS = 'gis/shenzhen-transbigdata/sz_districts.json';

// OpenStreetMap-derived geometry (ODbL-1.0) via transbigdata (BSD-3-Clause).
describe.skipIf(!sharedDataPresent('the Shenzhen GeoJSON files', FUTIAN, DISTRICTS))('importing the Shenzhen GeoJSON files', () => {
  it('reads the Futian road network: 4009 line strings, counted by highway class', async () => {
    const report = await importModel(sharedFile(FUTIAN));
    expect(report).toMatchObject({ kind: 'geojson', schema: 'RFC 7946', warnings: [] });
    expect(report.counts).toMatchObject({
      features: 4009,
      LineString: 4009,
      'highway=residential': 890,
      'highway=footway': 726,
      'highway=service': 714,
      'highway=tertiary': 345,
      'highway=secondary': 240,
      'highway=primary': 230,
      'highway=trunk': 15,
      'highway=steps;footway': 22,
    });
    const classes = Object.entries(report.counts).filter(([key]) => key.startsWith('highway='));
    expect(classes).toHaveLength(29);
    expect(classes.reduce((sum, [, n]) => sum + n, 0)).toBe(4009);
    expect(report.georeference).toEqual({ source: 'file', crs: 'EPSG:4326', bbox: [113.997019, 22.5166623, 114.0399263, 22.550524] });
  });

  it("reads Shenzhen's ten districts: 8 polygons and 2 multipolygons", async () => {
    const report = await importModel(sharedFile(DISTRICTS));
    expect(report.counts).toEqual({ features: 10, MultiPolygon: 2, Polygon: 8 });
    expect(report.georeference?.bbox?.map((v) => Number(v.toFixed(4)))).toEqual([113.7463, 22.3993, 114.624, 22.8647]);
    expect(report.warnings).toEqual([]);
  });
});
