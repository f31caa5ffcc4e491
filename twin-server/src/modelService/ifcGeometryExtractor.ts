import { IFCOPENINGELEMENT, IFCOPENINGSTANDARDCASE, IFCPRODUCT, IFCSPACE, IfcAPI, LogLevel, type FlatMesh } from 'web-ifc';
import type { MeshPackInput } from '@twin/protocol';
import { MeshBatchBuilder } from './meshBatchBuilder.ts';

/** Why an IFC file could not be read (the model's fault, not the server's). */
export class IfcReadError extends Error {
  override name = 'IfcReadError';
}

/** Products that have shapes but are not drawn: voids and room volumes (as web-ifc's own streaming skips them). */
const HIDDEN_TYPES = new Set([IFCOPENINGELEMENT, IFCOPENINGSTANDARDCASE, IFCSPACE]);
/** Elements meshed per web-ifc call; progress is reported between calls. */
const CHUNK = 64;

/** A ready web-ifc instance that logs nothing (errors come back as exceptions or results). */
export async function createIfcApi(): Promise<IfcAPI> {
  const api = new IfcAPI();
  await api.Init();
  api.SetLogLevel(LogLevel.LOG_LEVEL_OFF);
  return api;
}

/**
 * Opens an IFC STEP file.
 * @throws IfcReadError when the bytes are not a STEP file web-ifc can open.
 * @throws RangeError when web-ifc runs out of WebAssembly memory.
 */
export function openIfcModel(api: IfcAPI, bytes: Uint8Array): number {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256)).replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('ISO-10303-21')) throw new IfcReadError('not an IFC STEP file (no ISO-10303-21 header)');
  let modelId: number;
  try {
    modelId = api.OpenModel(bytes);
  } catch (error) {
    throw readFailure('web-ifc could not parse the file', error);
  }
  if (modelId < 0) throw new IfcReadError('web-ifc could not parse the file');
  return modelId;
}

/** What {@link extractGeometry} needs besides the model. */
export interface ExtractOptions {
  maxVertices: number;
  sourceSha256?: string;
  /** Called after each chunk of elements: `done` of `total` candidate elements. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Meshes every visible product of an open model into colour batches with per-element runs:
 * the input of `encodeMeshPack`. Elements without triangles are left out.
 * @throws IfcReadError when web-ifc fails on the model's geometry.
 * @throws VertexLimitError when the model has more than `maxVertices` vertices.
 * @throws RangeError when web-ifc runs out of WebAssembly memory.
 */
export function extractGeometry(api: IfcAPI, modelId: number, options: ExtractOptions): MeshPackInput {
  const candidates = visibleProducts(api, modelId);
  const builder = new MeshBatchBuilder({ maxVertices: options.maxVertices });
  const elements: MeshPackInput['elements'] = [];
  let failure: unknown;
  const onMesh = (mesh: FlatMesh) => {
    if (failure !== undefined) return;
    try {
      const element = elements.length;
      if (addMesh(api, modelId, builder, element, mesh) > 0) elements.push(describeElement(api, modelId, mesh.expressID));
    } catch (error) {
      // Never throw through web-ifc's native frames: keep the error and stop after this chunk.
      failure = error;
    }
  };
  options.onProgress?.(0, candidates.length);
  for (let start = 0; start < candidates.length; start += CHUNK) {
    try {
      api.StreamMeshes(modelId, candidates.slice(start, start + CHUNK), onMesh);
    } catch (error) {
      throw readFailure("web-ifc failed on the model's geometry", error);
    }
    if (failure !== undefined) throw failure;
    options.onProgress?.(Math.min(start + CHUNK, candidates.length), candidates.length);
  }
  const { origin, batches } = builder.finish();
  const input: MeshPackInput = { schema: api.GetModelSchema(modelId), origin, elements, batches };
  if (options.sourceSha256 !== undefined) input.sourceSha256 = options.sourceSha256;
  return input;
}

function visibleProducts(api: IfcAPI, modelId: number): number[] {
  const ids = api.GetLineIDsWithType(modelId, IFCPRODUCT, true);
  const out: number[] = [];
  for (let i = 0; i < ids.size(); i++) {
    const id = ids.get(i);
    if (!HIDDEN_TYPES.has(api.GetLineType(modelId, id))) out.push(id);
  }
  return out;
}

/** Adds every placed geometry of one element; returns the triangles added. */
function addMesh(api: IfcAPI, modelId: number, builder: MeshBatchBuilder, element: number, mesh: FlatMesh): number {
  let triangles = 0;
  const placed = mesh.geometries;
  for (let g = 0; g < placed.size(); g++) {
    const { color, flatTransformation, geometryExpressID } = placed.get(g);
    const geometry = api.GetGeometry(modelId, geometryExpressID);
    try {
      const vertices = api.GetVertexArray(geometry.GetVertexData(), geometry.GetVertexDataSize());
      const indices = api.GetIndexArray(geometry.GetIndexData(), geometry.GetIndexDataSize());
      triangles += builder.add(element, color, flatTransformation, vertices, indices);
    } finally {
      geometry.delete();
    }
  }
  return triangles;
}

function describeElement(api: IfcAPI, modelId: number, expressId: number): MeshPackInput['elements'][number] {
  const type = api.GetNameFromTypeCode(api.GetLineType(modelId, expressId));
  let globalId = '';
  try {
    const line = api.GetLine(modelId, expressId) as { GlobalId?: { value?: unknown } } | undefined;
    if (typeof line?.GlobalId?.value === 'string') globalId = line.GlobalId.value;
  } catch {
    // An element whose attributes do not parse still has its geometry; it just has no GlobalId.
  }
  return { expressId, globalId, type };
}

/** An exception out of web-ifc: the file's fault, unless WebAssembly ran out of memory (then a RangeError). */
function readFailure(what: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : '';
  if (/OOM|out of memory|enlarge memory|maximum memory/i.test(message)) return new RangeError(`${what}: WebAssembly memory exhausted (${message})`);
  return new IfcReadError(message === '' ? what : `${what}: ${message}`);
}
