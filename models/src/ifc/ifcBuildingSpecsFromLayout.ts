/**
 * The one place that reads the site plan for the IFC writer: it turns the plan's buildings into
 * `IfcBuildingSpec`s, so a change to the plan costs a change here only.
 */
import { groundElevationAt, type Building, type BuildingCategory, type CommunityLayout } from '../communityLayout.ts';
import type { IfcBuildingCategory, IfcBuildingSpec, IfcSiteSpec } from './ifcBuildingSpec.ts';

/** The parts of the site plan the IFC writer reads. */
export type IfcLayout = Pick<CommunityLayout, 'community' | 'origin' | 'buildings'>;

const CATEGORIES: Readonly<Record<BuildingCategory, IfcBuildingCategory>> = {
  residential: 'residential',
  'service-center': 'service-center',
  'elderly-care': 'elderly-care',
  clinic: 'clinic',
  kindergarten: 'kindergarten',
  school: 'school',
  sports: 'sports',
  parking: 'parking',
};

/** The specs of every building of the plan, in the plan's order. */
export function ifcBuildingSpecsFromLayout(layout: IfcLayout): IfcBuildingSpec[] {
  const site: IfcSiteSpec = { projectName: layout.community.name, siteName: layout.community.name, origin: layout.origin };
  return layout.buildings.map((building) => ifcBuildingSpecFromLayout(building, site));
}

/** The spec of one building of the plan. */
export function ifcBuildingSpecFromLayout(building: Building, site: IfcSiteSpec): IfcBuildingSpec {
  const spec: IfcBuildingSpec = {
    id: building.id,
    name: building.name,
    nameEn: building.nameEn,
    category: CATEGORIES[building.category],
    storeys: building.storeys,
    basements: building.basements,
    storeyHeightM: building.storeyHeightM,
    flatsPerStorey: building.flatsPerStorey,
    widthM: building.widthM,
    depthM: building.depthM,
    rotationDeg: building.rotationDeg,
    eastM: building.eastM,
    northM: building.northM,
    groundElevationM: Math.round(groundElevationAt(building.eastM, building.northM) * 100) / 100,
    hasGas: building.hasGas,
    gasStoreys: building.gasStoreys,
    lifts: building.lifts,
    gasRisers: building.gasRisers,
    cameras: building.cameras,
    site,
  };
  if (building.parkingSpaces !== undefined) spec.parkingSpaces = building.parkingSpaces;
  return spec;
}
