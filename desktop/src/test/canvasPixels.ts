import type { Page } from 'playwright-core';

/** An RGB colour, 0..255 per channel. */
export type Rgb = readonly [number, number, number];

/** What a screenshot of a canvas shows. */
export interface CanvasPixels {
  /** Share (0..1) of the canvas's pixels near each colour asked for, in the order asked. */
  shares: number[];
  /** Share of pixels not near the background colour. */
  foreground: number;
  /** Distinct colours (5 bits a channel): a blank canvas has few. */
  colours: number;
  /** Share of pixels that differ from the reference screenshot, when one is given. */
  changed: number;
}

/** The RGB channels of `0xrrggbb`. */
export function rgbOf(hex: number): Rgb {
  return [(hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff];
}

/**
 * Decodes the part of a page screenshot covered by the canvas `selector` and measures its
 * colours. Lighting scales a colour, so a pixel is near one when its channels have about the same
 * ratios (within `tolerance`, summed over channels, after scaling) and a brightness between 0.55
 * and 1.3 of it. With a `reference` screenshot of the same page, also measures how much changed.
 */
export async function canvasPixels(page: Page, png: Buffer, selector: string, colours: readonly Rgb[], background: Rgb, tolerance: number, reference?: Buffer): Promise<CanvasPixels> {
  const box = await page.locator(selector).boundingBox();
  if (box === null) throw new Error(`${selector} is not on the page`);
  return page.evaluate(
    async ({ images, box, colours, background, tolerance }) => {
      const decode = async (data: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [Math.floor(box.width), Math.floor(box.height)];
        const g = canvas.getContext('2d')!;
        g.drawImage(image, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
        return g.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const [pixels, before] = await Promise.all(images.map(decode)) as [Uint8ClampedArray, Uint8ClampedArray | undefined];
      const near = (r: number, gr: number, b: number, rgb: readonly number[]) => {
        const scale = (r + gr + b) / Math.max(1, rgb[0]! + rgb[1]! + rgb[2]!);
        return scale > 0.55 && scale < 1.3 && Math.abs(r - rgb[0]! * scale) + Math.abs(gr - rgb[1]! * scale) + Math.abs(b - rgb[2]! * scale) < tolerance;
      };
      const counts = colours.map(() => 0);
      let foreground = 0;
      let changed = 0;
      const distinct = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4) {
        const [r, gr, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
        distinct.add((r >> 3) * 1024 + (gr >> 3) * 32 + (b >> 3));
        if (Math.abs(r - background[0]) + Math.abs(gr - background[1]) + Math.abs(b - background[2]) > 12) foreground++;
        if (before !== undefined && Math.abs(r - before[i]!) + Math.abs(gr - before[i + 1]!) + Math.abs(b - before[i + 2]!) > 24) changed++;
        colours.forEach((rgb, k) => {
          if (near(r, gr, b, rgb)) counts[k]!++;
        });
      }
      const total = pixels.length / 4;
      return { shares: counts.map((c) => c / total), foreground: foreground / total, colours: distinct.size, changed: changed / total };
    },
    { images: [png, ...(reference === undefined ? [] : [reference])].map((image) => image.toString('base64')), box, colours: colours as Rgb[], background, tolerance },
  );
}
