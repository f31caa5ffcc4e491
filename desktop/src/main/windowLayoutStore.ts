/**
 * Keeps the window layout in a JSON file. Windows report their place on every move and resize;
 * the store writes at most once per `writeDelayMs`, atomically (a temporary file renamed over the
 * old one), and `flush()` writes what is pending before the app quits.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { emptyWindowLayout, parseWindowLayout, type WindowKey, type WindowLayout, type WindowPlacement } from './windowLayout.ts';

/** The file name in `app.getPath('userData')`. */
export const WINDOW_LAYOUT_FILE = 'window-layout.json';

export class WindowLayoutStore {
  readonly #filePath: string;
  readonly #writeDelayMs: number;
  #layout: WindowLayout;
  #timer: NodeJS.Timeout | undefined;

  /** Reads the file; a missing or unreadable one starts an empty layout. */
  constructor(filePath: string, options: { writeDelayMs?: number; log?: (message: string) => void } = {}) {
    this.#filePath = filePath;
    this.#writeDelayMs = options.writeDelayMs ?? 500;
    this.#layout = readLayout(filePath, options.log ?? console.warn);
  }

  /** The remembered place of a window. */
  get(key: WindowKey): WindowPlacement | undefined {
    return this.#layout.windows[key];
  }

  /** Remembers a window's place; the file is written shortly after. */
  set(key: WindowKey, placement: WindowPlacement): void {
    this.#layout = { ...this.#layout, windows: { ...this.#layout.windows, [key]: placement } };
    this.#timer ??= setTimeout(() => this.flush(), this.#writeDelayMs);
  }

  /** Writes a pending change now. */
  flush(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    mkdirSync(dirname(this.#filePath), { recursive: true });
    const temporary = `${this.#filePath}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.#layout, null, 2)}\n`);
    renameSync(temporary, this.#filePath);
  }
}

function readLayout(filePath: string, log: (message: string) => void): WindowLayout {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`window layout ${filePath} is not readable (${(error as Error).message}); using defaults`);
    return emptyWindowLayout();
  }
  try {
    return parseWindowLayout(JSON.parse(text));
  } catch {
    log(`window layout ${filePath} is not JSON; using defaults`);
    return emptyWindowLayout();
  }
}
