/**
 * The community's buildings as IFC4: one file per building, written with web-ifc, with the
 * element keys the sensor registry binds to.
 */
export { buildingElementKeys, PROJECT_KEY, SITE_KEY, type BuildingElementKey } from './buildingElementKeys.ts';
export { buildingGeoreference, type BuildingGeoreference, type MapConversionParameters } from './buildingGeoreference.ts';
export { IFC_BUILDING_CATEGORIES, type IfcBuildingCategory, type IfcBuildingSpec, type IfcSiteSpec } from './ifcBuildingSpec.ts';
export { ifcBuildingSpecFromLayout, ifcBuildingSpecsFromLayout, type IfcLayout } from './ifcBuildingSpecsFromLayout.ts';
export { countOf, globalIdsByClass, meshStats, openIfc, readMapConversion, type OpenedIfc } from './ifcModelReader.ts';
export { IFC_HEADER_TIMESTAMP, writeBuildingIfc } from './writeBuildingIfc.ts';
export { defaultIfcDir, writeCommunityIfc } from './writeCommunityIfc.ts';
