/**
 * Vertex colours are taken as linear by three.js, while the colours of IFC styles and of our
 * tables are display (sRGB) values: merged geometry stores them converted, as 0..255 bytes.
 */
export function srgbToLinearByte(srgb: number): number {
  const c = Math.min(1, Math.max(0, srgb));
  const linear = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  return Math.round(255 * linear);
}
