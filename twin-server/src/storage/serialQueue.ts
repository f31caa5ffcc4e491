/**
 * Runs asynchronous tasks one at a time, in call order. A failed task does not stop the queue:
 * the next task runs as if the failed one had succeeded. A DuckDB connection runs one statement
 * or transaction at a time, so every connection owns one queue.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `task` after every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
