/**
 * Position of the sun, for daylight (ENV-3). A low-precision solar ephemeris (the US Naval
 * Observatory's approximate formulas), good to about 0.1° between 1950 and 2050.
 */

const DEG = Math.PI / 180;

/** Solar elevation above the horizon, degrees, at `tMs` for a WGS84 position. */
export function solarElevationDeg(tMs: number, latDeg: number, lonDeg: number): number {
  const d = tMs / 86_400_000 + 2440587.5 - 2451545.0; // days since J2000.0
  const g = (357.529 + 0.98560028 * d) * DEG; // mean anomaly
  const q = 280.459 + 0.98564736 * d; // mean longitude, degrees
  const lambda = (q + 1.915 * Math.sin(g) + 0.02 * Math.sin(2 * g)) * DEG; // ecliptic longitude
  const epsilon = (23.439 - 0.00000036 * d) * DEG; // obliquity
  const rightAscension = Math.atan2(Math.cos(epsilon) * Math.sin(lambda), Math.cos(lambda));
  const declination = Math.asin(Math.sin(epsilon) * Math.sin(lambda));
  const gmstHours = 18.697374558 + 24.06570982441908 * d;
  const hourAngle = ((gmstHours * 15 + lonDeg) * DEG) - rightAscension;
  const lat = latDeg * DEG;
  const sinElevation = Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
  return Math.asin(Math.max(-1, Math.min(1, sinElevation))) / DEG;
}

/**
 * Horizontal illuminance under a clear sky, lux, from the solar elevation: about 100 klx with the
 * sun high, a few hundred lux at sunset, falling to zero at the end of civil twilight (-6°).
 */
export function clearSkyIlluminanceLx(elevationDeg: number): number {
  if (elevationDeg <= -6) return 0;
  if (elevationDeg <= 0) return 400 * ((elevationDeg + 6) / 6) ** 3;
  return 400 + 110_000 * Math.sin(elevationDeg * DEG) ** 1.25;
}
