/**
 * A raster over a plane in metres, x to the east and y to the south, row 0 at the north edge (the
 * way images are stored): cell (c, r) is centred at `x0 + (c + ½)·cellM`, `y0 + (r + ½)·cellM`.
 */
export interface FieldGrid {
  x0: number;
  y0: number;
  cellM: number;
  width: number;
  height: number;
}

/** Point values on the grid's plane: `count` samples at (`xs[i]`, `ys[i]`). */
export interface FieldSamples {
  count: number;
  xs: Float32Array;
  ys: Float32Array;
  values: Float32Array;
}

/** How values become pixels: band edges and colours (see `packBands`), opacity, and how far a sample reaches. */
export interface FieldStyle {
  /** Upper edge of each band (exclusive; the last is Infinity). */
  edges: Float64Array;
  /** RGB bytes per band. */
  rgb: Uint8Array;
  /** Opacity of the field, 0..1. */
  alpha: number;
  /** Cells farther than this from every sample stay transparent (no value is made up there), metres. */
  reachM: number;
}

/** Opacity of a drawn field (scene and map alike). */
export const FIELD_OPACITY = 0.6;
/** How far an outdoor sensor's reading reaches on the ground, metres: outdoor points stand a few hundred metres apart. */
export const FIELD_REACH_M = 200;
/** Largest side of a field raster, cells. */
export const FIELD_MAX_CELLS = 256;
/** Finest cell, metres: sensors a few hundred metres apart never need finer. */
export const FIELD_MIN_CELL_M = 2;
/** Closer than this a sample's own value holds (no division by a vanishing distance), metres. */
const AT_SAMPLE_M = 0.5;
/** Share of the reach over which the field fades out at its edge. */
const FADE_SHARE = 0.2;

/**
 * The grid covering `[minX, minY, maxX, maxY]` (metres), square cells no finer than
 * {@link FIELD_MIN_CELL_M} and at most {@link FIELD_MAX_CELLS} on a side.
 */
export function fieldGridOver(minX: number, minY: number, maxX: number, maxY: number): FieldGrid {
  const cellM = Math.max(FIELD_MIN_CELL_M, Math.max(maxX - minX, maxY - minY) / FIELD_MAX_CELLS);
  return {
    x0: minX,
    y0: minY,
    cellM,
    width: Math.max(1, Math.ceil((maxX - minX) / cellM)),
    height: Math.max(1, Math.ceil((maxY - minY) / cellM)),
  };
}

/**
 * Interpolates `samples` onto `grid` by inverse-distance weighting (weights 1/d²; exact at the
 * samples) and writes each cell as the RGBA of its value's band into `out` (4 bytes a cell, rows
 * from the north), transparent beyond `style.reachM` from every sample and fading out over the last
 * fifth of it. Returns the interpolated range. Pure; runs in the field worker.
 */
export function renderField(samples: FieldSamples, grid: FieldGrid, style: FieldStyle, out: Uint8ClampedArray): { min: number; max: number } {
  const { count, xs, ys, values } = samples;
  const { edges, rgb, alpha, reachM } = style;
  const reach2 = reachM * reachM;
  const fadeM = Math.max(1e-6, FADE_SHARE * reachM);
  const at2 = AT_SAMPLE_M * AT_SAMPLE_M;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < grid.height; r++) {
    const y = grid.y0 + (r + 0.5) * grid.cellM;
    for (let c = 0; c < grid.width; c++) {
      const x = grid.x0 + (c + 0.5) * grid.cellM;
      let weights = 0;
      let sum = 0;
      let nearest2 = Number.POSITIVE_INFINITY;
      let exact = Number.NaN;
      for (let i = 0; i < count; i++) {
        const dx = xs[i]! - x;
        const dy = ys[i]! - y;
        const d2 = dx * dx + dy * dy;
        if (d2 < nearest2) nearest2 = d2;
        if (d2 < at2) exact = values[i]!;
        // Shepard's inverse-distance weights with exponent 2: straight from the squared distance.
        const w = 1 / d2;
        weights += w;
        sum += w * values[i]!;
      }
      const o = 4 * (r * grid.width + c);
      if (count === 0 || nearest2 > reach2) {
        out[o + 3] = 0;
        continue;
      }
      const value = Number.isNaN(exact) ? sum / weights : exact;
      min = Math.min(min, value);
      max = Math.max(max, value);
      let band = 0;
      while (band < edges.length - 1 && value >= edges[band]!) band++;
      out[o] = rgb[3 * band]!;
      out[o + 1] = rgb[3 * band + 1]!;
      out[o + 2] = rgb[3 * band + 2]!;
      const fade = Math.min(1, (reachM - Math.sqrt(nearest2)) / fadeM);
      out[o + 3] = Math.round(255 * alpha * fade);
    }
  }
  return { min, max };
}
