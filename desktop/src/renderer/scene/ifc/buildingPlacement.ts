import { gridCrsParams } from '../geo/gridCrs.ts';
import type { SceneFrame } from '../geo/sceneFrame.ts';
import type { IfcGeoreference } from './ifcIndex.ts';

/**
 * Where a model lies in the scene: model x/y (IFC, metres) to scene east/north by
 * `en = m·(x, y) + t`, and model z to scene y by `y = z + yOffset`.
 */
export interface BuildingPlacement {
  /** 2×2 row-major: rotation and scale of the model's plan. */
  m: [number, number, number, number];
  t: [number, number];
  yOffset: number;
  /** What the placement came from; `none` leaves the model at the scene origin. */
  source: 'IfcMapConversion' | 'IfcSite' | 'none';
}

/**
 * The placement of a model from its georeference: the IfcMapConversion through the map grid
 * (exact, when the grid is one {@link gridCrsParams} knows), else the IfcSite reference point
 * and true north.
 */
export function buildingPlacement(georeference: IfcGeoreference | undefined, frame: SceneFrame): BuildingPlacement {
  if (georeference?.source === 'IfcMapConversion') {
    const grid = gridCrsParams(georeference.crsName, georeference.mapZone);
    if (grid !== undefined) {
      const { gridOrigin, m: [g00, g01, g10, g11] } = frame.gridToScene(grid);
      const { xAxisAbscissa: a, xAxisOrdinate: o, scale } = georeference;
      const length = Math.hypot(a, o) || 1;
      // Model plan → grid: scale · rotation (a, o); then grid → scene.
      const [r00, r01, r10, r11] = [(scale * a) / length, (-scale * o) / length, (scale * o) / length, (scale * a) / length];
      const dE = georeference.eastingsM - gridOrigin.eastM;
      const dN = georeference.northingsM - gridOrigin.northM;
      return {
        m: [g00 * r00 + g01 * r10, g00 * r01 + g01 * r11, g10 * r00 + g11 * r10, g10 * r01 + g11 * r11],
        t: [g00 * dE + g01 * dN, g10 * dE + g11 * dN],
        yOffset: georeference.orthogonalHeightM - frame.datumM,
        source: 'IfcMapConversion',
      };
    }
  }
  if (georeference?.source === 'IfcSite') {
    const [x, z] = frame.toXZ(georeference.lon, georeference.lat);
    // True north is (sin θ, cos θ) in model x/y when model x is θ anticlockwise from east.
    const theta = Math.atan2(georeference.trueNorth[0], georeference.trueNorth[1]);
    const [c, s] = [Math.cos(theta), Math.sin(theta)];
    return { m: [c, -s, s, c], t: [x, -z], yOffset: georeference.elevationM - frame.datumM, source: 'IfcSite' };
  }
  return { m: [1, 0, 0, 1], t: [0, 0], yOffset: 0, source: 'none' };
}
