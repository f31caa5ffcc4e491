import { NO_STOREY, type BuildingSurfaces } from '../ifc/buildingModel.ts';
import { PickRanges } from './pickRanges.ts';

/** One building's surfaces to merge, with its slot (index among loaded buildings) and the global id of its first storey. */
export interface MergeInput {
  slot: number;
  surfaces: BuildingSurfaces;
  storeyBase: number;
}

/** The runs of the merged surfaces, in index order: what to pick and highlight. */
export interface MergedParts {
  count: number;
  slot: Uint32Array;
  element: Uint32Array;
  firstIndex: Uint32Array;
  indexCount: Uint32Array;
  /** 6 floats per part: scene bounds. */
  bounds: Float32Array;
}

/** Several buildings' surfaces as one geometry: one draw call for all of them. */
export interface MergedSurfaces {
  positions: Float32Array;
  normals: Int16Array;
  colors: Uint8Array;
  /** Global storey id per vertex (-1: none), for storey isolation in the shader. */
  storeyIds: Float32Array;
  indices: Uint32Array;
  parts: MergedParts;
  /** Triangle → building slot (owner) and element (sub-owner). */
  ranges: PickRanges;
}

/** Concatenates buildings' surfaces, rebasing indices, and lists every run as a part. */
export function mergeBuildingSurfaces(inputs: readonly MergeInput[]): MergedSurfaces {
  const vertices = inputs.reduce((n, b) => n + b.surfaces.storeys.length, 0);
  const indexTotal = inputs.reduce((n, b) => n + b.surfaces.indices.length, 0);
  const partTotal = inputs.reduce((n, b) => n + b.surfaces.runs.length / 3, 0);
  const out: MergedSurfaces = {
    positions: new Float32Array(3 * vertices),
    normals: new Int16Array(3 * vertices),
    colors: new Uint8Array(4 * vertices),
    storeyIds: new Float32Array(vertices),
    indices: new Uint32Array(indexTotal),
    parts: {
      count: partTotal,
      slot: new Uint32Array(partTotal),
      element: new Uint32Array(partTotal),
      firstIndex: new Uint32Array(partTotal),
      indexCount: new Uint32Array(partTotal),
      bounds: new Float32Array(6 * partTotal),
    },
    ranges: new PickRanges(),
  };
  let vertexBase = 0;
  let indexBase = 0;
  let part = 0;
  for (const { slot, surfaces, storeyBase } of inputs) {
    const n = surfaces.storeys.length;
    out.positions.set(surfaces.positions, 3 * vertexBase);
    out.normals.set(surfaces.normals, 3 * vertexBase);
    out.colors.set(surfaces.colors, 4 * vertexBase);
    for (let v = 0; v < n; v++) out.storeyIds[vertexBase + v] = surfaces.storeys[v] === NO_STOREY ? -1 : storeyBase + surfaces.storeys[v]!;
    for (let i = 0; i < surfaces.indices.length; i++) out.indices[indexBase + i] = surfaces.indices[i]! + vertexBase;
    // Runs are in index order within a building, and buildings follow each other.
    const runs = [...Array(surfaces.runs.length / 3).keys()].sort((a, b) => surfaces.runs[3 * a + 1]! - surfaces.runs[3 * b + 1]!);
    for (const r of runs) {
      const [element, first, count] = [surfaces.runs[3 * r]!, surfaces.runs[3 * r + 1]!, surfaces.runs[3 * r + 2]!];
      out.parts.slot[part] = slot;
      out.parts.element[part] = element;
      out.parts.firstIndex[part] = indexBase + first;
      out.parts.indexCount[part] = count;
      out.parts.bounds.set(surfaces.runBounds.subarray(6 * r, 6 * r + 6), 6 * part);
      out.ranges.add((indexBase + first) / 3, count / 3, slot, element);
      part++;
    }
    vertexBase += n;
    indexBase += surfaces.indices.length;
  }
  return out;
}
