import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MESH_PACK_MEDIA_TYPE, MESH_PACK_VERSION } from '@twin/protocol';
import type { DataTarget } from '../identity/dataTargets.ts';
import { replyError } from '../http/replyError.ts';
import { authOf } from '../http/routeGuard.ts';
import { ModelError } from './modelError.ts';
import { isIfcPath, isSafeModelPath, type ModelFileEntry } from './modelManifest.ts';
import type { ModelLibrary } from './modelLibrary.ts';
import type { ModelService } from './modelService.ts';

const MEDIA_TYPES: Record<string, string> = {
  json: 'application/json',
  geojson: 'application/geo+json',
  ifc: 'application/x-step',
  ifczip: 'application/zip',
  glb: 'model/gltf-binary',
  csv: 'text/csv',
};

/**
 * The community's models, for users with `models.read`, each file only within their scopes and
 * clearance (REQ PLAT-8, PLAT-11):
 *
 * - `GET /api/models/manifest`: `manifest.json` with the files the caller may see. ETag: the
 *   SHA-256 of what was sent.
 * - `GET /api/models/files/<path>`: a file the manifest lists, streamed. ETag: its SHA-256 from
 *   the manifest. Paths not in the manifest get 404; paths with `..`, empty segments or
 *   backslashes get 400.
 * - `GET /api/models/geometry/<path>`: the mesh pack (`@twin/protocol` `meshPack.ts`) of an IFC
 *   file of the manifest. ETag: `<sha256>-<mesh pack version>`. The first request for a content
 *   hash extracts the geometry in a worker (progress goes to every client that may see it as `model:progress`
 *   socket events); later ones stream the cached pack. `X-Twin-Geometry` says `extracted`,
 *   `cache` or `shared`, and `Server-Timing` how long the server took.
 *
 * - `GET /api/models/report/<path>`: what a file of the manifest holds, as `twin import --json`
 *   reports it (kind, schema, counts by IFC class or feature type, spatial structure,
 *   georeference, warnings), read once per content hash. ETag: `<sha256>-report`.
 *
 * All answer 304 to a matching `If-None-Match` and send `Cache-Control: no-cache` (keep, but
 * revalidate: paths stay, contents change).
 */
export function modelRoutes(app: FastifyInstance, deps: { models: ModelService; dataOf: (entry: ModelFileEntry) => DataTarget }): void {
  const { library, geometry } = deps.models;
  const config = { access: { permission: 'models.read' as const } };
  const visible = (request: FastifyRequest) => (entry: ModelFileEntry) => authOf(request).access.allows('models.read', deps.dataOf(entry));

  app.get('/api/models/manifest', { config }, (request, reply) =>
    answer(reply, async () => {
      const manifest = (await library.manifest()).subset(visible(request));
      if (notModified(request, reply, manifest.etag)) return;
      return validators(reply, manifest.etag).type('application/json').send(manifest.bytes);
    }),
  );

  app.get('/api/models/files/*', { config }, (request, reply) =>
    answer(reply, async () => {
      const entry = await listedEntry(library, request, visible(request));
      const etag = `"${entry.sha256}"`;
      if (notModified(request, reply, etag)) return;
      const file = await library.file(entry.path);
      return validators(reply, etag).type(mediaType(entry.path)).header('content-length', entry.bytes).send(createReadStream(file.absolutePath));
    }),
  );

  app.get('/api/models/report/*', { config }, (request, reply) =>
    answer(reply, async () => {
      const entry = await listedEntry(library, request, visible(request));
      const etag = `"${entry.sha256}-report"`;
      if (notModified(request, reply, etag)) return;
      const report = await deps.models.reports.report(await library.file(entry.path));
      return validators(reply, etag).type('application/json').send(report);
    }),
  );

  app.get('/api/models/geometry/*', { config }, (request, reply) =>
    answer(reply, async () => {
      const startedMs = performance.now();
      const entry = await listedEntry(library, request, visible(request));
      if (!isIfcPath(entry.path)) throw new ModelError('TWIN_ERR_MODEL_NOT_IFC', `${entry.path} is not an IFC file`);
      const etag = `"${entry.sha256}-${MESH_PACK_VERSION}"`;
      if (notModified(request, reply, etag)) return;
      const pack = await geometry.prepare(await library.file(entry.path));
      const ms = (performance.now() - startedMs).toFixed(1);
      return validators(reply, etag)
        .type(MESH_PACK_MEDIA_TYPE)
        .header('content-length', pack.byteLength)
        .header('x-twin-geometry', pack.source)
        .header('server-timing', `geometry;dur=${ms};desc="${pack.source}"`)
        .send(createReadStream(pack.path));
    }),
  );
}

/**
 * The manifest entry a wildcard route names: 404 when the manifest does not list it, 403 when
 * the caller's scopes or clearance do not cover it.
 */
async function listedEntry(library: ModelLibrary, request: FastifyRequest, visible: (entry: ModelFileEntry) => boolean): Promise<ModelFileEntry> {
  const path = requestPath(request);
  const entry = (await library.manifest()).entry(path);
  if (entry === undefined) throw new ModelError('TWIN_ERR_MODEL_NOT_FOUND', `${path} is not in the model manifest`);
  if (!visible(entry)) throw new ModelError('TWIN_ERR_AUTH_OUT_OF_SCOPE', `${path} is outside your scope or clearance`);
  return entry;
}

/** The `<path>` of a wildcard route, refused (400) when it could leave the models directory. */
function requestPath(request: FastifyRequest): string {
  const path = (request.params as { '*': string })['*'];
  if (!isSafeModelPath(path)) throw new ModelError('TWIN_ERR_BAD_REQUEST', 'a model path is relative, /-separated, without empty, "." or ".." segments');
  return path;
}

/** Answers 304 and returns true when `If-None-Match` names the current ETag (weak comparison). */
function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  const match = header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
  if (match) void validators(reply, etag).code(304).send();
  return match;
}

/** ETag and `Cache-Control: no-cache` (keep, but revalidate: paths stay, contents change). */
function validators(reply: FastifyReply, etag: string): FastifyReply {
  return reply.header('etag', etag).header('cache-control', 'no-cache');
}

function mediaType(path: string): string {
  return MEDIA_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

/** Runs a handler, answering a `ModelError` with its code. */
async function answer(reply: FastifyReply, handler: () => Promise<unknown>): Promise<unknown> {
  try {
    const result = await handler();
    return result ?? reply;
  } catch (error) {
    if (error instanceof ModelError) return replyError(reply, error.code, error.message, error.details);
    throw error;
  }
}
