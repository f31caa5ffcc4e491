import { globalIdAt, packNormalComponent, typeAt, type MeshPack } from '@twin/protocol';
import { srgbToLinearByte } from '../build/linearColor.ts';
import type { SceneFrame } from '../geo/sceneFrame.ts';
import { buildingPlacement, type BuildingPlacement } from './buildingPlacement.ts';
import { compose, type Affine } from './ifcPlacement.ts';
import type { IfcIndex, IfcObjectInfo, IfcPropertySet } from './ifcIndex.ts';

/** Per-vertex storey value of elements in no storey. */
export const NO_STOREY = 0xffff;
/** Batches with an alpha below this are drawn translucent. */
const OPAQUE_ALPHA = 0.999;

/** The opaque or the translucent surfaces of a building, in scene coordinates. */
export interface BuildingSurfaces {
  positions: Float32Array;
  /** Signed normalised int16 xyz. */
  normals: Int16Array;
  /** RGBA bytes, colour linear (as three.js takes vertex colours). */
  colors: Uint8Array;
  /** Storey index of each vertex's element ({@link NO_STOREY} when none). */
  storeys: Uint16Array;
  indices: Uint32Array;
  /** 3 words per run (one element's share of one colour): element, first index, index count. */
  runs: Uint32Array;
  /** 6 floats per run: its scene bounds, min xyz then max xyz. */
  runBounds: Float32Array;
}

/** A building ready to merge into the scene: geometry, element table, structure, properties. */
export interface BuildingModel {
  /** Manifest path of the IFC file. */
  path: string;
  /** Building id of the manifest, e.g. `B01`. */
  building: string;
  schema: string;
  placementSource: BuildingPlacement['source'];
  opaque: BuildingSurfaces;
  translucent: BuildingSurfaces;
  elements: {
    expressIds: Uint32Array;
    globalIds: string[];
    types: string[];
    /** Storey index per element, -1 when none. */
    storeys: Int16Array;
    /** 6 floats per element: scene bounds. */
    bounds: Float32Array;
  };
  /** Storeys by elevation; `y` is the scene height of the storey's level. */
  storeys: Array<{ expressId: number; name: string; y: number }>;
  /** Spaces; `matrix` (column-major 4×4) maps the unit cube onto the space's box in the scene. */
  spaces: Array<{ expressId: number; storey: number; matrix?: number[] }>;
  /** Express id of the IfcBuilding. */
  buildingExpressId?: number;
  objects: Map<number, IfcObjectInfo>;
  propertySets: IfcPropertySet[];
  /** Scene bounds of the whole building. */
  bounds: Float32Array;
}

/**
 * Turns a decoded mesh pack (model coordinates, Y up) and the index of its IFC file into scene
 * geometry: every vertex placed through the model's georeference, opaque and translucent
 * batches split, colours and storeys per vertex, bounds per run and per element.
 */
export function buildBuildingModel(path: string, building: string, pack: MeshPack, index: IfcIndex | undefined, frame: SceneFrame): BuildingModel {
  const placement = buildingPlacement(index?.georeference, frame);
  const elementStoreys = new Int16Array(pack.elementCount);
  for (let e = 0; e < pack.elementCount; e++) elementStoreys[e] = index?.storeyOf.get(pack.expressIds[e]!) ?? -1;
  const elementBounds = new Float32Array(6 * pack.elementCount).fill(Infinity);
  for (let e = 0; e < pack.elementCount; e++) elementBounds.fill(-Infinity, 6 * e + 3, 6 * e + 6);
  const place = placer(pack.origin, placement);
  const opaque = buildSurfaces(pack, (alpha) => alpha >= OPAQUE_ALPHA, elementStoreys, elementBounds, place);
  const translucent = buildSurfaces(pack, (alpha) => alpha < OPAQUE_ALPHA, elementStoreys, elementBounds, place);
  const bounds = new Float32Array([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity]);
  for (let e = 0; e < pack.elementCount; e++) {
    for (let a = 0; a < 3; a++) {
      bounds[a] = Math.min(bounds[a]!, elementBounds[6 * e + a]!);
      bounds[a + 3] = Math.max(bounds[a + 3]!, elementBounds[6 * e + 3 + a]!);
    }
  }
  const model: BuildingModel = {
    path,
    building,
    schema: index?.schema ?? pack.meta.schema,
    placementSource: placement.source,
    opaque,
    translucent,
    elements: {
      expressIds: pack.expressIds.slice(),
      globalIds: Array.from({ length: pack.elementCount }, (_, e) => globalIdAt(pack, e)),
      types: Array.from({ length: pack.elementCount }, (_, e) => typeAt(pack, e)),
      storeys: elementStoreys,
      bounds: elementBounds,
    },
    storeys: (index?.storeys ?? []).map((s) => ({ expressId: s.expressId, name: s.name, y: s.elevationM + placement.yOffset })),
    spaces: (index?.spaces ?? []).map((s) => (s.box === undefined ? { expressId: s.expressId, storey: s.storey } : { expressId: s.expressId, storey: s.storey, matrix: sceneMatrix(placement, s.box) })),
    objects: index?.objects ?? new Map(),
    propertySets: index?.propertySets ?? [],
    bounds,
  };
  if (index?.building !== undefined) model.buildingExpressId = index.building;
  return model;
}

