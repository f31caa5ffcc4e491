import { sameSelection, type SceneState, type Selection } from '../sceneStore.ts';
import type { PickHit } from './communityModel.ts';

/** Storey of an element of a building (-1: none), and of a space. */
export interface StoreyLookup {
  element(building: string, element: number): number;
  space(building: string, space: number): number;
}

/** What an element stands for elsewhere (a camera, valve, meter or sensor), if anything. */
export type EquipmentLookup = (building: string, element: number) => Selection | undefined;

/**
 * What a click selects. Buildings drill down (REQ PLAT-3, point and get): the first click on a
 * building selects the building, the next its storey under the pointer, then the space or
 * element there; clicks inside what is selected stay at its level. With a storey isolated,
 * clicks select spaces and elements directly. An element that is a piece of equipment known
 * elsewhere (a camera, a network valve or meter, a sensor) selects that at once. Anything else
 * is selected as hit.
 */
export function drillDown(hit: PickHit | undefined, current: Selection | null, isolated: SceneState['isolated'], storeys: StoreyLookup, equipment: EquipmentLookup = () => undefined): Selection | null {
  if (hit === undefined) return null;
  switch (hit.kind) {
    case 'space':
      return { kind: 'space', building: hit.building, space: hit.space };
    case 'element': {
      const { building, element } = hit;
      const known = equipment(building, element);
      if (known !== undefined) return known;
      if (isolated !== null) return { kind: 'element', building, element };
      const storey = storeys.element(building, element);
      const inBuilding = current !== null && 'building' in current && current.building === building;
      if (!inBuilding) return { kind: 'building', building };
      if (current.kind === 'building') return storey >= 0 ? { kind: 'storey', building, storey } : { kind: 'element', building, element };
      if (current.kind === 'storey' && current.storey !== storey && storey >= 0) return { kind: 'storey', building, storey };
      return { kind: 'element', building, element };
    }
    case 'network':
      return { kind: 'network', network: hit.network, feature: hit.feature };
    case 'sensor':
      return { kind: 'sensor', sensor: hit.sensor };
    case 'camera':
      return { kind: 'camera', camera: hit.camera };
    case 'site':
      return { kind: 'site', feature: hit.feature };
  }
}

/** The storey whose spaces a click may select: the isolated one, else the selected storey (or the storey of the selected space or element). */
export function spacePickStorey(current: Selection | null, isolated: SceneState['isolated'], storeys: StoreyLookup): { building: string; storey: number } | undefined {
  if (isolated !== null) return isolated;
  if (current?.kind === 'storey') return { building: current.building, storey: current.storey };
  const storey = current?.kind === 'space' ? storeys.space(current.building, current.space) : current?.kind === 'element' ? storeys.element(current.building, current.element) : -1;
  return storey >= 0 && current !== null && 'building' in current ? { building: current.building, storey } : undefined;
}

/** Whether a hit is (part of) the selection: to tell a clear view of it from an obstructed one. */
export function hitBelongsTo(hit: PickHit, selection: Selection, equipment: EquipmentLookup = () => undefined): boolean {
  if (hit.kind === 'element') {
    const known = equipment(hit.building, hit.element);
    if (sameSelection(known, selection)) return true;
    return 'building' in selection && selection.building === hit.building && (selection.kind === 'building' || selection.kind === 'storey' || (selection.kind === 'element' && selection.element === hit.element));
  }
  if (hit.kind === 'space') return selection.kind === 'space' && selection.building === hit.building && selection.space === hit.space;
  if (hit.kind === 'network') return selection.kind === 'network' && selection.network === hit.network && selection.feature === hit.feature;
  if (hit.kind === 'sensor') return selection.kind === 'sensor' && selection.sensor === hit.sensor;
  if (hit.kind === 'camera') return selection.kind === 'camera' && selection.camera === hit.camera;
  return selection.kind === 'site' && selection.feature === hit.feature;
}
