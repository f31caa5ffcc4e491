/**
 * Where a camera's video comes from, as the camera catalogue (`videoSource`) or the camera sources
 * file names it:
 *
 * - `clip:<file>`: a video file of the clips directory, looped (a plain file name, no folders);
 * - `pattern:<n>`: a generated test pattern;
 * - `rtsp://…` or `rtsps://…`: a real camera (credentials may be in the URL; they never leave the
 *   server and are removed from every message).
 */
export type VideoSource = { kind: 'clip'; file: string } | { kind: 'pattern' } | { kind: 'rtsp'; url: string };

const CLIP_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Parses a `videoSource`; undefined when it is none of the accepted forms. */
export function parseVideoSource(spec: string): VideoSource | undefined {
  if (spec.startsWith('clip:')) {
    const file = spec.slice('clip:'.length);
    return CLIP_FILE.test(file) && !file.includes('..') ? { kind: 'clip', file } : undefined;
  }
  if (/^pattern:\d{1,6}$/.test(spec)) return { kind: 'pattern' };
  if (/^rtsps?:\/\//i.test(spec)) return rtspSource(spec);
  return undefined;
}

function rtspSource(spec: string): VideoSource | undefined {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  if (url.hostname === '' || /[\s\u0000-\u001f\u007f]/.test(spec)) return undefined;
  return { kind: 'rtsp', url: spec };
}

/** `text` with the user and password of every RTSP URL in it replaced by `***`. */
export function redactCredentials(text: string): string {
  return text.replace(/(rtsps?:\/\/)[^\s/@]*@/gi, '$1***@');
}
