import type { ModelProgress, TwinErrorCode } from '@twin/protocol';

/** What the geometry worker is given (its `workerData`). */
export interface GeometryJob {
  /** The IFC (or `.ifczip`) file to read. */
  ifcPath: string;
  /** SHA-256 the file must have (from the manifest); the pack is cached under it. */
  sha256: string;
  /** Where to write the mesh pack; the service renames it into the cache. */
  outputPath: string;
  maxIfcBytes: number;
  maxVertices: number;
}

/** Durations of the worker's phases, milliseconds. */
export interface GeometryTimings {
  readMs: number;
  parseMs: number;
  geometryMs: number;
  writeMs: number;
}

/** Messages from the geometry worker. */
export type GeometryWorkerMessage =
  | ({ kind: 'progress' } & Omit<ModelProgress, 'path'>)
  | { kind: 'done'; byteLength: number; elementCount: number; ifcBytes: number; timings: GeometryTimings }
  | { kind: 'failed'; code: TwinErrorCode; message: string };
