import { sameStorey } from '../ifc/sameStorey.ts';
import type { SceneCatalog } from '../sceneCatalog.ts';
import type { SceneStore, Selection } from '../sceneStore.ts';
import type { CameraRig } from './cameraRig.ts';
import type { CommunityModel } from './communityModel.ts';
import { hitBelongsTo, type EquipmentLookup } from './drillDown.ts';

/** What flying to a selection works with. */
export interface FlyContext {
  model: CommunityModel;
  catalog: SceneCatalog;
  store: SceneStore;
  rig: CameraRig;
  equipment: EquipmentLookup;
}

/** Elevation of views into an isolated storey: steep enough to look over its walls. */
const INDOOR_ELEVATION_DEG = 70;
/** Width of the line of sight that must be clear, radians: a few pixels, as clicks pick. */
const SIGHT_TOLERANCE = 0.005;

/**
 * Selects `selection` and flies there along a clear line of sight. Things inside a building (a
 * space, an indoor sensor or camera) get their storey isolated and are looked at from above,
 * over the storey's walls.
 */
export function flyToSelection(selection: Selection, ctx: FlyContext): void {
  ctx.store.select(selection);
  const storey = indoorStorey(selection, ctx);
  const { isolated } = ctx.store.getState();
  // Keep an isolated storey only while flying to something on it.
  const onIsolated = isolated !== null && selection.kind === 'storey' && selection.building === isolated.building && selection.storey === isolated.storey;
  ctx.store.update({ isolated: storey ?? (onIsolated ? isolated : null) });
  const bounds = ctx.model.bounds(selection);
  if (bounds === undefined) return;
  const state = ctx.store.getState();
  ctx.rig.frame(bounds, {
    ...(storey === undefined ? {} : { minElevationDeg: INDOOR_ELEVATION_DEG }),
    clear: (position, target) => {
      // Clear when the first thing on the line of sight is the target itself.
      const hit = ctx.model.pick({ origin: position.toArray(), direction: target.clone().sub(position).normalize().toArray() }, SIGHT_TOLERANCE, state);
      return hit === undefined || hitBelongsTo(hit, selection, ctx.equipment);
    },
  });
}

/**
 * The storey to isolate for a selection inside a building (a space, an element, an indoor sensor,
 * or a camera or network feature that is an element of a building's model), if the model is loaded.
 */
function indoorStorey(selection: Selection, { model, catalog }: FlyContext): { building: string; storey: number } | undefined {
  const ofElement = (building: unknown, globalId: unknown) => {
    const m = typeof building === 'string' ? model.buildings.model(building) : undefined;
    const element = typeof globalId === 'string' ? (m?.elements.globalIds.indexOf(globalId) ?? -1) : -1;
    const storey = element >= 0 ? m!.elements.storeys[element]! : -1;
    return storey >= 0 ? { building: m!.building, storey } : undefined;
  };
  if (selection.kind === 'space') {
    const storey = model.buildings.model(selection.building)?.spaces[selection.space]?.storey ?? -1;
    return storey >= 0 ? { building: selection.building, storey } : undefined;
  }
  if (selection.kind === 'element') return ofElement(selection.building, model.buildings.model(selection.building)?.elements.globalIds[selection.element]);
  if (selection.kind === 'network') {
    const feature = catalog.networks.get(selection.network)?.features[selection.feature];
    return ofElement(feature?.properties['building'], feature?.properties['ifcGlobalId']);
  }
  if (selection.kind === 'sensor') {
    const { location } = catalog.sensors?.sensors[selection.sensor] ?? {};
    if (location?.placement !== 'indoor' || location.building === undefined || location.storey === undefined) return undefined;
    const storey = model.buildings.model(location.building)?.storeys.findIndex((s) => sameStorey(s.name, location.storey!)) ?? -1;
    return storey >= 0 ? { building: location.building, storey } : undefined;
  }
  if (selection.kind === 'camera') {
    const camera = catalog.cameras?.cameras[selection.camera];
    return ofElement(camera?.building, camera?.['ifcGlobalId']);
  }
  return undefined;
}
