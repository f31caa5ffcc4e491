/**
 * Where a building's local frame lies on the earth, through the site projection and the
 * EPSG:4547 grid of `projection/siteProjection.ts`. Each file's project coordinates are the
 * building's own frame: origin at the footprint centre on the ground-floor level, x along the
 * width, y along the depth. Three encodings say where that is, and agree:
 *
 * - IfcMapConversion to EPSG:4547: Eastings/Northings of the local origin, XAxisAbscissa/
 *   XAxisOrdinate the grid direction of local x (the building's rotation less the meridian
 *   convergence), OrthogonalHeight the ground level, Scale 1;
 * - IfcSite RefLatitude/RefLongitude (compound degrees) of the local origin and RefElevation;
 * - the context's TrueNorth, the direction of true north in local x/y.
 */
import { siteToGaussKruger, toLonLat, type LonLat } from '../projection/siteProjection.ts';
import type { EastNorth } from '../projection/transverseMercator.ts';
import type { IfcBuildingSpec } from './ifcBuildingSpec.ts';

/** IfcCompoundPlaneAngleMeasure: degrees, minutes, seconds, millionths of a second, all of one sign. */
export type CompoundAngle = [number, number, number, number];

/** The numbers a building file carries to georeference it. */
export interface BuildingGeoreference {
  /** WGS84 position of the local origin. */
  origin: LonLat;
  refLatitude: CompoundAngle;
  refLongitude: CompoundAngle;
  refElevationM: number;
  eastingsM: number;
  northingsM: number;
  orthogonalHeightM: number;
  /** Unit vector of local x in grid east/north. */
  xAxisAbscissa: number;
  xAxisOrdinate: number;
  /** Unit vector of true north in local x/y. */
  trueNorth: [number, number];
}

/** The parameters of an IfcMapConversion as read back from a file. */
export interface MapConversionParameters {
  eastingsM: number;
  northingsM: number;
  xAxisAbscissa: number;
  xAxisOrdinate: number;
  scale: number;
}

/** Baseline along local x used to measure its grid direction, metres. */
const AXIS_BASELINE_M = 100;

/** The georeference of `spec`'s local frame. */
export function buildingGeoreference(spec: IfcBuildingSpec): BuildingGeoreference {
  const { origin: siteOrigin } = spec.site;
  const { groundElevationM } = spec;
  const rotation = (spec.rotationDeg * Math.PI) / 180;
  const origin = toLonLat(spec.eastM, spec.northM, siteOrigin);
  const grid = siteToGaussKruger(spec.eastM, spec.northM, siteOrigin);
  const along = siteToGaussKruger(
    spec.eastM + AXIS_BASELINE_M * Math.cos(rotation),
    spec.northM + AXIS_BASELINE_M * Math.sin(rotation),
    siteOrigin,
  );
  const dx = along.eastM - grid.eastM;
  const dy = along.northM - grid.northM;
  const length = Math.hypot(dx, dy);
  return {
    origin,
    refLatitude: toCompoundAngle(origin.lat),
    refLongitude: toCompoundAngle(origin.lon),
    refElevationM: groundElevationM,
    eastingsM: roundTo(grid.eastM, 4),
    northingsM: roundTo(grid.northM, 4),
    orthogonalHeightM: groundElevationM,
    xAxisAbscissa: roundTo(dx / length, 12),
    xAxisOrdinate: roundTo(dy / length, 12),
    // Local x is `rotation` counter-clockwise from east, so north is (sin r, cos r) in local x/y.
    trueNorth: [roundTo(Math.sin(rotation), 12), roundTo(Math.cos(rotation), 12)],
  };
}

/** A local point (metres) through an IfcMapConversion to EPSG:4547 grid coordinates. */
export function applyMapConversion(conversion: MapConversionParameters, x: number, y: number): EastNorth {
  const norm = Math.hypot(conversion.xAxisAbscissa, conversion.xAxisOrdinate);
  const cos = conversion.xAxisAbscissa / norm;
  const sin = conversion.xAxisOrdinate / norm;
  return {
    eastM: conversion.eastingsM + conversion.scale * (x * cos - y * sin),
    northM: conversion.northingsM + conversion.scale * (x * sin + y * cos),
  };
}

/** Decimal degrees to IFC compound degrees, rounded to a millionth of a second. */
export function toCompoundAngle(degrees: number): CompoundAngle {
  const sign = degrees < 0 ? -1 : 1;
  const micro = Math.round(Math.abs(degrees) * 3600e6);
  const parts: CompoundAngle = [
    Math.floor(micro / 3600e6),
    Math.floor((micro % 3600e6) / 60e6),
    Math.floor((micro % 60e6) / 1e6),
    micro % 1e6,
  ];
  return parts.map((part) => (part === 0 ? 0 : sign * part)) as CompoundAngle;
}

/** IFC compound degrees to decimal degrees. */
export function fromCompoundAngle(angle: readonly number[]): number {
  const [d = 0, m = 0, s = 0, micro = 0] = angle;
  return d + m / 60 + s / 3600 + micro / 3600e6;
}

function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded;
}
