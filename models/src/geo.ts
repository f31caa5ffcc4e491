/**
 * Local site coordinates (metres east and north of a site origin) to WGS84. Over a few hundred
 * metres an equirectangular projection with the local degree lengths is accurate to centimetres.
 */

/** A WGS84 position, degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

/** Metres per degree of latitude and of longitude at latitude `latDeg` (WGS84 series). */
export function metresPerDegree(latDeg: number): { lat: number; lon: number } {
  const phi = (latDeg * Math.PI) / 180;
  return {
    lat: 111132.92 - 559.82 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi),
    lon: 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi),
  };
}

/** The position `eastM` metres east and `northM` metres north of `origin`, rounded to 1e-7° (~1 cm). */
export function offsetToLonLat(origin: LonLat, eastM: number, northM: number): LonLat {
  const perDegree = metresPerDegree(origin.lat);
  return {
    lon: roundTo(origin.lon + eastM / perDegree.lon, 7),
    lat: roundTo(origin.lat + northM / perDegree.lat, 7),
  };
}

/** `value` rounded to `digits` decimal places. */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
