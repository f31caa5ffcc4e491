import { describe, expect, it } from 'vitest';
import { networkColor, networkName, UNKNOWN_NETWORK_COLOR, UTILITY_COLORS } from './utilityColors.ts';

const hue = (rgb: number) => {
  const [r, g, b] = [(rgb >> 16) / 255, ((rgb >> 8) & 255) / 255, (rgb & 255) / 255];
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
};

describe('utility colours (MUN-1, MUN-3)', () => {
  it('draws water blue, rain green, sewage brown, gas yellow and power red-orange', () => {
    expect(hue(networkColor('water'))).toBeGreaterThan(190);
    expect(hue(networkColor('water'))).toBeLessThan(230);
    expect(hue(networkColor('rain'))).toBeGreaterThan(100);
    expect(hue(networkColor('rain'))).toBeLessThan(150);
    expect(hue(networkColor('sewage'))).toBeGreaterThan(20);
    expect(hue(networkColor('sewage'))).toBeLessThan(35);
    expect(hue(networkColor('gas'))).toBeGreaterThan(40);
    expect(hue(networkColor('gas'))).toBeLessThan(60);
    expect(hue(networkColor('power'))).toBeLessThan(20);
  });

  it('gives every network its own colour, and unknown networks grey', () => {
    const colors = Object.values(UTILITY_COLORS).map((c) => c.color);
    expect(new Set(colors).size).toBe(colors.length);
    expect(networkColor('heating')).toBe(UNKNOWN_NETWORK_COLOR);
    expect(networkColor('toString')).toBe(UNKNOWN_NETWORK_COLOR);
  });

  it('names networks in Chinese by default and in English on request', () => {
    expect(networkName('gas', 'zh-CN')).toBe('燃气');
    expect(networkName('gas', 'en')).toBe('Gas');
    expect(networkName('heating', 'en')).toBe('heating');
  });
});
