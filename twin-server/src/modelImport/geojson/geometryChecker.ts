import type { WarningList } from '../warningList.ts';

type Json = Record<string, unknown>;

/** Signals a malformed GeoJSON value at a JSON pointer. */
export type Fail = (message: string, pointer: string) => never;

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
/** Nesting depth of GeometryCollections accepted (RFC 7946 discourages nesting at all). */
const MAX_COLLECTION_DEPTH = 8;

/**
 * Checks GeoJSON geometries (RFC 7946 §3.1) and gathers their bounding box. Positions must be
 * two or three finite numbers, within ±180°/±90° when the CRS is geographic; line strings have
 * two positions or more; rings three or more. An unclosed ring is a warning (it reads as closed).
 */
export class GeometryChecker {
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  constructor(
    private readonly file: string,
    private readonly geographic: boolean,
    private readonly warnings: WarningList,
    private readonly fail: Fail,
  ) {}

  /** `[minX, minY, maxX, maxY]` of every position checked; undefined before the first. */
  get bbox(): [number, number, number, number] | undefined {
    return this.minX <= this.maxX ? [this.minX, this.minY, this.maxX, this.maxY] : undefined;
  }

  /** Checks the geometry at `pointer`; returns its type. */
  check(value: unknown, pointer: string, depth = 0): string {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail('expected a geometry object', pointer);
    const geometry = value as Json;
    const type = geometry.type;
    if (typeof type !== 'string' || !GEOMETRY_TYPES.has(type)) this.fail(`unknown geometry type ${JSON.stringify(type)}`, `${pointer}/type`);
    if (type === 'GeometryCollection') {
      if (!Array.isArray(geometry.geometries)) this.fail('a GeometryCollection has a geometries array', `${pointer}/geometries`);
      if (depth >= MAX_COLLECTION_DEPTH) this.fail('GeometryCollections are nested too deeply', pointer);
      (geometry.geometries as unknown[]).forEach((g, i) => this.check(g, `${pointer}/geometries/${i}`, depth + 1));
      return type;
    }
    const at = `${pointer}/coordinates`;
    const c = geometry.coordinates;
    switch (type) {
      case 'Point':
        this.position(c, at);
        break;
      case 'MultiPoint':
        this.list(c, at, 0).forEach((p, i) => this.position(p, `${at}/${i}`));
        break;
      case 'LineString':
        this.lineString(c, at);
        break;
      case 'MultiLineString':
        this.list(c, at, 0).forEach((l, i) => this.lineString(l, `${at}/${i}`));
        break;
      case 'Polygon':
        this.polygon(c, at);
        break;
      default:
        this.list(c, at, 0).forEach((p, i) => this.polygon(p, `${at}/${i}`));
    }
    return type;
  }

  private list(value: unknown, pointer: string, min: number, what = 'an array'): unknown[] {
    if (!Array.isArray(value)) this.fail(`expected ${what}`, pointer);
    const list = value as unknown[];
    if (list.length < min) this.fail(`expected ${what} of at least ${min}, found ${list.length}`, pointer);
    return list;
  }

  private lineString(value: unknown, pointer: string): void {
    this.list(value, pointer, 2, 'an array of positions').forEach((p, i) => this.position(p, `${pointer}/${i}`));
  }

  private polygon(value: unknown, pointer: string): void {
    this.list(value, pointer, 1, 'an array of linear rings').forEach((ring, r) => {
      const at = `${pointer}/${r}`;
      const positions = this.list(ring, at, 3, 'a linear ring of positions');
      positions.forEach((p, i) => this.position(p, `${at}/${i}`));
      const first = positions[0] as number[];
      const last = positions[positions.length - 1] as number[];
      const closed = first.length === last.length && first.every((v, k) => v === last[k]);
      if (!closed) this.warnings.add('geojson:ring-open', 'a linear ring is not closed (its last position differs from its first); it is read as closed', { file: this.file, pointer: at });
      else if (positions.length < 4) this.fail(`a closed linear ring has at least 4 positions, found ${positions.length}`, at);
    });
  }

  private position(value: unknown, pointer: string): void {
    if (!Array.isArray(value) || value.length < 2) this.fail('a position is an array of two or three numbers', pointer);
    const position = value as unknown[];
    for (let k = 0; k < position.length; k++) {
      const v = position[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(`a coordinate is not a finite number: ${JSON.stringify(v)}`, `${pointer}/${k}`);
    }
    const [x, y] = position as [number, number];
    if (position.length > 3) this.warnings.add('geojson:position-length', `a position has ${position.length} numbers; RFC 7946 positions have two or three`, { file: this.file, pointer });
    if (this.geographic && (x < -180 || x > 180)) this.fail(`longitude ${x} is outside -180..180 (are the coordinates projected, or latitude first?)`, `${pointer}/0`);
    if (this.geographic && (y < -90 || y > 90)) this.fail(`latitude ${y} is outside -90..90 (are the coordinates projected, or latitude first?)`, `${pointer}/1`);
    if (x < this.minX) this.minX = x;
    if (x > this.maxX) this.maxX = x;
    if (y < this.minY) this.minY = y;
    if (y > this.maxY) this.maxY = y;
  }
}
