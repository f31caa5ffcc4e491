/** Waiting for the twin server to answer its liveness probe (`GET /api/health`). */

export interface WaitForServerOptions {
  intervalMs?: number;
  /** Stops waiting; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
}

const PROBE_TIMEOUT_MS = 3000;

/** Why the server does not answer its probe, or `undefined` when it does. */
export async function probeServer(serverUrl: URL, fetchImpl: typeof globalThis.fetch = globalThis.fetch): Promise<string | undefined> {
  try {
    const response = await fetchImpl(new URL('/api/health', serverUrl), { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as Error).message;
  }
}

/** Resolves once the server answers its probe; probes every `intervalMs` (default 2 s) until then. */
export async function waitForServer(serverUrl: URL, options: WaitForServerOptions = {}): Promise<void> {
  const { signal } = options;
  for (;;) {
    signal?.throwIfAborted();
    if ((await probeServer(serverUrl, options.fetch)) === undefined) return;
    signal?.throwIfAborted();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.intervalMs ?? 2000);
      signal?.addEventListener('abort', done, { once: true });
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
    });
  }
}
