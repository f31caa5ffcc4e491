import { fitGroundPlane, groundElevation, type GroundPlane } from './groundPlane.ts';
import { transverseMercator, WGS84, type EastNorth, type ProjectLonLat, type TransverseMercatorParams } from './transverseMercator.ts';

/** A WGS 84 position, degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** A surveyed ground point: position and elevation above the vertical datum. */
export interface GroundSample extends LonLat {
  elevationM: number;
}

/** What defines a frame; plain data, so workers rebuild the same frame with {@link sceneFrame}. */
export interface SceneFrameParams {
  origin: LonLat;
  ground: GroundPlane;
}

/** Grid coordinates to scene east/north: `scene = m·(grid − gridOrigin)` (2×2 `m`, row-major). */
export interface GridToScene {
  /** Grid coordinates of the scene origin. */
  gridOrigin: EastNorth;
  /** `[m00, m01, m10, m11]`: rotation by the difference of meridian convergences, and scale. */
  m: [number, number, number, number];
}

/**
 * The scene's coordinates, metres, three.js convention (Y up, right-handed): x east, y up, z
 * south. x and -z are a transverse Mercator centred on the scene origin (scale 1), so the plan is
 * true to scale across the site; y is the elevation above the vertical datum less `datumM`, the
 * ground elevation at the origin, so the ground lies near y = 0.
 */
export interface SceneFrame {
  datumM: number;
  /** Scene x and z of a WGS 84 position. */
  toXZ(lon: number, lat: number): [number, number];
  /** Scene y of the ground at scene (x, z). */
  groundY(x: number, z: number): number;
  /** The linear map of a projected grid (e.g. EPSG:4547) onto the scene plane near the origin. */
  gridToScene(grid: TransverseMercatorParams): GridToScene;
}

/** Offset (degrees) of the reference points used to fit a grid to the scene plane. */
const FIT_STEP_DEG = 0.001;

/** The frame of `params`. */
export function sceneFrame(params: SceneFrameParams): SceneFrame {
  const { origin, ground } = params;
  const project = transverseMercator({ ellipsoid: WGS84, lon0Deg: origin.lon, lat0Deg: origin.lat, k0: 1, falseEastingM: 0, falseNorthingM: 0 });
  return {
    datumM: ground.e0,
    toXZ: (lon, lat) => {
      const p = project(lon, lat);
      return [p.eastM, -p.northM];
    },
    groundY: (x, z) => groundElevation(ground, x, z) - ground.e0,
    gridToScene: (grid) => fitGridToScene(transverseMercator(grid), project, origin),
  };
}

/** Frame parameters: the origin, and the ground plane fitted to `ground` samples (level at `fallbackElevationM` without any). */
export function sceneFrameParams(origin: LonLat, ground: readonly GroundSample[], fallbackElevationM: number): SceneFrameParams {
  const level = sceneFrame({ origin, ground: { e0: 0, slopeX: 0, slopeZ: 0 } });
  return { origin, ground: fitGroundPlane(ground.map((s) => [...level.toXZ(s.lon, s.lat), s.elevationM] as const), fallbackElevationM) };
}

/**
 * Both projections are conformal, so near the origin grid and scene differ by a rotation (the
 * difference of their meridian convergences, about 0.02° for a site 6 km from a Gauss-Krüger
 * central meridian) and a scale (grid scale, under a part per million): a linear map, fitted on
 * two short baselines. Across a site of a few kilometres it is exact to well under a millimetre.
 */
function fitGridToScene(grid: ProjectLonLat, scene: ProjectLonLat, origin: LonLat): GridToScene {
  const g0 = grid(origin.lon, origin.lat);
  const gE = grid(origin.lon + FIT_STEP_DEG, origin.lat);
  const gN = grid(origin.lon, origin.lat + FIT_STEP_DEG);
  const s0 = scene(origin.lon, origin.lat);
  const sE = scene(origin.lon + FIT_STEP_DEG, origin.lat);
  const sN = scene(origin.lon, origin.lat + FIT_STEP_DEG);
  // Columns: grid baselines G and scene baselines S; m = S · G⁻¹.
  const [g00, g10, g01, g11] = [gE.eastM - g0.eastM, gE.northM - g0.northM, gN.eastM - g0.eastM, gN.northM - g0.northM];
  const [s00, s10, s01, s11] = [sE.eastM - s0.eastM, sE.northM - s0.northM, sN.eastM - s0.eastM, sN.northM - s0.northM];
  const det = g00 * g11 - g01 * g10;
  const [i00, i01, i10, i11] = [g11 / det, -g01 / det, -g10 / det, g00 / det];
  return {
    gridOrigin: g0,
    m: [s00 * i00 + s01 * i10, s00 * i01 + s01 * i11, s10 * i00 + s11 * i10, s10 * i01 + s11 * i11],
  };
}
