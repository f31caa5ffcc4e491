import { describe, expect, it } from 'vitest';
import { streamFailureOf } from './streamFailure.ts';

const playlistRequest = (status: number, body: unknown) => ({ responseType: 'text', responseText: typeof body === 'string' ? body : JSON.stringify(body), status });

describe('why a camera stream stopped (GOV-3 video surveillance)', () => {
  it('GOV-3 reads a 503 as too many streams at once, with the server message', () => {
    const failure = streamFailureOf({
      type: 'networkError',
      details: 'manifestLoadError',
      response: { code: 503 },
      networkDetails: playlistRequest(503, { error: { code: 'TWIN_ERR_CAMERA_BUSY', message: '8 streams are playing; close one first' } }),
    });
    expect(failure).toEqual({ kind: 'busy', message: '8 streams are playing; close one first' });
    expect(streamFailureOf({ type: 'networkError', details: 'manifestLoadError', response: { code: 503 }, networkDetails: playlistRequest(503, '') })).toEqual({ kind: 'busy' });
  });

  it('GOV-3 reads a 503 that names another reason as that refusal', () => {
    const failure = streamFailureOf({
      type: 'networkError',
      details: 'manifestLoadError',
      response: { code: 503 },
      networkDetails: playlistRequest(503, { error: { code: 'TWIN_ERR_CAMERA_UNAVAILABLE', message: 'ffmpeg was not found' } }),
    });
    expect(failure).toEqual({ kind: 'refused', status: 503, code: 'TWIN_ERR_CAMERA_UNAVAILABLE', message: 'ffmpeg was not found' });
  });

  it('GOV-3 keeps the code and message of another refusal', () => {
    const failure = streamFailureOf({
      type: 'networkError',
      details: 'manifestLoadError',
      response: { code: 403 },
      networkDetails: playlistRequest(403, { error: { code: 'TWIN_ERR_AUTH_OUT_OF_SCOPE', message: 'camera is outside your zones' } }),
    });
    expect(failure).toEqual({ kind: 'refused', status: 403, code: 'TWIN_ERR_AUTH_OUT_OF_SCOPE', message: 'camera is outside your zones' });
  });

  it('keeps only the status when the answer is not the server error format or cannot be read', () => {
    expect(streamFailureOf({ type: 'networkError', details: 'manifestLoadError', response: { code: 502 }, networkDetails: playlistRequest(502, '<html>Bad gateway</html>') })).toEqual({ kind: 'refused', status: 502 });
    expect(streamFailureOf({ type: 'networkError', details: 'fragLoadError', response: { code: 500 }, networkDetails: { responseType: 'arraybuffer', get responseText(): string { throw new Error('not text'); } } })).toEqual({ kind: 'refused', status: 500 });
    expect(streamFailureOf({ type: 'networkError', details: 'manifestLoadError', response: { code: 404 }, networkDetails: playlistRequest(404, { error: { code: 'NOT_A_CODE' } }) })).toEqual({ kind: 'refused', status: 404 });
  });

  it('reads a load without an answer as the server out of reach', () => {
    expect(streamFailureOf({ type: 'networkError', details: 'manifestLoadTimeOut' })).toEqual({ kind: 'unreachable' });
    expect(streamFailureOf({ type: 'networkError', details: 'manifestLoadError', response: { code: 0 } })).toEqual({ kind: 'unreachable' });
  });

  it('reads media and demuxing errors as video that cannot be played', () => {
    expect(streamFailureOf({ type: 'mediaError', details: 'bufferAppendError', error: new Error('codec not supported') })).toEqual({ kind: 'undecodable', message: 'codec not supported' });
    expect(streamFailureOf({ type: 'muxError', details: 'fragParsingError' })).toEqual({ kind: 'undecodable', message: 'fragParsingError' });
  });
});
