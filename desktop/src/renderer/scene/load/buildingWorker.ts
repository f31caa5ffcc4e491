/**
 * Web Worker: decodes a building's mesh pack, indexes its IFC file and builds the scene model
 * off the main thread, so the UI stays responsive while 34 buildings arrive.
 */
import { decodeMeshPack } from '@twin/protocol';
import { sceneFrame } from '../geo/sceneFrame.ts';
import { buildBuildingModel } from '../ifc/buildingModel.ts';
import { indexIfc, type IfcIndex } from '../ifc/ifcIndex.ts';
import { modelTransferables, type BuildingJob, type BuildingJobResult } from './buildingJob.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BuildingJob>) => void) | null;
  postMessage(message: BuildingJobResult, transfer: Transferable[]): void;
};

scope.onmessage = ({ data: job }) => {
  try {
    const pack = decodeMeshPack(job.geometry);
    let index: IfcIndex | undefined;
    let warning: string | undefined;
    if (job.ifc !== undefined) {
      try {
        index = indexIfc(new TextDecoder().decode(job.ifc));
      } catch (error) {
        warning = `IFC structure unreadable: ${String(error)}`;
      }
    }
    const model = buildBuildingModel(job.path, job.building, pack, index, sceneFrame(job.frame));
    const result: BuildingJobResult = { id: job.id, ok: true, model };
    if (warning !== undefined) result.warning = warning;
    scope.postMessage(result, modelTransferables(model));
  } catch (error) {
    scope.postMessage({ id: job.id, ok: false, error: error instanceof Error ? error.message : String(error) }, []);
  }
};
