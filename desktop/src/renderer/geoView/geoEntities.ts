import { ArcType, Cartesian3, Color, CornerType, DistanceDisplayCondition, NearFarScalar, PolygonHierarchy, VerticalOrigin, type Entity, type EntityCollection } from 'cesium';
import type { Rgba } from './geoColors.ts';
import type { GeoLayers, GeoLine, GeoMarker, GeoPolygon, LonLat, ShelterLabel } from './geoLayers.ts';
import { MARKER_ICON_PX, markerIcon } from './markerIcon.ts';

/** Sensors are many (thousands, floor by floor): drawn only from this close, metres. */
const SENSOR_DISTANCE_M = 900;
/** Markers shrink from full size at the near distance to the far scale at the far distance. */
const MARKER_SCALE = new NearFarScalar(150, 1, 2000, 0.45);
const SHELTER_LABEL_HEIGHT_M = 3;
/** Shelter labels shrink with distance, so neighbouring shelters' labels overlap less from afar. */
const LABEL_SCALE = new NearFarScalar(300, 1, 2000, 0.6);

/** The entities of the map, by map key, and one parent per layer that shows or hides its children. */
export interface GeoEntities {
  byKey: Map<string, Entity[]>;
  layers: Map<string, Entity>;
  shelters: Array<{ label: ShelterLabel; entity: Entity }>;
}

/** The map key of an entity: its id, less the `#n` of a second or later part of one object. */
export function keyOfEntity(entity: Entity): string {
  return entity.id.replace(/#\d+$/, '');
}

export const cesiumColor = (color: Rgba): Color => Color.fromBytes(...color);

const positions = (path: readonly LonLat[], heightM: number) => Cartesian3.fromDegreesArrayHeights(path.flatMap(([lon, lat]) => [lon, lat, heightM]));

/**
 * Adds what `layers` describes to `entities`: buildings extruded to their heights, site surfaces,
 * roads as corridors their width on the ground, pipes and cables as lines in their network's
 * colour, markers as billboards and shelter capacities as labels. Each entity's id is its map key
 * (`#n` for further parts of one object), so a pick names the object the 3D scene selects.
 */
export function addGeoEntities(entities: EntityCollection, layers: GeoLayers): GeoEntities {
  const out: GeoEntities = { byKey: new Map(), layers: new Map(), shelters: [] };
  const add = (key: string, layer: string, options: Entity.ConstructorOptions): Entity => {
    const parts = out.byKey.get(key) ?? [];
    let parent = out.layers.get(layer);
    if (parent === undefined) {
      parent = entities.add({ id: `layer:${layer}` });
      out.layers.set(layer, parent);
    }
    const entity = entities.add({ ...options, id: parts.length === 0 ? key : `${key}#${parts.length}`, parent });
    parts.push(entity);
    out.byKey.set(key, parts);
    return entity;
  };
  entities.suspendEvents();
  try {
    for (const polygon of [...layers.surfaces, ...layers.buildings]) add(polygon.key, polygon.layer, { polygon: polygonGraphics(polygon) });
    for (const road of layers.roads) add(road.key, road.layer, { corridor: corridorGraphics(road) });
    for (const pipe of layers.pipes) add(pipe.key, pipe.layer, { polyline: polylineGraphics(pipe) });
    for (const marker of layers.markers) add(marker.key, marker.layer, markerOptions(marker));
    for (const label of layers.shelters) {
      const entity = add(label.key, label.layer, { position: Cartesian3.fromDegrees(label.at[0], label.at[1], SHELTER_LABEL_HEIGHT_M), label: { text: '', font: '600 14px sans-serif', fillColor: Color.WHITE, showBackground: true, backgroundColor: Color.fromCssColorString('#b45f06').withAlpha(0.9), verticalOrigin: VerticalOrigin.BOTTOM, scaleByDistance: LABEL_SCALE, disableDepthTestDistance: Number.POSITIVE_INFINITY } });
      out.shelters.push({ label, entity });
    }
  } finally {
    entities.resumeEvents();
  }
  return out;
}

function polygonGraphics(polygon: GeoPolygon): Entity.ConstructorOptions['polygon'] {
  const hierarchy = new PolygonHierarchy(positions(polygon.outer, 0), polygon.holes.map((hole) => new PolygonHierarchy(positions(hole, 0))));
  const extruded = polygon.topM > polygon.baseM;
  return { hierarchy, height: polygon.baseM, ...(extruded ? { extrudedHeight: polygon.topM } : {}), material: cesiumColor(polygon.color) };
}

function corridorGraphics(line: GeoLine): Entity.ConstructorOptions['corridor'] {
  return { positions: positions(line.path, 0), height: line.heightM, width: 'm' in line.width ? line.width.m : 1, cornerType: CornerType.MITERED, material: cesiumColor(line.color) };
}

function polylineGraphics(line: GeoLine): Entity.ConstructorOptions['polyline'] {
  return { positions: positions(line.path, line.heightM), width: 'px' in line.width ? line.width.px : 1, arcType: ArcType.NONE, material: cesiumColor(line.color) };
}

function markerOptions(marker: GeoMarker): Entity.ConstructorOptions {
  return {
    position: Cartesian3.fromDegrees(marker.at[0], marker.at[1], marker.heightM),
    billboard: {
      image: markerIcon(marker.shape, marker.color),
      width: MARKER_ICON_PX,
      height: MARKER_ICON_PX,
      verticalOrigin: VerticalOrigin.CENTER,
      scaleByDistance: MARKER_SCALE,
      ...(marker.shape === 'sensor' ? { distanceDisplayCondition: new DistanceDisplayCondition(0, SENSOR_DISTANCE_M) } : {}),
    },
  };
}