/** Pack position (relative to its origin, Y up, -Z = model y) → scene position, and normals alike. */
function placer(origin: [number, number, number], placement: BuildingPlacement) {
  const [m00, m01, m10, m11] = placement.m;
  const [t0, t1] = placement.t;
  return {
    point(px: number, py: number, pz: number, out: Float32Array, o: number): void {
      const x = px + origin[0];
      const y = -(pz + origin[2]);
      out[o] = m00 * x + m01 * y + t0;
      out[o + 1] = py + origin[1] + placement.yOffset;
      out[o + 2] = -(m10 * x + m11 * y + t1);
    },
    normal(nx: number, ny: number, nz: number, out: Int16Array, o: number): void {
      const e = m00 * nx - m01 * nz;
      const n = m10 * nx - m11 * nz;
      const length = Math.hypot(e, ny, n) || 1;
      out[o] = packNormalComponent(e / length);
      out[o + 1] = packNormalComponent(ny / length);
      out[o + 2] = packNormalComponent(-n / length);
    },
  };
}

function buildSurfaces(pack: MeshPack, keep: (alpha: number) => boolean, elementStoreys: Int16Array, elementBounds: Float32Array, place: ReturnType<typeof placer>): BuildingSurfaces {
  const batches = pack.batches.filter((b) => keep(b.color[3]));
  const vertexCount = batches.reduce((n, b) => n + b.vertexCount, 0);
  const indexCount = batches.reduce((n, b) => n + b.indexCount, 0);
  const runCount = batches.reduce((n, b) => n + b.runCount, 0);
  const out: BuildingSurfaces = {
    positions: new Float32Array(3 * vertexCount),
    normals: new Int16Array(3 * vertexCount),
    colors: new Uint8Array(4 * vertexCount),
    storeys: new Uint16Array(vertexCount),
    indices: new Uint32Array(indexCount),
    runs: new Uint32Array(3 * runCount),
    runBounds: new Float32Array(6 * runCount),
  };
  let vertexBase = 0;
  let indexBase = 0;
  let runBase = 0;
  for (const batch of batches) {
    const [r, g, b, a] = batch.color;
    const rgba = [srgbToLinearByte(r), srgbToLinearByte(g), srgbToLinearByte(b), Math.round(255 * Math.min(1, Math.max(0, a)))];
    for (let r = 0; r < batch.runCount; r++) {
      const word = 5 * (batch.firstRun + r);
      const [element, firstVertex, count, firstIndex, indexCount] = [0, 1, 2, 3, 4].map((i) => pack.runs[word + i]!) as [number, number, number, number, number];
      const storey = elementStoreys[element]! < 0 ? NO_STOREY : elementStoreys[element]!;
      const bounds = out.runBounds.subarray(6 * (runBase + r), 6 * (runBase + r) + 6);
      bounds.set([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity]);
      for (let v = firstVertex; v < firstVertex + count; v++) {
        const o = v - batch.firstVertex + vertexBase;
        place.point(pack.positions[3 * v]!, pack.positions[3 * v + 1]!, pack.positions[3 * v + 2]!, out.positions, 3 * o);
        place.normal(pack.normals[3 * v]! / 32767, pack.normals[3 * v + 1]! / 32767, pack.normals[3 * v + 2]! / 32767, out.normals, 3 * o);
        out.colors.set(rgba, 4 * o);
        out.storeys[o] = storey;
        for (let a = 0; a < 3; a++) {
          const c = out.positions[3 * o + a]!;
          if (c < bounds[a]!) bounds[a] = c;
          if (c > bounds[a + 3]!) bounds[a + 3] = c;
        }
      }
      for (let a = 0; a < 3; a++) {
        elementBounds[6 * element + a] = Math.min(elementBounds[6 * element + a]!, bounds[a]!);
        elementBounds[6 * element + 3 + a] = Math.max(elementBounds[6 * element + 3 + a]!, bounds[a + 3]!);
      }
      const localFirst = firstIndex - batch.firstIndex + indexBase;
      for (let i = 0; i < indexCount; i++) out.indices[localFirst + i] = pack.indices[firstIndex + i]! - batch.firstVertex + vertexBase;
      out.runs.set([element, localFirst, indexCount], 3 * (runBase + r));
    }
    vertexBase += batch.vertexCount;
    indexBase += batch.indexCount;
    runBase += batch.runCount;
  }
  return out;
}

/** Model box (IFC, z up) → column-major scene matrix of the unit cube. */
function sceneMatrix(placement: BuildingPlacement, box: Affine): number[] {
  const [m00, m01, m10, m11] = placement.m;
  const [t0, t1] = placement.t;
  // Model (x, y, z) → scene (east, z + yOffset, -north), as an affine map.
  const toScene: Affine = [m00, m01, 0, t0, 0, 0, 1, placement.yOffset, -m10, -m11, 0, -t1];
  const a = compose(toScene, box);
  return [a[0]!, a[4]!, a[8]!, 0, a[1]!, a[5]!, a[9]!, 0, a[2]!, a[6]!, a[10]!, 0, a[3]!, a[7]!, a[11]!, 1];
}
