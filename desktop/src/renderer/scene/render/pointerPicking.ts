import { MathUtils, Raycaster, Vector2, type PerspectiveCamera } from 'three';
import type { SceneCatalog } from '../sceneCatalog.ts';
import type { SceneStrings } from '../sceneStrings.ts';
import type { SceneStore } from '../sceneStore.ts';
import type { CommunityModel, PickHit } from './communityModel.ts';
import { drillDown, spacePickStorey, type EquipmentLookup, type StoreyLookup } from './drillDown.ts';
import type { PickRay } from './rayPick.ts';

/** Pixels of slack around points and pipes when picking. */
const PICK_TOLERANCE_PX = 5;
/** A press that moves further than this is a drag (orbit, pan), not a click. */
const CLICK_SLOP_PX = 5;

/** What picking works with. */
export interface PickingContext {
  element: HTMLElement;
  camera: PerspectiveCamera;
  model: CommunityModel;
  catalog: SceneCatalog;
  store: SceneStore;
  strings(): { s: SceneStrings; lang: string };
  /** Shows (or hides, for undefined) the hover tooltip at a position in the element. */
  tooltip(text: string | undefined, x: number, y: number): void;
  /** Double click: fly to the selection. */
  flyToSelection(): void;
  equipment: EquipmentLookup;
}

/**
 * Click to select (drilling down into buildings), hover for a tooltip, double-click to fly to
 * the selection. Hover picking runs at most once per animation frame. Returns the detach function.
 */
export function attachPicking(ctx: PickingContext): () => void {
  const raycaster = new Raycaster();
  const ndc = new Vector2();
  let pressed: { x: number; y: number } | undefined;
  let hoverFrame: number | undefined;
  let lastMove: PointerEvent | undefined;
  const storeys: StoreyLookup = {
    element: (b, e) => ctx.model.buildings.model(b)?.elements.storeys[e] ?? -1,
    space: (b, s) => ctx.model.buildings.model(b)?.spaces[s]?.storey ?? -1,
  };

  const pickAt = (event: PointerEvent | MouseEvent): PickHit | undefined => {
    const rect = ctx.element.getBoundingClientRect();
    ndc.set(((event.clientX - rect.left) / rect.width) * 2 - 1, -((event.clientY - rect.top) / rect.height) * 2 + 1);
    raycaster.setFromCamera(ndc, ctx.camera);
    const ray: PickRay = { origin: raycaster.ray.origin.toArray(), direction: raycaster.ray.direction.toArray() };
    const tolerance = (MathUtils.degToRad(ctx.camera.fov) / Math.max(1, rect.height)) * PICK_TOLERANCE_PX;
    const state = ctx.store.getState();
    return ctx.model.pick(ray, tolerance, state, spacePickStorey(state.selection, state.isolated, storeys));
  };

  const onDown = (event: PointerEvent) => {
    pressed = event.button === 0 ? { x: event.clientX, y: event.clientY } : undefined;
  };
  const onUp = (event: PointerEvent) => {
    if (pressed === undefined || Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) > CLICK_SLOP_PX) return;
    pressed = undefined;
    const state = ctx.store.getState();
    ctx.store.select(drillDown(pickAt(event), state.selection, state.isolated, storeys, ctx.equipment));
  };
  const onMove = (event: PointerEvent) => {
    lastMove = event;
    hoverFrame ??= requestAnimationFrame(() => {
      hoverFrame = undefined;
      if (lastMove === undefined || lastMove.buttons !== 0) return ctx.tooltip(undefined, 0, 0);
      const hit = pickAt(lastMove);
      const rect = ctx.element.getBoundingClientRect();
      ctx.element.style.cursor = hit === undefined ? '' : 'pointer';
      ctx.tooltip(hit === undefined ? undefined : hitLabel(hit, ctx), lastMove.clientX - rect.left, lastMove.clientY - rect.top);
    });
  };
  const onLeave = () => ctx.tooltip(undefined, 0, 0);
  const onDoubleClick = () => ctx.flyToSelection();

  ctx.element.addEventListener('pointerdown', onDown);
  ctx.element.addEventListener('pointerup', onUp);
  ctx.element.addEventListener('pointermove', onMove);
  ctx.element.addEventListener('pointerleave', onLeave);
  ctx.element.addEventListener('dblclick', onDoubleClick);
  return () => {
    if (hoverFrame !== undefined) cancelAnimationFrame(hoverFrame);
    ctx.element.removeEventListener('pointerdown', onDown);
    ctx.element.removeEventListener('pointerup', onUp);
    ctx.element.removeEventListener('pointermove', onMove);
    ctx.element.removeEventListener('pointerleave', onLeave);
    ctx.element.removeEventListener('dblclick', onDoubleClick);
  };
}

/** A short label of what is under the pointer. */
function hitLabel(hit: PickHit, ctx: PickingContext): string {
  const { s, lang } = ctx.strings();
  const en = lang.startsWith('en');
  const name = (p: Record<string, unknown> | undefined) => {
    const value = en ? p?.['nameEn'] : p?.['name'];
    return typeof value === 'string' ? value : undefined;
  };
  switch (hit.kind) {
    case 'element': {
      const entry = ctx.catalog.buildings.get(hit.building);
      const model = entry?.model;
      const storey = model?.storeys[model.elements.storeys[hit.element] ?? -1]?.name;
      return [name(entry?.footprint?.properties) ?? hit.building, storey, model?.elements.types[hit.element]].filter(Boolean).join(' · ');
    }
    case 'space': {
      const model = ctx.catalog.buildings.get(hit.building)?.model;
      const info = model?.objects.get(model.spaces[hit.space]?.expressId ?? -1);
      return `${hit.building} · ${info?.longName ?? info?.name ?? s.kinds.space}`;
    }
    case 'network': {
      const feature = ctx.catalog.networks.get(hit.network)?.features[hit.feature];
      return feature === undefined ? s.kinds.network : `${feature.id} · ${name(feature.properties) ?? s.featureTypes[feature.featureType] ?? feature.featureType}`;
    }
    case 'sensor': {
      const sensor = ctx.catalog.sensors?.sensors[hit.sensor];
      return sensor === undefined ? s.kinds.sensor : `${sensor.id} · ${(en ? sensor.nameEn : undefined) ?? sensor.name}`;
    }
    case 'camera': {
      const camera = ctx.catalog.cameras?.cameras[hit.camera];
      return camera === undefined ? s.kinds.camera : `${camera.id} · ${(en ? camera.nameEn : camera.name) ?? ''}`;
    }
    case 'site': {
      const feature = ctx.catalog.site?.features[hit.feature];
      return feature === undefined ? s.kinds.site : `${name(feature.properties) ?? feature.id} · ${s.featureTypes[feature.featureType] ?? feature.featureType}`;
    }
  }
}
