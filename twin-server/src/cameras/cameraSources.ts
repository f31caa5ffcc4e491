import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseVideoSource, type VideoSource } from './videoSource.ts';

const sourcesSchema = z.strictObject({ sources: z.record(z.string().min(1), z.string().min(1)) });

/**
 * Reads the camera sources file: `{ "sources": { "<camera id>": "<video source>" } }`, each
 * source in the catalogue's forms (typically `rtsp://user:pass@camera.example:554/stream`). It
 * stays on the server, so camera credentials are kept out of the catalogue that clients download.
 * @throws Error naming the file and the first problem.
 */
export async function loadCameraSources(path: string): Promise<Map<string, VideoSource>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`camera sources ${path}: ${(error as Error).message}`);
  }
  const parsed = sourcesSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`camera sources ${path}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const sources = new Map<string, VideoSource>();
  for (const [cameraId, spec] of Object.entries(parsed.data.sources)) {
    const source = parseVideoSource(spec);
    // The spec itself is not repeated: it may hold a password.
    if (source === undefined) throw new Error(`camera sources ${path}: ${cameraId}: not clip:<file>, pattern:<n>, rtsp:// or rtsps://`);
    sources.set(cameraId, source);
  }
  return sources;
}
