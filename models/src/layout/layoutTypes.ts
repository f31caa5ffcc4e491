/**
 * The vocabulary of the site plan. Positions are site coordinates: metres east and north of the
 * site origin (see `projection/siteProjection.ts`). Polygons are rings of corners without the
 * closing repeat, counter-clockwise.
 */
import type { LonLat } from '../projection/siteProjection.ts';

/** A point of the site plan, metres east and north of the origin. */
export interface SitePoint {
  eastM: number;
  northM: number;
}

/** A zone (area) of the community, used for area subscriptions and gateway batches. */
export interface Zone {
  /** Area id, e.g. `zone-a`. */
  id: string;
  /** Short code used in sensor ids, e.g. `ZA`. */
  code: string;
  name: string;
  nameEn: string;
  /** The zone's outline. */
  outline: SitePoint[];
}

/** What a building is for. */
export type BuildingCategory = 'residential' | 'service-center' | 'elderly-care' | 'clinic' | 'kindergarten' | 'school' | 'sports' | 'parking';

/**
 * A building: residential towers and mid-rises (`B01`..), public buildings (`C01` community
 * service center, `C02` elderly-care home, `C03` health station, `K01` kindergarten, `E01`
 * primary school, `G01` sports venue) and garages (`P01` underground, `P02` multi-storey).
 */
export interface Building {
  /** e.g. `B03`; the first segment of every element key of the building. */
  id: string;
  /** House number as residents say it (`3栋`); public buildings count within their category. */
  number: number;
  zone: string;
  /** Footprint centre. */
  eastM: number;
  northM: number;
  /** Storeys above ground, `F1`..`Fn` (0 for the underground garage). */
  storeys: number;
  /** Residential: flats per storey, on every storey `F1`..`Fn`. Others: rooms per storey. Spaces `S01`..`S0n`. */
  flatsPerStorey: number;
  /** Storeys (1-based) with a monitored flat (ENV-2..5): storey 3, then about every fourth storey. */
  monitoredStoreys: number[];
  /** The monitored flat (1-based, `S01`..) on each of `monitoredStoreys`. */
  monitoredFlats: number[];
  category: BuildingCategory;
  name: string;
  nameEn: string;
  /** Footprint along the building's local x axis, metres. */
  widthM: number;
  /** Footprint along the building's local y axis, metres. */
  depthM: number;
  /** Counter-clockwise angle from site east to the building's local x axis, degrees. */
  rotationDeg: number;
  /** Floor-to-floor height above ground, metres. */
  storeyHeightM: number;
  /** Height of the roof above ground, metres. */
  heightM: number;
  /** Basement storeys `B1`..: plant rooms (`PUMP-ROOM`, `ELEC-ROOM`) of towers, parking of the garage. */
  basements: number;
  /** Piped gas (MUN-5): a riser, an emergency shut-off valve outside, detectors on `gasStoreys`. */
  hasGas: boolean;
  /** Storeys with a combustible-gas detector at the riser (`B03/F12/GAS-DET`). */
  gasStoreys: number[];
  /** Elevators `LIFT-1`..; gas risers `GAS-RISER-1`..; cameras `CAM-1`.. */
  lifts: number;
  gasRisers: number;
  cameras: number;
  /** Footprint corners, counter-clockwise. */
  footprint: SitePoint[];
  /** Main entrance, on the footprint's front (local -y) side (MUN-2 walking distance to a bus stop). */
  entrance: SitePoint;
  /** Parking spaces (garages), with a per-space occupancy detector (MUN-2 smart parking). */
  parkingSpaces?: number;
}

/** Surface around an outdoor point; the simulator reads it from the id (`PLAZA`, `ROAD`, `GREEN`). */
export type Surface = 'PLAZA' | 'ROAD' | 'GREEN';

/** An outdoor point: a weather and air station or a boundary noise monitor. */
export interface OutdoorPoint {
  zone: string;
  surface: Surface;
  eastM: number;
  northM: number;
  /** True for the reference station of heat-island intensity (ENV-2: outdoor minus reference). */
  reference: boolean;
}

