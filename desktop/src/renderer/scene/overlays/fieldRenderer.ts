import type { FieldGrid, FieldSamples, FieldStyle } from './fieldGrid.ts';
import type { FieldJob, FieldResult } from './fieldJob.ts';

/**
 * Renders live fields on a Web Worker, one job at a time: a job asked for while another runs
 * waits, and a newer one replaces it (only the latest readings matter). Owns its worker;
 * {@link dispose} ends it.
 */
export class FieldRenderer {
  private readonly worker: Worker;
  private running = false;
  private waiting: FieldJob | undefined;
  private nextId = 0;

  /** @param onResult - hears every finished raster, with the id {@link render} returned. */
  constructor(onResult: (result: FieldResult) => void) {
    this.worker = new Worker(new URL('./fieldWorker.ts', import.meta.url), { type: 'module', name: 'scene-field' });
    this.worker.onmessage = ({ data }: MessageEvent<FieldResult>) => {
      this.running = false;
      onResult(data);
      const next = this.waiting;
      this.waiting = undefined;
      if (next !== undefined) this.post(next);
    };
  }

  /** Asks for a raster of `samples` (copied: the caller may refill them) on `grid`; returns the job's id. */
  render(grid: FieldGrid, samples: FieldSamples, style: FieldStyle): number {
    const n = samples.count;
    const job: FieldJob = {
      id: this.nextId++,
      grid,
      samples: { count: n, xs: samples.xs.slice(0, n), ys: samples.ys.slice(0, n), values: samples.values.slice(0, n) },
      style,
    };
    if (this.running) this.waiting = job;
    else this.post(job);
    return job.id;
  }

  dispose(): void {
    this.worker.terminate();
    this.waiting = undefined;
  }

  private post(job: FieldJob): void {
    this.running = true;
    this.worker.postMessage(job, [job.samples.xs.buffer, job.samples.ys.buffer, job.samples.values.buffer]);
  }
}
