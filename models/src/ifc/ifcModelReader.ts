/**
 * Reads back what the writer put into a building file, through web-ifc: entity counts, the
 * GlobalIds of keyed objects, the IfcMapConversion, and mesh counts. Used by the tests and by
 * anyone checking a file against its plan.
 */
import type { IfcAPI } from 'web-ifc';
import type { MapConversionParameters } from './buildingGeoreference.ts';

/** An opened model; `close()` releases it. */
export interface OpenedIfc {
  modelID: number;
  schema: string;
  close(): void;
}

/** Opens `bytes` on `api`; throws if web-ifc refuses them. */
export function openIfc(api: IfcAPI, bytes: Uint8Array): OpenedIfc {
  const modelID = api.OpenModel(bytes);
  if (modelID < 0) throw new Error('web-ifc could not open the file');
  return { modelID, schema: api.GetModelSchema(modelID), close: () => api.CloseModel(modelID) };
}

/** How many entities of the IFC class `ifcClass` (e.g. `IfcSpace`, subtypes excluded) the model has. */
export function countOf(api: IfcAPI, modelID: number, ifcClass: string): number {
  return api.GetLineIDsWithType(modelID, api.GetTypeCodeFromName(ifcClass.toUpperCase())).size();
}

/** GlobalId → IFC class name (e.g. `IfcSensor`) of every entity of the given classes. */
export function globalIdsByClass(api: IfcAPI, modelID: number, ifcClasses: Iterable<string>): Map<string, string> {
  const found = new Map<string, string>();
  for (const ifcClass of new Set(ifcClasses)) {
    const ids = api.GetLineIDsWithType(modelID, api.GetTypeCodeFromName(ifcClass.toUpperCase()));
    for (let i = 0; i < ids.size(); i++) {
      const line = api.GetLine(modelID, ids.get(i)) as { GlobalId?: { value: string } };
      if (line.GlobalId !== undefined) found.set(line.GlobalId.value, ifcClass);
    }
  }
  return found;
}

/** The model's single IfcMapConversion, or null. */
export function readMapConversion(api: IfcAPI, modelID: number): MapConversionParameters | null {
  const ids = api.GetLineIDsWithType(modelID, api.GetTypeCodeFromName('IFCMAPCONVERSION'));
  if (ids.size() !== 1) return null;
  type Measure = { value: number } | null;
  const line = api.GetLine(modelID, ids.get(0)) as Record<'Eastings' | 'Northings' | 'XAxisAbscissa' | 'XAxisOrdinate' | 'Scale', Measure>;
  const number = (measure: Measure, fallback: number): number => (measure === null ? fallback : Number(measure.value));
  return {
    eastingsM: number(line.Eastings, 0),
    northingsM: number(line.Northings, 0),
    xAxisAbscissa: number(line.XAxisAbscissa, 1),
    xAxisOrdinate: number(line.XAxisOrdinate, 0),
    scale: number(line.Scale, 1),
  };
}

/** Meshes and triangles web-ifc tessellates from the model's products. */
export function meshStats(api: IfcAPI, modelID: number): { meshes: number; triangles: number } {
  let meshes = 0;
  let triangles = 0;
  api.StreamAllMeshes(modelID, (mesh) => {
    meshes++;
    for (let i = 0; i < mesh.geometries.size(); i++) {
      const geometry = api.GetGeometry(modelID, mesh.geometries.get(i).geometryExpressID);
      triangles += geometry.GetIndexDataSize() / 3;
      geometry.delete();
    }
  });
  return { meshes, triangles };
}
