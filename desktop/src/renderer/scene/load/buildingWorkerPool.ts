import type { BuildingModel } from '../ifc/buildingModel.ts';
import type { BuildingJob, BuildingJobResult } from './buildingJob.ts';

/** Runs building jobs on a few workers, round robin. */
export class BuildingWorkerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve: (r: { model: BuildingModel; warning?: string }) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./buildingWorker.ts', import.meta.url), { type: 'module', name: `scene-buildings-${i}` });
      worker.onmessage = ({ data }: MessageEvent<BuildingJobResult>) => {
        const waiter = this.pending.get(data.id);
        this.pending.delete(data.id);
        if (data.ok) waiter?.resolve(data.warning === undefined ? { model: data.model } : { model: data.model, warning: data.warning });
        else waiter?.reject(new Error(data.error));
      };
      this.workers.push(worker);
    }
  }

  /** Builds one building; its buffers are transferred to the worker. */
  build(job: Omit<BuildingJob, 'id'>): Promise<{ model: BuildingModel; warning?: string }> {
    const id = this.nextId++;
    const transfer = job.ifc === undefined ? [job.geometry] : [job.geometry, job.ifc];
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ ...job, id }, transfer);
    });
  }

  dispose(): void {
    for (const worker of this.workers) worker.terminate();
    for (const waiter of this.pending.values()) waiter.reject(new Error('the scene was closed'));
    this.pending.clear();
  }
}
