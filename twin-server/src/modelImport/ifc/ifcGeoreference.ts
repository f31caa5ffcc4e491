/**
 * IFC georeferencing values: compound plane angles (IfcSite RefLatitude/RefLongitude) and the
 * rotation an IfcMapConversion's x axis implies. Pure functions.
 */

/** A compound angle converted to decimal degrees, with the reason it is doubtful if it is. */
export interface DecimalAngle {
  degrees: number;
  problem?: string;
}

/**
 * Converts an IfcCompoundPlaneAngleMeasure (degrees, minutes, seconds and optionally millionths
 * of a second, all of one sign) to decimal degrees.
 * @returns undefined when `parts` is not 3 or 4 integers.
 * @example compoundAngleToDegrees([41, 52, 27, 840000]) // { degrees: 41.8744 }
 */
export function compoundAngleToDegrees(parts: readonly number[]): DecimalAngle | undefined {
  if (parts.length < 3 || parts.length > 4 || !parts.every((p) => Number.isInteger(p))) return undefined;
  const [d, m, s, micro = 0] = parts as [number, number, number, number?];
  const nonZero = parts.filter((p) => p !== 0);
  const negative = nonZero.length > 0 && nonZero[0]! < 0;
  const degrees = (negative ? -1 : 1) * (Math.abs(d) + Math.abs(m) / 60 + Math.abs(s) / 3600 + Math.abs(micro) / 3_600_000_000);
  const result: DecimalAngle = { degrees };
  if (nonZero.some((p) => p < 0 !== negative)) result.problem = 'its components do not all have the same sign';
  else if (Math.abs(d) >= 360 || Math.abs(m) >= 60 || Math.abs(s) >= 60 || Math.abs(micro) >= 1_000_000) result.problem = 'a component is out of range';
  return result;
}

/** The rotation (degrees, anticlockwise from map east) of a model x axis given by its map direction. */
export function xAxisRotationDeg(abscissa: number, ordinate: number): number {
  return (Math.atan2(ordinate, abscissa) * 180) / Math.PI;
}
