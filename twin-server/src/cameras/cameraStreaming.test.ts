import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAMERA_MINIMUM, cameraStreamPath, type CameraDto, type CameraListDto } from '@twin/protocol';
import { DEFAULT_CAMERA_STREAM_OPTIONS } from './cameraStreamOptions.ts';
import { sharedDataPresent, sharedFile } from '../test/sharedTestData.ts';
import { eventually, startTestServer } from '../test/testServer.ts';
import { expectMpegTs, ffmpegProcessesUnder, mediaSequence, probeBytes, probeSource, rawGet, sampleRegistry, segmentNames } from './testing/hlsTestKit.ts';

// The sample community's 124 cameras: test patterns, and the parking-lot clip of the shared data
// (Intel IoT sample videos, car-detection.mp4: H.264 768×432 at 12.5 fps) at the gates.
const CLIP = 'camera/intel-iot-sample-videos/car-detection.mp4';
const clipPresent = sharedDataPresent('camera streaming of the shared clip', CLIP);
const PATTERN_CAMERA = 'B01/CAM-1';
const CLIP_CAMERA = 'N1/CAM-1';

type Harness = Awaited<ReturnType<typeof startTestServer>>;

describe('camera video as HLS from the twin server (GOV-3, EVAL-1 indicator 32, PLAT-11)', () => {
  let h: Harness;
  let closed = false;
  const list = async (token?: string) => {
    const response = await h.http('/api/cameras', token === undefined ? {} : { token });
    expect(response.status).toBe(200);
    return ((await response.json()) as CameraListDto).cameras;
  };
  const cameraOf = async (id: string) => (await list()).find((c) => c.id === id)!;
  const fetchPlaylist = async (id: string) => {
    const response = await h.http(cameraStreamPath(id));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.apple\.mpegurl/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    return response.text();
  };
  const fetchSegment = async (id: string, name: string) => {
    const response = await h.http(cameraStreamPath(id, name));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp2t');
    return new Uint8Array(await response.arrayBuffer());
  };

  beforeAll(async () => {
    h = await startTestServer(sampleRegistry(), { cameraStreams: { ...DEFAULT_CAMERA_STREAM_OPTIONS }, ...(clipPresent ? { cameraClipsDir: sharedFile('camera/intel-iot-sample-videos') } : {}) });
  });
  afterAll(async () => {
    if (!closed) await h?.close();
  });

  it('lists the sample cameras with frame rate and size as ffprobe reports their sources, before anyone watches', async () => {
    const cameras = await list();
    expect(cameras).toHaveLength(124);
    const pattern = cameras.find((c) => c.id === PATTERN_CAMERA)!;
    const source = probeSource('-f', 'lavfi', 'testsrc2=size=352x288:rate=25');
    expect(pattern).toMatchObject({ name: '1栋首层大堂大堂摄像机', nameEn: 'Building 1 lobby camera', area: 'zone-a', building: 'B01', sensorId: 'B01-F01-CAM-01' });
    expect(pattern.stream).toMatchObject({ source: 'pattern', state: 'idle', fps: source.fps, width: source.width, height: source.height, meetsMinimum: true, encoding: 'transcode', playlist: '/api/cameras/B01%2FCAM-1/stream/index.m3u8' });
    expect(pattern.stream.fps).toBeGreaterThanOrEqual(CAMERA_MINIMUM.fps);
    expect(JSON.stringify(cameras)).not.toMatch(/videoSource|pattern:|clip:/);
  });

  it.skipIf(!clipPresent)('reports the clip cameras at the 12.5 fps of the shared clip: below indicator 32, and said so (EVAL-1)', async () => {
    const clip = await cameraOf(CLIP_CAMERA);
    const source = probeSource(sharedFile(CLIP));
    expect(source).toEqual({ fps: 12.5, width: 768, height: 432 });
    expect(clip.stream).toMatchObject({ source: 'clip', fps: source.fps, width: source.width, height: source.height, codec: 'h264', meetsMinimum: false });
    // Key frames every 4.8 s would make 4.8 s segments: the clip is re-encoded with one per second.
    expect(clip.stream.encoding).toBe('transcode');
    expect(clip.stream.fallback).toBeUndefined();
  });

  it("starts ffmpeg for a pattern camera's playlist, serves its MPEG-TS segments, and the live playlist moves on", async () => {
    expect(ffmpegProcessesUnder(h.dir)).toEqual([]);
    const startedMs = Date.now();
    const first = await fetchPlaylist(PATTERN_CAMERA);
    expect(Date.now() - startedMs).toBeLessThan(8_000);
    expect(ffmpegProcessesUnder(h.dir)).toHaveLength(1);
    expect(first).toMatch(/^#EXTM3U/);
    expect(first).toMatch(/#EXT-X-TARGETDURATION:1\n/);
    const names = segmentNames(first);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => /^seg-\d+\.ts$/.test(n))).toBe(true);
    const segment = await fetchSegment(PATTERN_CAMERA, names.at(-1)!);
    expectMpegTs(segment);
    expect(probeBytes(segment)).toMatchObject({ codec_name: 'h264', width: 352, height: 288, r_frame_rate: '25/1' });
    expect((await cameraOf(PATTERN_CAMERA)).stream.state).toBe('live');

    const later = await eventually(
      async () => {
        const playlist = await fetchPlaylist(PATTERN_CAMERA);
        return mediaSequence(playlist) > mediaSequence(first) ? playlist : undefined;
      },
      15_000,
      'a later media sequence',
    );
    const newest = segmentNames(later).at(-1)!;
    expect(Number(/\d+/.exec(newest)![0])).toBeGreaterThan(Number(/\d+/.exec(names.at(-1)!)![0]));
    expectMpegTs(await fetchSegment(PATTERN_CAMERA, newest));
  });

  it.skipIf(!clipPresent)('streams a clip camera from the shared clip, looped', async () => {
    const playlist = await fetchPlaylist(CLIP_CAMERA);
    const segment = await fetchSegment(CLIP_CAMERA, segmentNames(playlist).at(-1)!);
    expectMpegTs(segment);
    expect(probeBytes(segment)).toMatchObject({ codec_name: 'h264', width: 768, height: 432, r_frame_rate: '25/2' });
    const args = ffmpegProcessesUnder(h.dir).map((p) => p.args).join('\n');
    expect(args).toContain(`-stream_loop -1 -i ${sharedFile(CLIP)}`);
  });

  it('refuses other file names, path traversal and unknown cameras', async () => {
    const id = encodeURIComponent(PATTERN_CAMERA);
    for (const file of ['..%2F..%2Fcredentials.json', '..%2Fsensors.json', 'index.m3u8.tmp', 'seg-1.ts.tmp', 'seg-x.ts', '%2Fetc%2Fpasswd', 'credentials.json']) {
      const response = await h.http(`/api/cameras/${id}/stream/${file}`);
      expect(response.status, file).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('TWIN_ERR_BAD_REQUEST');
    }
    // Dot segments sent as they are (fetch would resolve them first) reach no file either.
    const { token } = await h.login('operator', h.demo('operator').password);
    for (const path of [`/api/cameras/${id}/stream/../../../credentials.json`, `/api/cameras/${id}/stream/%2e%2e%2f%2e%2e%2fcredentials.json`, `/api/cameras/..%2F..%2F/stream/index.m3u8`]) {
      const raw = await rawGet(h.server.httpUrl, path, token);
      expect([400, 404], `${path}: ${raw.body}`).toContain(raw.status);
      expect(raw.body).not.toContain(h.server.devices.secrets.deviceToken);
    }
    const missing = await h.http(cameraStreamPath('B99/CAM-9'));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('TWIN_ERR_CAMERA_NOT_FOUND');
    const notRunning = await h.http(cameraStreamPath('B02/CAM-1', 'seg-1.ts'));
    expect(notRunning.status).toBe(404);
  });

  it('shows a viewer without clearance for restricted data no camera and refuses its stream (PLAT-11)', async () => {
    const viewer = await h.login('viewer', h.demo('viewer').password);
    expect(await list(viewer.token)).toEqual([]);
    const response = await h.http(cameraStreamPath(PATTERN_CAMERA), { token: viewer.token });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('TWIN_ERR_AUTH_OUT_OF_SCOPE');
  });

  it("shows an organisation whose domain is one zone only that zone's cameras (PLAT-8, PLAT-11)", async () => {
    await h.seedOrganisation({ id: 'zone-a-guards', name: 'A 区安保', kind: 'property', domain: [{ community: 'futian-sample', zone: 'zone-a' }] }, [
      { username: 'guard-a', password: 'guard a correct horse battery', clearance: 'restricted', grants: [{ role: 'operator', scope: {} }] },
    ]);
    const guard = await h.login('guard-a', 'guard a correct horse battery');
    const cameras: CameraDto[] = await list(guard.token);
    expect(cameras.length).toBeGreaterThan(0);
    expect(cameras.length).toBeLessThan(124);
    expect(cameras.every((c) => c.area === 'zone-a')).toBe(true);
    const elsewhere = (await list()).find((c) => c.area !== 'zone-a')!;
    expect((await h.http(cameraStreamPath(elsewhere.id), { token: guard.token })).status).toBe(403);
  });

  it('leaves no ffmpeg of the server running once it is closed', async () => {
    await fetchPlaylist('B02/CAM-1');
    expect(ffmpegProcessesUnder(h.dir).length).toBeGreaterThanOrEqual(2);
    const dir = h.dir;
    closed = true;
    await h.close();
    expect(ffmpegProcessesUnder(dir)).toEqual([]);
  });
});
