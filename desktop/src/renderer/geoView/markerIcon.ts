import { cssHexOf, type Rgba } from './geoColors.ts';
import type { MarkerShape } from './geoLayers.ts';

/** Icon size, CSS pixels (drawn at twice that for sharp edges on high-density screens). */
export const MARKER_ICON_PX = 14;

const icons = new Map<string, string>();

/**
 * The billboard image of a marker as a `data:` URL (the CSP allows `img-src data:`), drawn once per
 * shape and colour: a URL, not a canvas, so every billboard of a kind shares one texture.
 * Sensors are dots, network nodes rings, cameras and site facilities squares.
 */
export function markerIcon(shape: MarkerShape, color: Rgba): string {
  const id = `${shape}:${color.join(',')}`;
  const cached = icons.get(id);
  if (cached !== undefined) return cached;
  const size = 2 * MARKER_ICON_PX;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d')!;
  g.lineWidth = 4;
  g.strokeStyle = shape === 'node' ? cssHexOf(color) : '#ffffff';
  g.fillStyle = shape === 'node' ? '#ffffff' : cssHexOf(color);
  g.beginPath();
  if (shape === 'camera' || shape === 'facility') g.rect(3, 3, size - 6, size - 6);
  else g.arc(size / 2, size / 2, size / 2 - 3, 0, 2 * Math.PI);
  g.fill();
  g.stroke();
  const url = canvas.toDataURL('image/png');
  icons.set(id, url);
  return url;
}
