/**
 * The site plan as GeoJSON: `site.geojson` (the fence, zones, building footprints, green
 * spaces, shelters, entrances, bus stops) and `roads.geojson` (roads and footpaths).
 */
import { roundTo } from '../geo.ts';
import { feature, featureCollection, pointGeometry, polygonGeometry, lineGeometry, type Feature, type FeatureCollection } from '../geojson/geojson.ts';
import { ifcGlobalId } from '../ifc/globalId.ts';
import type { Building, CommunityLayout } from '../layout/layoutTypes.ts';
import { polygonArea, polylineLength } from '../layout/planGeometry.ts';
import { householdsOf } from '../utilities/waterNetwork.ts';

/** Green area over site area (ENV-6: at least 30 %). */
export function greenRatio(layout: CommunityLayout): number {
  const green = layout.greenSpaces.reduce((sum, g) => sum + polygonArea(g.outline), 0);
  return green / polygonArea(layout.boundary);
}

/** `site.geojson`. */
export function buildSiteGeoJson(layout: CommunityLayout): FeatureCollection {
  const o = layout.origin;
  const greenM2 = layout.greenSpaces.reduce((sum, g) => sum + polygonArea(g.outline), 0);
  const features: Feature[] = [
    feature('SITE', polygonGeometry(layout.boundary, o), {
      featureType: 'site-boundary',
      name: layout.community.name,
      nameEn: layout.community.nameEn,
      areaM2: roundTo(polygonArea(layout.boundary), 1),
      greenAreaM2: roundTo(greenM2, 1),
      greenRatio: roundTo(greenRatio(layout), 4),
      groundElevationM: layout.groundElevationM,
    }),
    ...layout.zones.map((z) => feature(z.id, polygonGeometry(z.outline, o), { featureType: 'zone', name: z.name, nameEn: z.nameEn, code: z.code })),
    ...layout.buildings.map((b) => buildingFeature(layout, b)),
    ...layout.greenSpaces.map((g) => feature(g.id, polygonGeometry(g.outline, o), { featureType: 'green', kind: g.kind, name: g.name, nameEn: g.nameEn, zone: g.zone, areaM2: roundTo(polygonArea(g.outline), 1) })),
    ...layout.shelters.map((s) =>
      feature(s.id, polygonGeometry(s.outline, o), {
        featureType: 'shelter',
        name: s.name,
        nameEn: s.nameEn,
        zone: s.zone,
        capacityPersons: s.capacityPersons,
        areaM2: roundTo(polygonArea(s.outline), 1),
        areaPerPersonM2: s.areaPerPersonM2,
        manager: s.manager,
        managerEn: s.managerEn,
      }),
    ),
    ...layout.entrances.map((e) => feature(e.id, pointGeometry({ eastM: e.eastM, northM: e.northM }, o), { featureType: 'entrance', name: e.name, nameEn: e.nameEn, zone: e.zone, vehicle: e.vehicle, pedestrian: true })),
    ...layout.busStops.map((s) => feature(s.id, pointGeometry({ eastM: s.eastM, northM: s.northM }, o), { featureType: 'bus-stop', name: s.name, nameEn: s.nameEn, routes: s.routes })),
  ];
  return featureCollection('site', features);
}

function buildingFeature(layout: CommunityLayout, b: Building): Feature {
  return feature(b.id, polygonGeometry(b.footprint, layout.origin), {
    featureType: 'building',
    category: b.category,
    name: b.name,
    nameEn: b.nameEn,
    zone: b.zone,
    storeys: b.storeys,
    basements: b.basements,
    heightM: b.heightM,
    storeyHeightM: b.storeyHeightM,
    flatsPerStorey: b.flatsPerStorey,
    households: householdsOf(b),
    parkingSpaces: b.parkingSpaces ?? 0,
    hasGas: b.hasGas,
    widthM: b.widthM,
    depthM: b.depthM,
    rotationDeg: b.rotationDeg,
    ifcGlobalId: ifcGlobalId(b.id),
  });
}

/** `roads.geojson`: roads (OpenStreetMap `highway` classes) and footpaths. */
export function buildRoadsGeoJson(layout: CommunityLayout): FeatureCollection {
  return featureCollection(
    'roads',
    layout.roads.map((r) =>
      feature(r.id, lineGeometry(r.points, layout.origin), {
        featureType: r.roadClass === 'footway' ? 'footpath' : 'road',
        class: r.roadClass,
        name: r.name,
        nameEn: r.nameEn,
        lanes: r.lanes,
        oneway: r.oneway,
        widthM: r.widthM,
        municipal: r.municipal,
        lengthM: roundTo(polylineLength(r.points), 2),
      }),
    ),
  );
}
