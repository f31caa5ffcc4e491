import { Cartesian3, ColorMaterialProperty, ConstantProperty, DirectionalLight, Entity, HeadingPitchRange, Math as CesiumMath, Matrix4, ScreenSpaceEventHandler, ScreenSpaceEventType, Transforms, type Viewer } from 'cesium';
import type { LayerVisibility, Selection } from '../scene/sceneStore.ts';
import { createOfflineViewer } from './createOfflineViewer.ts';
import { HIGHLIGHT_COLOR } from './geoColors.ts';
import { addGeoEntities, cesiumColor, keyOfEntity, type GeoEntities } from './geoEntities.ts';
import type { GeoLayers, ShelterLabel } from './geoLayers.ts';
import { geoKey, selectionOfGeoKey } from './geoSelection.ts';

/** Selected markers grow by this much, and show through buildings (an indoor sensor inside its block). */
const SELECTED_MARKER_SCALE = 1.8;
/** Selected lines widen by this many pixels. */
const SELECTED_LINE_EXTRA_PX = 3;
/** The first view: from the south, this far down, the site filling about two thirds of the view. */
const FIRST_VIEW_PITCH = CesiumMath.toRadians(-45);
const FIRST_VIEW_RANGE_FACTOR = 0.8;

/** What the map does on its own: report the object clicked (null for empty ground). */
export interface GeoMapEvents {
  picked(selection: Selection | null): void;
}

/** The container of a mounted map carries its viewer, for diagnostics and end-to-end tests. */
export type GeoMapContainer = HTMLElement & { cesiumViewer?: Viewer };

/**
 * The geographic view: a Cesium viewer over the community in its real coordinates, owning its GPU
 * memory (created here, released by {@link GeoMap.destroy}). Clicks select the object under the
 * pointer by the 3D scene's selection; `select` highlights what the scene store selects.
 */
export class GeoMap {
  readonly viewer: Viewer;
  private readonly entities: GeoEntities;
  private readonly clicks: ScreenSpaceEventHandler;
  private highlighted: { key: string; undo: Array<() => void> } | undefined;

  constructor(
    private readonly container: GeoMapContainer,
    layers: GeoLayers,
    events: GeoMapEvents,
  ) {
    const viewer = createOfflineViewer(container);
    this.viewer = viewer;
    this.entities = addGeoEntities(viewer.entities, layers);
    this.clicks = new ScreenSpaceEventHandler(viewer.scene.canvas);
    this.clicks.setInputAction((click: ScreenSpaceEventHandler.PositionedEvent) => events.picked(this.selectionAt(click.position.x, click.position.y)), ScreenSpaceEventType.LEFT_CLICK);
    this.frame(layers.extent);
    container.cesiumViewer = viewer;
  }

  /** The object drawn at a canvas position (CSS pixels), as a selection. */
  selectionAt(x: number, y: number): Selection | null {
    const picked: unknown = this.viewer.scene.pick(new Cartesian3(x, y));
    const entity = (picked as { id?: unknown } | undefined)?.id;
    return entity instanceof Entity ? (selectionOfGeoKey(keyOfEntity(entity)) ?? null) : null;
  }

  /** Highlights what `selection` names (its building, for a storey, space or element). */
  select(selection: Selection | null): void {
    const key = selection === null ? undefined : geoKey(selection);
    if (key === this.highlighted?.key) return;
    for (const undo of this.highlighted?.undo ?? []) undo();
    this.highlighted = key === undefined ? undefined : { key, undo: (this.entities.byKey.get(key) ?? []).map(highlight) };
    this.viewer.scene.requestRender();
  }

  /** Shows or hides the layers as the layer panel sets them (a dimmed layer stays drawn). */
  setLayers(visibility: Readonly<Record<string, LayerVisibility>>): void {
    for (const [layer, parent] of this.entities.layers) parent.show = visibility[layer] !== 'hidden';
    this.viewer.scene.requestRender();
  }

  /** Writes every shelter's label (REQ MUN-6: capacity at a glance) in the current language. */
  setShelterText(text: (label: ShelterLabel) => string): void {
    for (const { label, entity } of this.entities.shelters) entity.label!.text = new ConstantProperty(text(label));
    this.viewer.scene.requestRender();
  }

  destroy(): void {
    delete this.container.cesiumViewer;
    this.clicks.destroy();
    this.viewer.destroy();
  }

  /** Looks at the site from the south, lit from the south-east whatever the time of day. */
  private frame(extent: GeoLayers['extent']): void {
    const centre = Cartesian3.fromDegrees((extent.west + extent.east) / 2, (extent.south + extent.north) / 2);
    const corner = Cartesian3.fromDegrees(extent.west, extent.south);
    const range = FIRST_VIEW_RANGE_FACTOR * 2 * Cartesian3.distance(centre, corner);
    const { camera, scene } = this.viewer;
    camera.lookAt(centre, new HeadingPitchRange(0, FIRST_VIEW_PITCH, range));
    camera.lookAtTransform(Matrix4.IDENTITY);
    const towardsSun = Matrix4.multiplyByPointAsVector(Transforms.eastNorthUpToFixedFrame(centre), new Cartesian3(0.45, -0.55, 0.7), new Cartesian3());
    scene.light = new DirectionalLight({ direction: Cartesian3.normalize(Cartesian3.negate(towardsSun, towardsSun), towardsSun) });
    scene.requestRender();
  }
}

/** Draws one entity as selected; returns what puts it back. */
function highlight(entity: Entity): () => void {
  const color = cesiumColor(HIGHLIGHT_COLOR);
  const { polygon, corridor, polyline, billboard } = entity;
  if (polygon !== undefined) {
    const material = polygon.material;
    polygon.material = new ColorMaterialProperty(color);
    return () => void (polygon.material = material);
  }
  if (corridor !== undefined) {
    const material = corridor.material;
    corridor.material = new ColorMaterialProperty(color);
    return () => void (corridor.material = material);
  }
  if (polyline !== undefined) {
    const [material, width] = [polyline.material, polyline.width];
    polyline.material = new ColorMaterialProperty(color);
    polyline.width = new ConstantProperty((width?.getValue() as number) + SELECTED_LINE_EXTRA_PX);
    return () => {
      polyline.material = material;
      polyline.width = width;
    };
  }
  if (billboard !== undefined) {
    const [scale, depth] = [billboard.scale, billboard.disableDepthTestDistance];
    billboard.scale = new ConstantProperty(SELECTED_MARKER_SCALE);
    billboard.disableDepthTestDistance = new ConstantProperty(Number.POSITIVE_INFINITY);
    return () => {
      billboard.scale = scale;
      billboard.disableDepthTestDistance = depth;
    };
  }
  return () => undefined;
}
