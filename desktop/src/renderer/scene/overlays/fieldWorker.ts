/**
 * Web Worker: interpolates a live field (inverse-distance weighting of the outdoor sensors) onto
 * its raster and colours it by band, off the main thread, a few times a second while readings
 * arrive. The scene draws the raster as a ground texture, the map as a ground image.
 */
import type { FieldJob, FieldResult } from './fieldJob.ts';
import { renderField } from './fieldGrid.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FieldJob>) => void) | null;
  postMessage(message: FieldResult, transfer: Transferable[]): void;
};

scope.onmessage = ({ data: job }) => {
  const rgba = new Uint8ClampedArray(4 * job.grid.width * job.grid.height);
  const { min, max } = renderField(job.samples, job.grid, job.style, rgba);
  scope.postMessage({ id: job.id, grid: job.grid, rgba, min, max }, [rgba.buffer]);
};
