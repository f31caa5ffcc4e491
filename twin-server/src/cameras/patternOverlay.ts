import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { patternGraph } from './ffmpegArgs.ts';

/**
 * Fonts tried for the text burned into test patterns, in order: Noto Sans CJK (Debian
 * `fonts-noto-cjk`), DejaVu Sans, then whatever fontconfig offers as `sans`.
 */
const FONT_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'];

/** Only these characters reach a filter graph unescaped (no `:`, `,`, `'`, `\`, `%`, `[`, `]`, `;`, `=`). */
const FILTER_SAFE = /^[\p{L}\p{N}/ ._-]+$/u;

/**
 * The drawtext font option (`fontfile=…` or `font=sans`) with which ffmpeg can draw text here,
 * found by drawing one frame with each candidate; undefined when none works (patterns then carry
 * no text).
 */
export async function findOverlayFont(ffmpegPath: string, signal: AbortSignal): Promise<string | undefined> {
  const candidates = [...FONT_FILES.filter((file) => existsSync(file) && FILTER_SAFE.test(file)).map((file) => `fontfile=${file}`), 'font=sans'];
  for (const font of candidates) {
    if (signal.aborted) return undefined;
    if (await drawsText(ffmpegPath, font, signal)) return font;
  }
  return undefined;
}

/**
 * A drawtext filter burning `label` (the camera id) and the running local date and time into the
 * bottom left of a frame `height` pixels high. Characters a filter graph would read as syntax are
 * shown as `_`.
 */
export function overlayFilter(font: string, label: string, height: number): string {
  const text = [...label].map((c) => (FILTER_SAFE.test(c) ? c : '_')).join('');
  const fontsize = Math.round(height / 16);
  return `drawtext=${font}:text='${text}  %{localtime\\:%F %X}':x=8:y=h-th-8:fontsize=${fontsize}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=4`;
}

function drawsText(ffmpegPath: string, font: string, signal: AbortSignal): Promise<boolean> {
  const graph = patternGraph('cif', overlayFilter(font, 'CAM-1', 288));
  return new Promise((resolve) => {
    execFile(ffmpegPath, ['-nostdin', '-v', 'error', '-f', 'lavfi', '-i', graph, '-frames:v', '1', '-f', 'null', '-'], { signal, timeout: 10_000 }, (error) => resolve(error === null));
  });
}
