import { DoubleSide, MeshLambertMaterial, type Material, type Object3D, type Plane } from 'three';
import type { LayerVisibility } from '../sceneStore.ts';

/** Opacity of a dimmed layer. */
const DIMMED_OPACITY = 0.22;
/** Colour of the selection. */
export const HIGHLIGHT_COLOR = 0x00e5ff;

/** The uniforms every building material shares: the isolated storey id (-1: none). */
export interface BuildingUniforms {
  isolatedStorey: { value: number };
}

/**
 * A building material: vertex colours (with alpha for glazing), lit, both sides (IFC solids are
 * not always wound consistently), discarding fragments of other storeys while one is isolated
 * (per-vertex `storeyId` attribute, one shared uniform: no re-merge to isolate a storey).
 */
export function createBuildingMaterial(translucent: boolean, uniforms: BuildingUniforms): MeshLambertMaterial {
  const material = new MeshLambertMaterial({ vertexColors: true, side: DoubleSide, transparent: translucent, depthWrite: !translucent });
  // Glazing is thin: one pass is enough (three.js would draw translucent double-sided meshes twice).
  material.forceSinglePass = true;
  material.onBeforeCompile = (shader) => {
    shader.uniforms['isolatedStorey'] = uniforms.isolatedStorey;
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nattribute float storeyId;\nvarying float vStoreyId;')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvStoreyId = storeyId;');
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nuniform float isolatedStorey;\nvarying float vStoreyId;')
      .replace('#include <clipping_planes_fragment>', 'if (isolatedStorey >= 0.0 && abs(vStoreyId - isolatedStorey) > 0.5) discard;\n#include <clipping_planes_fragment>');
  };
  material.customProgramCacheKey = () => `building-storeys-${translucent}`;
  return material;
}

/** Radians a pixel spans at the centre of the view; instanced pipes are never drawn thinner than {@link MIN_PIPE_PIXELS}. */
export interface PixelUniforms {
  pixelAngle: { value: number };
}

/** Smallest drawn pipe diameter, pixels: far pipes stay visible, near ones are to scale. */
const MIN_PIPE_PIXELS = 2.5;

/**
 * A material for instanced unit cylinders (pipes, network nodes): lit, coloured per instance,
 * and widened in the vertex shader to at least {@link MIN_PIPE_PIXELS} on screen while
 * `pixelAngle` is not 0, the way maps draw thin lines. Transparent at full opacity so it is drawn after the ground: with the ground
 * seen through (x-ray), buried networks show in their true colours rather than behind a veil.
 */
export function createPipeMaterial(color: number, uniforms: PixelUniforms): MeshLambertMaterial {
  const material = new MeshLambertMaterial({ color, transparent: true });
  material.onBeforeCompile = (shader) => {
    shader.uniforms['pixelAngle'] = uniforms.pixelAngle;
    shader.vertexShader = shader.vertexShader.replace('#include <common>', '#include <common>\nuniform float pixelAngle;').replace(
      '#include <begin_vertex>',
      `#include <begin_vertex>
#ifdef USE_INSTANCING
      {
        float radius = length(instanceMatrix[0].xyz);
        vec4 onAxis = viewMatrix * modelMatrix * instanceMatrix * vec4(0.0, position.y, 0.0, 1.0);
        float minRadius = 0.5 * ${MIN_PIPE_PIXELS.toFixed(1)} * pixelAngle * length(onAxis.xyz);
        transformed.xz *= max(1.0, minRadius / max(radius, 1e-4));
      }
#endif`,
    );
  };
  material.customProgramCacheKey = () => 'pipe-min-width';
  return material;
}

/** What a material looks like when its layer is shown, so dimming can be undone. */
interface MaterialBase {
  opacity: number;
  transparent: boolean;
  depthWrite: boolean;
}
const bases = new WeakMap<Material, MaterialBase>();

/**
 * Shows, dims or hides `object` (and its material): dimmed layers are drawn translucent without
 * writing depth, so what is behind them shows.
 */
export function applyVisibility(object: Object3D, material: Material, visibility: LayerVisibility): void {
  let base = bases.get(material);
  if (base === undefined) {
    base = { opacity: material.opacity, transparent: material.transparent, depthWrite: material.depthWrite };
    bases.set(material, base);
  }
  object.visible = visibility !== 'hidden';
  const dimmed = visibility === 'dimmed';
  const transparent = dimmed || base.transparent;
  if (material.transparent !== transparent) material.needsUpdate = true;
  material.transparent = transparent;
  material.opacity = dimmed ? base.opacity * DIMMED_OPACITY : base.opacity;
  material.depthWrite = dimmed ? false : base.depthWrite;
}

/** Sets the clipping planes of materials, recompiling only those whose plane count changes. */
export function applyClipping(materials: Iterable<Material>, planes: Plane[]): void {
  for (const material of materials) {
    if ((material.clippingPlanes?.length ?? 0) !== planes.length) material.needsUpdate = true;
    material.clippingPlanes = planes.length === 0 ? null : planes;
  }
}
