import type { Selection } from '../scene/sceneStore.ts';

/**
 * The map's id of what a selection names: one entity per building, network feature, sensor,
 * camera and site feature. Parts of a building (storey, space, element) are drawn as their
 * building on the map, so they map to its key.
 */
export function geoKey(selection: Selection): string {
  switch (selection.kind) {
    case 'building':
    case 'storey':
    case 'space':
    case 'element':
      return `building:${selection.building}`;
    case 'network':
      return `network:${selection.network}:${selection.feature}`;
    case 'sensor':
      return `sensor:${selection.sensor}`;
    case 'camera':
      return `camera:${selection.camera}`;
    case 'site':
      return `site:${selection.feature}`;
  }
}

const INDEX = /^(0|[1-9]\d*)$/;

/** The selection a map key stands for (the inverse of {@link geoKey} for whole objects); undefined for anything else. */
export function selectionOfGeoKey(key: string): Selection | undefined {
  const [kind, first, second, ...rest] = key.split(':');
  if (kind === undefined || first === undefined || first === '' || rest.length > 0) return undefined;
  if (kind === 'building' && second === undefined) return { kind: 'building', building: first };
  if (kind === 'network' && second !== undefined && INDEX.test(second)) return { kind: 'network', network: first, feature: Number(second) };
  if (second !== undefined || !INDEX.test(first)) return undefined;
  if (kind === 'sensor') return { kind: 'sensor', sensor: Number(first) };
  if (kind === 'camera') return { kind: 'camera', camera: Number(first) };
  if (kind === 'site') return { kind: 'site', feature: Number(first) };
  return undefined;
}
