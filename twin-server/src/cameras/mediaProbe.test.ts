import { describe, expect, it } from 'vitest';
import { probeMedia } from './mediaProbe.ts';

describe('probing camera media with ffprobe (indicator 32: frame rate and size)', () => {
  it('reads the frame rate and size of the CIF test pattern', async () => {
    const info = await probeMedia('ffprobe', { kind: 'pattern', size: 'cif' }, new AbortController().signal);
    expect(info).toMatchObject({ fps: 25, width: 352, height: 288 });
  });

  it('names a missing ffprobe, whether or not it runs bound to the server', async () => {
    await expect(probeMedia('/nonexistent/ffprobe', { kind: 'pattern', size: 'cif' }, new AbortController().signal)).rejects.toThrow('ffprobe was not found (/nonexistent/ffprobe); install ffmpeg, which includes it');
  });
});
