import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraStreamPath, type CameraDto, type CameraListDto } from '@twin/protocol';
import { freePort } from '../test/freePort.ts';
import { testSensor } from '../test/testCatalog.ts';
import { eventually, startTestServer } from '../test/testServer.ts';
import { DEFAULT_CAMERA_STREAM_OPTIONS } from './cameraStreamOptions.ts';
import { expectMpegTs, ffmpegProcessesUnder, probeBytes, sampleRegistry, segmentNames } from './testing/hlsTestKit.ts';

type Harness = Awaited<ReturnType<typeof startTestServer>>;

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;
const listOf = async (h: Harness) => ((await (await h.http('/api/cameras')).json()) as CameraListDto).cameras;
const streamOf = async (h: Harness, id: string) => (await listOf(h)).find((c) => c.id === id)!.stream;

describe('camera streams without the clips directory, at the encoder limit, and unwatched (GOV-3)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startTestServer(sampleRegistry(), { cameraClipsDir: join(tmpdir(), 'no-camera-clips-here'), cameraStreams: { ...DEFAULT_CAMERA_STREAM_OPTIONS, maxEncoders: 1, idleStopMs: 2_000 } });
  });
  afterAll(() => h?.close());

  it('shows the test pattern for clip cameras when the clips directory is absent, and says so', async () => {
    const stream = await streamOf(h, 'N1/CAM-1');
    expect(stream).toMatchObject({ source: 'pattern', fps: 25, width: 352, height: 288, meetsMinimum: true });
    expect(stream.fallback).toMatch(/clip car-detection\.mp4: the clips directory .*no-camera-clips-here is absent; the test pattern is shown instead/);
    const playlist = await (await h.http(cameraStreamPath('N1/CAM-1'))).text();
    const segment = new Uint8Array(await (await h.http(cameraStreamPath('N1/CAM-1', segmentNames(playlist).at(-1)!))).arrayBuffer());
    expectMpegTs(segment);
    expect(probeBytes(segment)).toMatchObject({ width: 352, height: 288, r_frame_rate: '25/1' });
  });

  it('refuses a further camera at the encoder limit with 503 TWIN_ERR_CAMERA_BUSY', async () => {
    expect((await h.http(cameraStreamPath('N1/CAM-1'))).status).toBe(200);
    const busy = await h.http(cameraStreamPath('B01/CAM-1'));
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('10');
    const error = await errorCode(busy);
    expect(error.code).toBe('TWIN_ERR_CAMERA_BUSY');
    expect(error.message).toMatch(/most this server streams at once/);
    expect(ffmpegProcessesUnder(h.dir)).toHaveLength(1);
  });

  it('stops a stream nobody fetched from, which frees its place', async () => {
    await eventually(() => (ffmpegProcessesUnder(h.dir).length === 0 ? true : undefined), 10_000, 'the unwatched encoder to stop');
    expect((await streamOf(h, 'N1/CAM-1')).state).toBe('idle');
    expect((await h.http(cameraStreamPath('B01/CAM-1'))).status).toBe(200);
  });
});

describe('camera streams when ffmpeg is missing (GOV-3)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startTestServer(sampleRegistry(), { cameraStreams: { ...DEFAULT_CAMERA_STREAM_OPTIONS, ffmpegPath: '/nonexistent/ffmpeg' } });
  });
  afterAll(() => h?.close());

  it('answers 503 TWIN_ERR_CAMERA_UNAVAILABLE naming the missing ffmpeg, lists the camera in error, and keeps serving', async () => {
    const response = await h.http(cameraStreamPath('B01/CAM-1'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    const error = await errorCode(response);
    expect(error.code).toBe('TWIN_ERR_CAMERA_UNAVAILABLE');
    expect(error.message).toMatch(/ffmpeg was not found \(\/nonexistent\/ffmpeg\)/);
    const stream = await streamOf(h, 'B01/CAM-1');
    expect(stream.state).toBe('error');
    expect(stream.error).toMatch(/ffmpeg was not found/);
    expect((await h.http('/api/health', { token: null })).status).toBe(200);
  });
});

