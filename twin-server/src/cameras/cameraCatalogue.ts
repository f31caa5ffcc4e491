import { z } from 'zod';
import type { CameraDto } from '@twin/protocol';
import { parseVideoSource, type VideoSource } from './videoSource.ts';

/** One camera of the catalogue (what clients see of it, `CameraDto` without its stream), with its video source parsed. */
export type CameraEntry = CameraFacts & { source: VideoSource };

/** What the catalogue says of a camera that clients see. */
export type CameraFacts = Omit<CameraDto, 'stream'>;

/** The camera catalogue (`cameras.json` of the models directory). */
export interface CameraCatalogue {
  /** The community the cameras belong to. */
  community: string;
  cameras: CameraEntry[];
  /** Cameras left out, each with the reason (invalid entry, repeated id, unknown video source). */
  refused: string[];
}

const catalogueSchema = z.looseObject({
  version: z.literal(1),
  community: z.string().min(1),
  cameras: z.array(z.unknown()),
});

// eslint-disable-next-line no-control-regex
const cameraId = z.string().min(1).max(128).regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters');
const cameraSchema = z.looseObject({
  id: cameraId,
  sensorId: z.string().min(1).optional(),
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  area: z.string().min(1).optional(),
  building: z.string().min(1).optional(),
  position: z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), heightM: z.number() }),
  headingDeg: z.number(),
  pitchDeg: z.number(),
  fovDeg: z.number().positive().max(360),
  videoSource: z.string().min(1),
});

/**
 * Parses `cameras.json`. A camera that does not fit, repeats an id, or names a video source of
 * no known form is left out and listed in `refused`; `sources` (the camera sources file) replaces
 * the video source of the cameras it names.
 * @throws Error when the file is not JSON or not a camera catalogue at all.
 */
export function parseCameraCatalogue(text: string, sources: ReadonlyMap<string, VideoSource> = new Map()): CameraCatalogue {
  const parsed = catalogueSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`camera catalogue ${issue.path.join('.')}: ${issue.message}`);
  }
  const cameras: CameraEntry[] = [];
  const refused: string[] = [];
  const seen = new Set<string>();
  parsed.data.cameras.forEach((raw, index) => {
    const camera = cameraSchema.safeParse(raw);
    if (!camera.success) return refused.push(`cameras.${index}: ${camera.error.issues[0]!.path.join('.')}: ${camera.error.issues[0]!.message}`);
    const { id, videoSource } = camera.data;
    if (seen.has(id)) return refused.push(`${id}: repeated id`);
    const source = sources.get(id) ?? parseVideoSource(videoSource);
    if (source === undefined) return refused.push(`${id}: videoSource is not clip:<file>, pattern:<n>, rtsp:// or rtsps://`);
    seen.add(id);
    cameras.push({ ...pick(camera.data), source });
  });
  return { community: parsed.data.community, cameras, refused };
}

/** The fields the server uses (the catalogue may carry more). */
function pick(entry: z.infer<typeof cameraSchema>): CameraFacts {
  const { id, sensorId, name, nameEn, area, building, position, headingDeg, pitchDeg, fovDeg } = entry;
  return {
    id,
    name,
    position: { lon: position.lon, lat: position.lat, heightM: position.heightM },
    headingDeg,
    pitchDeg,
    fovDeg,
    ...(sensorId === undefined ? {} : { sensorId }),
    ...(nameEn === undefined ? {} : { nameEn }),
    ...(area === undefined ? {} : { area }),
    ...(building === undefined ? {} : { building }),
  };
}
