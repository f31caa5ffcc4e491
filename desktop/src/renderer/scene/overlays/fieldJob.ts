import type { FieldGrid, FieldSamples, FieldStyle } from './fieldGrid.ts';

/** A field for the worker to interpolate and colour: samples on a grid's plane, and the style. */
export interface FieldJob {
  id: number;
  grid: FieldGrid;
  samples: FieldSamples;
  style: FieldStyle;
}

/** The worker's answer: the RGBA raster (4 bytes a cell, rows from the north) and the value range. */
export interface FieldResult {
  id: number;
  grid: FieldGrid;
  rgba: Uint8ClampedArray<ArrayBuffer>;
  min: number;
  max: number;
}