/** A community entrance with a vehicle barrier and/or a pedestrian gate (PROP-1, MUN-2). */
export interface Entrance {
  /** e.g. `N1`. */
  id: string;
  zone: string;
  eastM: number;
  northM: number;
  vehicle: boolean;
  name: string;
  nameEn: string;
}

/** Road classes, as OpenStreetMap's `highway` values. */
export type RoadClass = 'primary' | 'secondary' | 'tertiary' | 'residential' | 'service' | 'footway';

/** A road or footpath centreline. */
export interface Road {
  /** e.g. `RD-01`, `FP-03`. */
  id: string;
  name: string;
  nameEn: string;
  roadClass: RoadClass;
  lanes: number;
  oneway: boolean;
  widthM: number;
  /** True for municipal roads outside the fence. */
  municipal: boolean;
  points: SitePoint[];
}

/** A green space (ENV-6). */
export interface GreenSpace {
  /** e.g. `GR-01`. */
  id: string;
  kind: 'park' | 'courtyard' | 'belt' | 'pocket-park' | 'campus';
  name: string;
  nameEn: string;
  zone: string;
  outline: SitePoint[];
}

/** An emergency shelter (MUN-6). */
export interface Shelter {
  /** e.g. `SH-01`. */
  id: string;
  name: string;
  nameEn: string;
  zone: string;
  /** Persons it takes, at the effective area per person. */
  capacityPersons: number;
  /** Effective area per person, m². */
  areaPerPersonM2: number;
  manager: string;
  managerEn: string;
  outline: SitePoint[];
}

/** A bus stop on a municipal road (MUN-2). */
export interface BusStop {
  /** e.g. `BUS-1`. */
  id: string;
  name: string;
  nameEn: string;
  eastM: number;
  northM: number;
  routes: string[];
}

/** A utility point: an intake, a plant, an outfall. */
export interface UtilityPoint {
  /** Id segment, e.g. `GRS` (gas regulator station). */
  id: string;
  zone: string;
  eastM: number;
  northM: number;
  /** Height above ground, metres (negative below ground). */
  heightM: number;
}

/** Where the networks start or end on the site. */
export interface UtilityPlan {
  /** Municipal water connections (MUN-3), each with a bulk meter. */
  waterIntakes: UtilityPoint[];
  /** Municipal medium-pressure gas connection and the regulator station (MUN-5). */
  gasIntake: UtilityPoint;
  gasStation: UtilityPoint;
  /** 10 kV grid connection and the substations, two transformers each (MUN-4). */
  gridIntake: UtilityPoint;
  substations: UtilityPoint[];
  /** Outfalls to the municipal storm and foul sewers under the south road (MUN-3, separate systems). */
  rainOutfall: UtilityPoint;
  sewageOutfall: UtilityPoint;
  /** EV charging bays (MUN-4): position of each charger. */
  evChargers: Array<UtilityPoint & { ratedKw: number; garage: string }>;
}

/** The whole site plan. */
export interface CommunityLayout {
  community: { id: string; name: string; nameEn: string };
  /** Site origin, WGS84. */
  origin: LonLat;
  /** Ground level at the origin, metres above the 1985 national height datum. */
  groundElevationM: number;
  /** The fence. */
  boundary: SitePoint[];
  zones: Zone[];
  buildings: Building[];
  roads: Road[];
  greenSpaces: GreenSpace[];
  shelters: Shelter[];
  busStops: BusStop[];
  outdoor: OutdoorPoint[];
  entrances: Entrance[];
  /** The underground garage's monitored level (kept for the registry planners). */
  garage: { building: string; zone: string; eastM: number; northM: number; levelHeightM: number; spaces: number; cameras: number };
  utilities: UtilityPlan;
  /** Gas valve wells with a detector, one per residential zone (MUN-5), as zone codes. */
  gasValveWellZones: string[];
  /** Perimeter cameras (GOV-3), in order around the fence. */
  perimeterCameras: Array<{ zone: string; eastM: number; northM: number }>;
}
