import { beforeAll, describe, expect, it } from 'vitest';
import { importModel } from '../importModel.ts';
import { resolveImportOptions } from '../importOptions.ts';
import type { ImportReport } from '../importReport.ts';
import { ModelImportError } from '../modelImportError.ts';
import { sharedDataPresent, sharedFile } from '../../test/sharedTestData.ts';
import { WarningList } from '../warningList.ts';
import { importGraphml } from './importGraphml.ts';
import { normaliseTagValue } from './tagValue.ts';

function graphml(text: string) {
  return importGraphml({ file: 't.graphml', bytes: Buffer.from(text), options: resolveImportOptions({}, 't.graphml'), warnings: new WarningList() });
}

function failure(text: string): ModelImportError {
  try {
    graphml(text);
  } catch (error) {
    if (error instanceof ModelImportError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

const KEYS = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  '<key id="d0" for="graph" attr.name="crs" attr.type="string"/>',
  '<key id="d1" for="node" attr.name="y" attr.type="string"/>',
  '<key id="d2" for="node" attr.name="x" attr.type="string"/>',
  '<key id="d3" for="edge" attr.name="highway" attr.type="string"/>',
  '<graph edgedefault="directed"><data key="d0">epsg:4326</data>',
];
const node = (id: string, x: number, y: number) => `<node id="${id}"><data key="d2">${x}</data><data key="d1">${y}</data></node>`;
const edge = (source: string, target: string, highway: string) => `<edge source="${source}" target="${target}" id="0"><data key="d3">${highway}</data></edge>`;
const document = (...body: string[]) => [...KEYS, ...body, '</graph></graphml>'].join('\n');

describe('importGraphml', () => {
  it('counts nodes and edges, and edges by highway class', () => {
    const report = graphml(document(node('1', 114.05, 22.54), node('2', 114.06, 22.55), edge('1', '2', 'primary'), edge('2', '1', "['steps', 'footway']")));
    expect(report.counts).toEqual({ edges: 2, nodes: 2, 'edges:highway=primary': 1, 'edges:highway=steps;footway': 1 });
    expect(report.georeference).toEqual({ source: 'file', crs: 'EPSG:4326', bbox: [114.05, 22.54, 114.06, 22.55] });
    expect(report.schema).toBe('GraphML');
  });

  it('refuses an edge to an undeclared node, naming its line', () => {
    const error = failure(document(node('1', 114.05, 22.54), edge('1', '9', 'service')));
    expect(error).toMatchObject({ code: 'TWIN_ERR_MODEL_IMPORT_BROKEN_REFERENCE', where: { file: 't.graphml', line: 9, entity: 'edge 1→9 #0' } });
    expect(error.message).toMatch(/node 9, which the graph does not declare/);
  });

  it('refuses malformed XML, undeclared keys, DOCTYPE and out-of-range coordinates', () => {
    expect(failure(document(node('1', 114.05, 22.54), '<node id="2">')).message).toMatch(/<\/graph> closes <node>/);
    expect(failure(document('<node id="1"><data key="d9">1</data></node>')).message).toMatch(/key no <key> declares/);
    expect(failure(`<!DOCTYPE graphml [<!ENTITY a "aaaa">]>\n${document()}`).message).toMatch(/DOCTYPE/);
    expect(failure(document(node('1', 214.05, 22.54))).where).toMatchObject({ line: 8, entity: 'node 1' });
    expect(failure(document('<node id="1"><data key="d2">a &amp b</data></node>')).message).toMatch(/entity/);
  });

  it('normalises OSMnx list values to the OSM multi-value form', () => {
    expect(normaliseTagValue("['path', 'footway']")).toBe('path;footway');
    expect(normaliseTagValue(['path', 'footway'])).toBe('path;footway');
    expect(normaliseTagValue(' residential ')).toBe('residential');
    expect(normaliseTagValue('')).toBeUndefined();
  });
});

const GRAPHML = 'gis/shenzhen-transbigdata/futian_roads_osmnx.graphml';
const GEOJSON = 'gis/shenzhen-transbigdata/futian_roads_osmnx.derived.geojson';

// OpenStreetMap-derived geometry (ODbL-1.0) via transbigdata (BSD-3-Clause).
describe.skipIf(!sharedDataPresent('the Futian road graph', GRAPHML, GEOJSON))('importing the Futian road graph', () => {
  let graph: ImportReport;
  let features: ImportReport;

  beforeAll(async () => {
    [graph, features] = await Promise.all([importModel(sharedFile(GRAPHML)), importModel(sharedFile(GEOJSON))]);
  });

  it('reads 1751 nodes and 4009 edges written by OSMnx 1.2.2', () => {
    expect(graph).toMatchObject({ kind: 'osm', schema: 'GraphML (OSMnx 1.2.2)', warnings: [] });
    expect(graph.counts).toMatchObject({
      nodes: 1751,
      edges: 4009,
      'nodes:highway=crossing': 48,
      'nodes:highway=traffic_signals': 3,
      'nodes:highway=mini_roundabout': 1,
      'edges:highway=residential': 890,
      'edges:highway=primary': 230,
      'edges:highway=path;footway': 6,
    });
    expect(graph.georeference).toEqual({ source: 'file', crs: 'EPSG:4326', bbox: [113.997019, 22.5166623, 114.0398832, 22.5505225] });
  });

  it('describes the same edges as its GeoJSON twin: one feature per edge, class for class', () => {
    expect(features.counts.features).toBe(graph.counts.edges);
    const edgeClasses = Object.entries(graph.counts).filter(([key]) => key.startsWith('edges:highway='));
    const featureClasses = Object.entries(features.counts).filter(([key]) => key.startsWith('highway='));
    expect(featureClasses).toEqual(edgeClasses.map(([key, n]) => [key.replace('edges:', ''), n]));
    // The graph's bbox covers its nodes; the features' also their curved geometry, so it holds the other.
    const [gx0, gy0, gx1, gy1] = graph.georeference!.bbox!;
    const [fx0, fy0, fx1, fy1] = features.georeference!.bbox!;
    expect([fx0 <= gx0, fy0 <= gy0, fx1 >= gx1, fy1 >= gy1]).toEqual([true, true, true, true]);
  });
});
