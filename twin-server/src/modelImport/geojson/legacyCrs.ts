/**
 * The CRS a GeoJSON 2008 `crs` member names, as `EPSG:<code>` or `OGC:CRS84`; undefined when it
 * cannot be read. Accepts `{ type: 'name', properties: { name } }` with `EPSG:4326`,
 * `urn:ogc:def:crs:EPSG::4326`, `urn:ogc:def:crs:OGC:1.3:CRS84` or an OGC http URI.
 */
export function legacyCrsName(crs: unknown): string | undefined {
  if (typeof crs !== 'object' || crs === null) return undefined;
  const { type, properties } = crs as { type?: unknown; properties?: { name?: unknown } };
  if (type !== 'name' || typeof properties?.name !== 'string') return undefined;
  const name = properties.name.trim();
  if (/CRS:?84$/i.test(name)) return 'EPSG:4326';
  const epsg = /EPSG(?::|::|\/\d+\/|\/0\/)(\d+)$/i.exec(name) ?? /^EPSG:(\d+)$/i.exec(name);
  return epsg === null ? undefined : `EPSG:${epsg[1]}`;
}
