/**
 * How the scene builds its meshes: `merged` (production: merged geometry and instancing), or
 * `naive` (one mesh per element, pipe segment and marker), the baseline `scene.bench.ts`
 * measures against. Chosen by the page URL, `?scene=naive`.
 */
export function sceneBuildMode(search: string = globalThis.location?.search ?? ''): 'merged' | 'naive' {
  return new URLSearchParams(search).get('scene') === 'naive' ? 'naive' : 'merged';
}
