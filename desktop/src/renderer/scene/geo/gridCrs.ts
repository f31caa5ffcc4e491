import { CGCS2000, WGS84, type TransverseMercatorParams } from './transverseMercator.ts';

/**
 * The transverse Mercator parameters of a projected CRS named by an IFC model
 * (IfcProjectedCRS Name, and MapZone as a fallback), or undefined for one this client does not
 * know. Covers the Chinese CGCS2000 Gauss-Krüger grids (EPSG:4491-4554, 6- and 3-degree belts,
 * with or without the zone number in the easting) and WGS 84 / UTM (EPSG:326xx, 327xx).
 * @example
 * gridCrsParams('EPSG:4547'); // CGCS2000 / 3-degree Gauss-Krüger CM 114E
 */
export function gridCrsParams(name: string, mapZone?: string): TransverseMercatorParams | undefined {
  const code = /^EPSG:(\d+)$/i.exec(name.trim())?.[1];
  const known = code === undefined ? undefined : epsgParams(Number(code));
  if (known !== undefined) return known;
  // A zone written as its central meridian, e.g. "CM 114E".
  const cm = mapZone === undefined ? undefined : /CM\s*(\d+(?:\.\d+)?)\s*([EW])/i.exec(mapZone);
  if (cm === undefined || cm === null) return undefined;
  const lon0Deg = Number(cm[1]) * (cm[2]!.toUpperCase() === 'W' ? -1 : 1);
  return gaussKruger(lon0Deg, 500_000);
}

function gaussKruger(lon0Deg: number, falseEastingM: number): TransverseMercatorParams {
  return { ellipsoid: CGCS2000, lon0Deg, lat0Deg: 0, k0: 1, falseEastingM, falseNorthingM: 0 };
}

function epsgParams(code: number): TransverseMercatorParams | undefined {
  // CGCS2000 / Gauss-Krüger: 6-degree zones 13-23 with the zone in the easting (4491-4501), the
  // same by central meridian 75E-135E (4502-4512), 3-degree zones 25-45 (4513-4533), and the
  // same by central meridian 75E-135E (4534-4554).
  if (code >= 4491 && code <= 4501) return gaussKruger(75 + 6 * (code - 4491), (13 + code - 4491) * 1e6 + 500_000);
  if (code >= 4502 && code <= 4512) return gaussKruger(75 + 6 * (code - 4502), 500_000);
  if (code >= 4513 && code <= 4533) return gaussKruger(75 + 3 * (code - 4513), (25 + code - 4513) * 1e6 + 500_000);
  if (code >= 4534 && code <= 4554) return gaussKruger(75 + 3 * (code - 4534), 500_000);
  if ((code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760)) {
    const zone = code % 100;
    return { ellipsoid: WGS84, lon0Deg: -183 + 6 * zone, lat0Deg: 0, k0: 0.9996, falseEastingM: 500_000, falseNorthingM: code > 32700 ? 10_000_000 : 0 };
  }
  return undefined;
}
