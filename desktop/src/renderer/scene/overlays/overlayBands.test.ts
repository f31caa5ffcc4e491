import { describe, expect, it } from 'vitest';
import { bandIndex, isOverlayId, OVERLAY_IDS, OVERLAYS, packBands } from './overlayBands.ts';

const edges = (id: keyof typeof OVERLAYS, night = false) => OVERLAYS[id].bands(night).map((b) => b.below);

describe('overlay bands', () => {
  it('ENV-4 noise bands are 45, 55 and 65 dB(A) by day and 10 dB(A) lower at night', () => {
    expect(edges('noise')).toEqual([45, 55, 65, Infinity]);
    expect(edges('noise', true)).toEqual([35, 45, 55, Infinity]);
    expect(OVERLAYS.noise.limits(false)).toEqual([{ value: 45, of: 'indoor' }, { value: 55, of: 'outdoor' }]);
    expect(OVERLAYS.noise.limits(true)).toEqual([{ value: 35, of: 'indoor' }, { value: 45, of: 'outdoor' }]);
  });

  it('ENV-5 PM2.5 bands are the GB 3095 index levels with the 75 µg/m³ limit among them', () => {
    expect(edges('pm25')).toEqual([35, 75, 115, 150, 250, Infinity]);
    expect(OVERLAYS.pm25.limits(false).map((l) => l.value)).toEqual([50, 75]);
  });

  it('ENV-5 CO2 and TVOC bands have the GB/T 18883 limits, 1000 ppm and 0.6 mg/m³, as edges', () => {
    expect(edges('co2')).toContain(1000);
    expect(edges('tvoc')).toContain(0.6);
  });

  it('puts a value that reaches an edge into the band above it, as reaching a limit alarms', () => {
    const bands = OVERLAYS.noise.bands(false);
    expect(bandIndex(bands, 44.9)).toBe(0);
    expect(bandIndex(bands, 45)).toBe(1);
    expect(bandIndex(bands, 65)).toBe(3);
    expect(bandIndex(bands, 1e9)).toBe(3);
  });

  it('has a distinct colour per band in every overlay, and packs edges and colours for the worker', () => {
    for (const id of OVERLAY_IDS) {
      const colors = OVERLAYS[id].bands(false).map((b) => b.color);
      expect(new Set(colors).size, id).toBe(colors.length);
    }
    const packed = packBands(OVERLAYS.co2.bands(false));
    expect([...packed.edges]).toEqual([800, 1000, 1500, Infinity]);
    expect([...packed.rgb.subarray(0, 6)]).toEqual([0x00, 0xe4, 0x00, 0xff, 0xff, 0x00]);
  });

  it('knows its overlay ids', () => {
    expect(isOverlayId('noise')).toBe(true);
    expect(isOverlayId('none')).toBe(false);
  });
});
