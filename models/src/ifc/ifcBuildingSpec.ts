/**
 * What the IFC writer needs to know about one building. The writer depends on this interface
 * only; `ifcBuildingSpecsFromLayout` adapts the site plan to it.
 */
import type { LonLat } from '../projection/siteProjection.ts';

/** The kinds of building the writer knows how to fit out. */
export const IFC_BUILDING_CATEGORIES = [
  'residential',
  'service-center',
  'elderly-care',
  'clinic',
  'kindergarten',
  'school',
  'sports',
  'parking',
] as const;

/** A kind of building: residential towers get flats, the others public rooms. */
export type IfcBuildingCategory = (typeof IFC_BUILDING_CATEGORIES)[number];

/** Where the community sits on the earth, shared by every building of the site. */
export interface IfcSiteSpec {
  /** Project name (the community), e.g. `福田示范智慧社区`. */
  projectName: string;
  /** Site name. */
  siteName: string;
  /** Site origin (WGS84, degrees): `eastM`/`northM` of a building are site coordinates about it. */
  origin: LonLat;
}

/** One building, in the writer's own terms. */
export interface IfcBuildingSpec {
  /** Building id, the prefix of every element key, e.g. `B03`. Letters, digits, `-` and `_`. */
  id: string;
  /** Display name, e.g. `3栋`. */
  name: string;
  /** English display name, e.g. `Building 3`. */
  nameEn: string;
  category: IfcBuildingCategory;
  /** Storeys above ground, `F1`..`Fn`; 0 for a building wholly below ground. */
  storeys: number;
  /** Basement storeys `B1`..; the plant rooms are on `B1`, or on `F1` without a basement. */
  basements: number;
  /** Floor-to-floor height above ground, metres. */
  storeyHeightM: number;
  /**
   * Residential: flats per storey. Other categories: public rooms per storey (0 takes the
   * category's default).
   */
  flatsPerStorey: number;
  /** Footprint along the building's local x axis, metres. */
  widthM: number;
  /** Footprint along the building's local y axis (the front, with the entrance, is -y), metres. */
  depthM: number;
  /**
   * Counter-clockwise angle from site east to the building's local x axis, degrees. The
   * footprint is centred on (`eastM`, `northM`).
   */
  rotationDeg: number;
  /** Footprint centre, site metres east of the origin. */
  eastM: number;
  /** Footprint centre, site metres north of the origin. */
  northM: number;
  /** Ground level at the building (the `F1` floor), metres above the 1985 national height datum. */
  groundElevationM: number;
  /** Piped gas: risers, a building gas meter and emergency shut-off valve, a gas alarm panel (MUN-5). */
  hasGas: boolean;
  /** Storeys (1-based) with a combustible-gas detector at the riser. */
  gasStoreys: readonly number[];
  /** Elevators `LIFT-1`.. */
  lifts: number;
  /** Gas risers `GAS-RISER-1`.. (with gas). */
  gasRisers: number;
  /** Cameras `CAM-1`..: the entrance and lift hall first, then round the storeys. */
  cameras: number;
  /** Parking spaces of a garage (MUN-2), recorded on the building. */
  parkingSpaces?: number;
  site: IfcSiteSpec;
}
