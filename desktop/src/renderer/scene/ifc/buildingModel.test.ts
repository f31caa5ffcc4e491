import { describe, expect, it } from 'vitest';
import { decodeMeshPack, encodeMeshPack, type MeshPackBatchInput } from '@twin/protocol';
import { sceneFrame } from '../geo/sceneFrame.ts';
import { buildBuildingModel, NO_STOREY } from './buildingModel.ts';
import type { IfcIndex } from './ifcIndex.ts';

/** One triangle per element, in pack coordinates (Y up). */
function batch(color: [number, number, number, number], element: number, at: [number, number, number]): MeshPackBatchInput {
  const [x, y, z] = at;
  return {
    color,
    positions: new Float32Array([x, y, z, x + 1, y, z, x, y + 1, z]),
    normals: new Int16Array([0, 0, 32767, 0, 0, 32767, 0, 0, 32767]),
    indices: new Uint32Array([0, 1, 2]),
    vertexCount: 3,
    indexCount: 3,
    runs: [{ element, firstVertex: 0, vertexCount: 3, firstIndex: 0, indexCount: 3 }],
  };
}

const pack = decodeMeshPack(
  encodeMeshPack({
    schema: 'IFC4',
    origin: [0, 0, 0],
    elements: [
      { expressId: 10, globalId: '0wall00000000000000001', type: 'IfcWall' },
      { expressId: 11, globalId: '0window000000000000001', type: 'IfcWindow' },
    ],
    batches: [batch([0.8, 0.8, 0.8, 1], 0, [0, 0, 0]), batch([0.5, 0.7, 0.9, 0.5], 1, [5, 3, -2])],
  }),
);

const index: IfcIndex = {
  storeys: [{ expressId: 2, name: 'F1', elevationM: 0 }, { expressId: 3, name: 'F2', elevationM: 3 }],
  storeyOf: new Map([[11, 1]]),
  spaces: [{ expressId: 4, storey: 0, box: [2, 0, 0, 10, 0, 3, 0, 20, 0, 0, 4, 2] }],
  objects: new Map(),
  propertySets: [],
  // Model x points north (true north is -x): a quarter turn anticlockwise.
  georeference: { source: 'IfcSite', lon: 114.06, lat: 22.54, elevationM: 10, trueNorth: [1, 0] },
};
const frame = sceneFrame({ origin: { lon: 114.06, lat: 22.54 }, ground: { e0: 8, slopeX: 0, slopeZ: 0 } });

describe('buildBuildingModel', () => {
  const model = buildBuildingModel('ifc/B09.ifc', 'B09', pack, index, frame);

  it('splits opaque and translucent batches, keeping their colours per vertex (linear)', () => {
    expect(model.opaque.indices.length).toBe(3);
    expect(model.translucent.indices.length).toBe(3);
    expect([...model.translucent.colors.subarray(0, 4)]).toEqual([55, 114, 201, 128]);
    expect([...model.opaque.runs]).toEqual([0, 0, 3]);
    expect([...model.translucent.runs]).toEqual([1, 0, 3]);
  });

  it('places vertices through the georeference: model x turned to north, raised to the ground level', () => {
    // Pack (1, 0, 0) is model x = 1 → 1 m north → scene z = -1; y = 0 + (10 - 8).
    expect([...model.opaque.positions.subarray(3, 6)].map((v) => Number(v.toFixed(6)))).toEqual([0, 2, -1]);
    // The pack normal +Z is model -y, which points east after the turn.
    expect(model.opaque.normals[0]).toBe(32767);
  });

  it('records storeys per vertex and bounds per run and element', () => {
    expect([...model.opaque.storeys]).toEqual([NO_STOREY, NO_STOREY, NO_STOREY]);
    expect([...model.translucent.storeys]).toEqual([1, 1, 1]);
    expect(model.elements.storeys[1]).toBe(1);
    expect([...model.elements.bounds.subarray(0, 6)].map((v) => Number(v.toFixed(6)))).toEqual([0, 2, -1, 0, 3, 0]);
    expect([...model.translucent.runBounds]).toEqual([...model.elements.bounds.subarray(6, 12)]);
    expect(model.storeys).toEqual([{ expressId: 2, name: 'F1', y: 2 }, { expressId: 3, name: 'F2', y: 5 }]);
  });

  it('carries element ids and types and maps space boxes into the scene', () => {
    expect(model.elements.globalIds).toEqual(['0wall00000000000000001', '0window000000000000001']);
    expect(model.elements.types).toEqual(['IfcWall', 'IfcWindow']);
    // Box centre model (10, 20, 2) → 10 m north, 20 m west, 2 m up.
    const m = model.spaces[0]!.matrix!;
    expect([m[12], m[13], m[14]].map((v) => Number(v!.toFixed(6)))).toEqual([-20, 4, -10]);
  });
});
