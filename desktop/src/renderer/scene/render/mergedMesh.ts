import { BufferAttribute, BufferGeometry, Mesh, type Material } from 'three';
import type { MergedSurfaces } from '../build/mergeBuildings.ts';

/** Geometry of merged building surfaces, with the custom `storeyId` attribute. */
export function mergedGeometry(data: MergedSurfaces): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(data.positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(data.normals, 3, true));
  geometry.setAttribute('color', new BufferAttribute(data.colors, 4, true));
  geometry.setAttribute('storeyId', new BufferAttribute(data.storeyIds, 1));
  geometry.setIndex(new BufferAttribute(data.indices, 1));
  geometry.computeBoundingSphere();
  return geometry;
}

/**
 * The mesh of merged surfaces: one draw call, or in `naive` mode one draw call per part (element
 * run), the baseline the scene bench compares with. The naive draw calls are groups of the one
 * geometry: a mesh and geometry per element, as a naive loader makes them, exhausts software
 * WebGL (SwiftShader loses its context) before the first frame of this community.
 */
export function mergedMesh(data: MergedSurfaces, geometry: BufferGeometry, material: Material, naive: boolean): Mesh {
  if (!naive) return new Mesh(geometry, material);
  for (let p = 0; p < data.parts.count; p++) geometry.addGroup(data.parts.firstIndex[p]!, data.parts.indexCount[p]!, 0);
  return new Mesh(geometry, [material]);
}
