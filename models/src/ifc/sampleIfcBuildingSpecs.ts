/**
 * Small hand-written building specs for examples and tests, independent of the site plan.
 */
import type { IfcBuildingSpec, IfcSiteSpec } from './ifcBuildingSpec.ts';

const SITE: IfcSiteSpec = { projectName: '示范社区', siteName: '示范社区', origin: { lon: 114.06, lat: 22.54 } };

/** A 20-storey tower with six flats a storey, a basement, gas, two risers and two lifts. */
export const TOWER: IfcBuildingSpec = {
  id: 'B03',
  name: '3栋',
  nameEn: 'Building 3',
  category: 'residential',
  storeys: 20,
  basements: 1,
  storeyHeightM: 3,
  flatsPerStorey: 6,
  widthM: 48,
  depthM: 20,
  rotationDeg: 3.5,
  eastM: -112.5,
  northM: 185,
  groundElevationM: 9.06,
  hasGas: true,
  gasStoreys: Array.from({ length: 20 }, (_, i) => i + 1),
  lifts: 2,
  gasRisers: 2,
  cameras: 3,
  site: SITE,
};

/** A four-storey community service center: no basement, no gas. */
export const SERVICE_CENTER: IfcBuildingSpec = {
  ...TOWER,
  id: 'C01',
  name: '社区服务中心',
  nameEn: 'Community service center',
  category: 'service-center',
  storeys: 4,
  basements: 0,
  storeyHeightM: 4.2,
  flatsPerStorey: 6,
  widthM: 56,
  depthM: 24,
  rotationDeg: 0,
  hasGas: false,
  gasStoreys: [],
  lifts: 1,
  gasRisers: 0,
  cameras: 3,
};

/** An underground garage: one basement storey and nothing above ground. */
export const UNDERGROUND_GARAGE: IfcBuildingSpec = {
  ...TOWER,
  id: 'P01',
  name: '地下车库',
  nameEn: 'Underground garage',
  category: 'parking',
  storeys: 0,
  basements: 1,
  storeyHeightM: 3,
  flatsPerStorey: 0,
  widthM: 76,
  depthM: 120,
  rotationDeg: 0,
  eastM: 48,
  northM: -135,
  hasGas: false,
  gasStoreys: [],
  lifts: 2,
  gasRisers: 0,
  cameras: 12,
  parkingSpaces: 320,
};