describe('camera streams of a catalogue with a copied clip and an RTSP camera (GOV-3)', () => {
  let h: Harness;
  let clipsDir: string;
  let modelsDir: string;
  let rtspPort: number;
  beforeAll(async () => {
    // A clip with a key frame every second (copied, not re-encoded), an RTSP camera nothing listens
    // for, with credentials kept in the camera sources file, and a test pattern.
    clipsDir = await mkdtemp(join(tmpdir(), 'twin-clips-'));
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=640x480:rate=30', '-t', '4', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '30', '-pix_fmt', 'yuv420p', join(clipsDir, 'keyframes-1s.mp4')]);
    modelsDir = await mkdtemp(join(tmpdir(), 'twin-models-'));
    const camera = (id: string, videoSource: string) => ({ id, name: `测试 ${id}`, area: 'zone-a', position: { lon: 114.06, lat: 22.54, heightM: 3 }, headingDeg: 0, pitchDeg: -15, fovDeg: 90, videoSource });
    const cameras = Buffer.from(JSON.stringify({ version: 1, community: 'test', crs: 'EPSG:4326', cameras: [camera('T/COPY', 'clip:keyframes-1s.mp4'), camera('T/RTSP', 'pattern:2'), camera('T/PATTERN', 'pattern:3')] }));
    await writeFile(join(modelsDir, 'cameras.json'), cameras);
    const sha256 = createHash('sha256').update(cameras).digest('hex');
    await writeFile(join(modelsDir, 'manifest.json'), JSON.stringify({ version: 1, community: 'test', files: [{ path: 'cameras.json', role: 'cameras', sha256, bytes: cameras.length }] }));
    rtspPort = await freePort();
    const sourcesPath = `${modelsDir}-sources.json`;
    await writeFile(sourcesPath, JSON.stringify({ sources: { 'T/RTSP': `rtsp://admin:s3cret-pw@127.0.0.1:${rtspPort}/stream1` } }));
    h = await startTestServer(
      { version: 1, community: { id: 'test', name: '测试社区' }, sensors: [testSensor('t-temp', 'temperature')] },
      { modelsDir, cameraClipsDir: clipsDir, cameraSourcesPath: sourcesPath, cameraStreams: { ...DEFAULT_CAMERA_STREAM_OPTIONS, patternSize: 'd1' } },
    );
  });
  afterAll(async () => {
    await h?.close();
    await rm(clipsDir, { recursive: true, force: true });
    await rm(modelsDir, { recursive: true, force: true });
    await rm(`${modelsDir}-sources.json`, { force: true });
  });

  it('copies a clip whose key frames come every second into 1 s segments', async () => {
    expect(await streamOf(h, 'T/COPY')).toMatchObject({ source: 'clip', codec: 'h264', fps: 30, width: 640, height: 480, meetsMinimum: true, encoding: 'copy' });
    const playlist = await (await h.http(cameraStreamPath('T/COPY'))).text();
    expect(ffmpegProcessesUnder(h.dir)[0]!.args).toContain('-c:v copy');
    const segment = new Uint8Array(await (await h.http(cameraStreamPath('T/COPY', segmentNames(playlist).at(-1)!))).arrayBuffer());
    expectMpegTs(segment);
    expect(probeBytes(segment)).toMatchObject({ codec_name: 'h264', width: 640, height: 480 });
  });

  it('reports an unreachable RTSP camera in error without ever showing its credentials', async () => {
    const stream = await eventually(async () => {
      const s = await streamOf(h, 'T/RTSP');
      return s.state === 'error' ? s : undefined;
    });
    expect(stream.source).toBe('rtsp');
    expect(stream.error).toContain(`rtsp://***@127.0.0.1:${rtspPort}/stream1`);
    const response = await h.http(cameraStreamPath('T/RTSP'));
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(body).toContain('TWIN_ERR_CAMERA_UNAVAILABLE');
    const everything = body + JSON.stringify(await listOf(h)) + (await (await h.http('/api/models/files/cameras.json')).text());
    expect(everything).not.toContain('s3cret-pw');
    expect(everything).not.toContain('admin:');
  });

  it('draws the D1 test pattern, and restarts a crashed ffmpeg, reporting the failure', async () => {
    const playlist = await (await h.http(cameraStreamPath('T/PATTERN'))).text();
    const segment = new Uint8Array(await (await h.http(cameraStreamPath('T/PATTERN', segmentNames(playlist).at(-1)!))).arrayBuffer());
    expect(probeBytes(segment)).toMatchObject({ width: 704, height: 576, r_frame_rate: '25/1' });
    const encoder = ffmpegProcessesUnder(h.dir).find((p) => p.args.includes('testsrc2=size=704x576'))!;
    expect(encoder.args).toMatch(/drawtext=.*text='T\/PATTERN/);
    process.kill(encoder.pid, 'SIGKILL');
    const down: CameraDto['stream'] = await eventually(async () => {
      const s = await streamOf(h, 'T/PATTERN');
      return s.state === 'error' ? s : undefined;
    });
    expect(down.error).toMatch(/ffmpeg was ended by SIGKILL/);
    const back = await eventually(
      async () => {
        const s = await streamOf(h, 'T/PATTERN');
        return s.state === 'live' ? s : undefined;
      },
      15_000,
      'the encoder to be restarted',
    );
    expect(back.restarts).toBe(1);
    expect(back.error).toBeUndefined();
    expect(ffmpegProcessesUnder(h.dir).find((p) => p.args.includes('testsrc2=size=704x576'))!.pid).not.toBe(encoder.pid);
    expect((await h.http(cameraStreamPath('T/PATTERN'))).status).toBe(200);
  });
});
