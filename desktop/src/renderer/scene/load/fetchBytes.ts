/** What the scene needs from the app: authenticated GETs against the twin server. */
export interface SceneApi {
  get(path: string, init?: RequestInit): Promise<Response>;
}

/** A request of the scene that failed: status and the server's error code, when it sent one. */
export class SceneLoadError extends Error {
  override name = 'SceneLoadError';
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

async function checked(api: SceneApi, path: string, signal?: AbortSignal): Promise<Response> {
  const response = await api.get(path, signal === undefined ? undefined : { signal });
  if (response.ok) return response;
  let message = `${path}: HTTP ${response.status}`;
  let code: string | undefined;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code;
    if (body.error?.message !== undefined) message = `${path}: ${body.error.message}`;
  } catch {
    // Not a JSON error body: the status says it.
  }
  throw new SceneLoadError(message, response.status, code);
}

/** GETs JSON. @throws SceneLoadError on an error status. */
export async function fetchJson(api: SceneApi, path: string, signal?: AbortSignal): Promise<unknown> {
  return (await checked(api, path, signal)).json();
}

/**
 * GETs bytes, reporting progress as they arrive (`total` from Content-Length, 0 when unknown).
 * @throws SceneLoadError on an error status.
 */
export async function fetchBytes(api: SceneApi, path: string, onProgress: (loaded: number, total: number) => void, signal?: AbortSignal): Promise<ArrayBuffer> {
  const response = await checked(api, path, signal);
  const total = Number(response.headers.get('content-length') ?? 0) || 0;
  if (response.body === null) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes.buffer;
}
