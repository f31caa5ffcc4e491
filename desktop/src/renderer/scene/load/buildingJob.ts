import type { SceneFrameParams } from '../geo/sceneFrame.ts';
import type { BuildingModel } from '../ifc/buildingModel.ts';

/** A building for the worker: its mesh pack and IFC text (bytes), and the scene frame. */
export interface BuildingJob {
  id: number;
  path: string;
  building: string;
  geometry: ArrayBuffer;
  ifc: ArrayBuffer | undefined;
  frame: SceneFrameParams;
}

/** The worker's answer. */
export type BuildingJobResult = { id: number; ok: true; model: BuildingModel; warning?: string } | { id: number; ok: false; error: string };

/** The buffers of a model, to transfer rather than copy. */
export function modelTransferables(model: BuildingModel): ArrayBuffer[] {
  const arrays = [model.opaque, model.translucent].flatMap((s) => [s.positions, s.normals, s.colors, s.storeys, s.indices, s.runs, s.runBounds]);
  arrays.push(model.elements.expressIds, model.elements.storeys, model.elements.bounds, model.bounds);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
