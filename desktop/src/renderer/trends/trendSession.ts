import type { LiveTelemetry } from '../telemetry/liveTelemetry.ts';
import type { TelemetryStore } from '../telemetry/telemetryStore.ts';
import { TrendChart, type TrendChartOptions } from './trendChart.ts';
import { emptyTable, mergeReadings, trimBefore, valuesAt, type TailReading, type TrendTable } from './trendTable.ts';
import { panBy, resolutionFor, windowToFetch, type Resolution, type TimeRange, type TrendWindow } from './trendWindows.ts';

/** What the trend's controls show: structural state, changed a few times per user action, never per reading. */
export interface TrendStatus {
  phase: 'loading' | 'ready' | 'failed';
  error: unknown;
  resolution: Resolution;
  /** The view ends at now and moves with it. */
  following: boolean;
  /** The server cut the window at its row limit. */
  truncated: boolean;
}

/** What the legend shows: each sensor's value at the cursor, or its latest. */
export interface TrendLegend {
  /** Time under the cursor; null when the legend shows the latest values. */
  cursorMs: number | null;
  values: Array<{ tsMs: number; value: number } | undefined>;
}

/** Construction options of {@link TrendSession}. */
export interface TrendSessionOptions {
  /** The chart's look; the session handles its interactions. */
  chart: Omit<TrendChartOptions, 'onViewChange' | 'onReset' | 'onCursor'>;
  /** Live-frame index of each sensor, in chart order (undefined: no live tail for it). */
  frameIndices: ReadonlyArray<number | undefined>;
  fetchWindow: (window: TrendWindow, signal: AbortSignal) => Promise<TrendTable>;
  telemetry: LiveTelemetry;
  /** The server's time, epoch ms. */
  now: () => number;
  /** Initial span of the view, ms. */
  spanMs: number;
  onStatus: (status: TrendStatus) => void;
  /** Called with the legend's values: on every tail flush and cursor move (write to the DOM, not to React state). */
  onLegend: (legend: TrendLegend) => void;
  /** Shortest time between two tail flushes, ms. */
  flushMs?: number;
}

const FLUSH_MS = 250;
/** How long the view rests before what it needs is fetched, ms. */
const SETTLE_MS = 300;
/** While following, the view moves with the clock this often even when no reading arrives, ms. */
const FOLLOW_TICK_MS = 1000;

/**
 * One open trend (REQ PLAT-3): fetches the window the view needs as Arrow, at the resolution its
 * span calls for, draws it, and appends the sensors' live readings from the telemetry store as
 * they arrive, at most every `flushMs` (P3: no React state per reading; the chart's arrays are
 * mutated and redrawn). While following, the view ends at now; zooming or panning into the past
 * stops following, and returning to now (or reset) resumes it.
 */
export class TrendSession {
  private readonly chart: TrendChart;
  private table: TrendTable;
  private loaded: (TrendWindow & { live: boolean }) | null = null;
  private spanMs: number;
  /** The span a reset returns to: the chosen preset's. */
  private presetSpanMs: number;
  private following = true;
  private fixedView: TimeRange | null = null;
  private status: TrendStatus;
  private fetching: AbortController | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly followTimer: ReturnType<typeof setInterval>;
  private pending: TailReading[] = [];
  private readonly seenVersions: Uint32Array;
  private store: TelemetryStore | null = null;
  private unsubscribeStore: (() => void) | null = null;
  private readonly unsubscribeTelemetry: () => void;
  private cursorRow: number | null = null;
  private disposed = false;

  constructor(private readonly options: TrendSessionOptions) {
    this.spanMs = options.spanMs;
    this.presetSpanMs = options.spanMs;
    this.table = emptyTable(options.frameIndices.length, resolutionFor(this.spanMs));
    this.status = { phase: 'loading', error: null, resolution: this.table.resolution, following: true, truncated: false };
    this.seenVersions = new Uint32Array(options.frameIndices.length);
    this.chart = new TrendChart(
      {
        ...options.chart,
        onViewChange: (view) => this.userView(view),
        onReset: () => this.reset(),
        onCursor: (row) => {
          this.cursorRow = row;
          this.updateLegend();
        },
      },
      this.table,
    );
    this.unsubscribeTelemetry = options.telemetry.subscribe(() => this.bindStore());
    this.bindStore();
    this.followTimer = setInterval(() => {
      if (this.following && this.loaded !== null) this.draw();
    }, FOLLOW_TICK_MS);
    this.reset(options.spanMs);
  }

  /** Shows the last `spanMs` (by default the preset's span) up to now, following: a window preset, or reset. */
  reset(spanMs = this.presetSpanMs): void {
    this.presetSpanMs = spanMs;
    this.spanMs = spanMs;
    this.following = true;
    this.fixedView = null;
    this.viewChanged(true);
  }

  /** Pans by `fraction` of the view's span (negative: earlier); reaching now resumes following. */
  pan(fraction: number): void {
    const next = panBy(this.view(), fraction, this.options.now());
    this.userView(next);
    this.draw();
  }

  /** Stops fetching and following, and removes the chart. */
  dispose(): void {
    this.disposed = true;
    this.fetching?.abort();
    for (const timer of [this.settleTimer, this.flushTimer]) if (timer !== null) clearTimeout(timer);
    clearInterval(this.followTimer);
    this.unsubscribeStore?.();
    this.unsubscribeTelemetry();
    this.chart.dispose();
  }

  /** The view: the last span up to now while following, else where the user left it. */
  private view(): TimeRange {
    if (this.following || this.fixedView === null) {
      const now = this.options.now();
      return { fromMs: now - this.spanMs, toMs: now };
    }
    return this.fixedView;
  }

  /** The user zoomed or panned: a view reaching now follows with its span, an earlier one stays put. */
  private userView(view: TimeRange): void {
    this.spanMs = view.toMs - view.fromMs;
    // Within a hundredth of the span (at least the follow tick) of now counts as now.
    this.following = view.toMs >= this.options.now() - Math.max(FOLLOW_TICK_MS, this.spanMs / 100);
    this.fixedView = this.following ? null : view;
    this.viewChanged(false);
  }

  private viewChanged(immediately: boolean): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    this.setStatus({ following: this.following });
    if (immediately) this.fetchIfNeeded();
    else this.settleTimer = setTimeout(() => this.fetchIfNeeded(), SETTLE_MS);
  }

  /** Fetches the window the view needs, unless the loaded one serves it; draws either way. */
  private fetchIfNeeded(): void {
    this.settleTimer = null;
    // A live window reaches now: the tail keeps it current.
    const loaded = this.loaded?.live === true ? { ...this.loaded, toMs: Math.max(this.loaded.toMs, this.options.now()) } : this.loaded;
    const window = windowToFetch(this.view(), loaded);
    // What is loaded is shown in the new view at once, the fetched window replaces it when it comes.
    if (this.loaded !== null) this.draw();
    if (window === null) return;
    // A window up to now gets the live tail (what arrives while it loads waits in `pending`).
    const live = window.toMs >= this.options.now() - FOLLOW_TICK_MS;
    this.fetching?.abort();
    const abort = new AbortController();
    this.fetching = abort;
    this.setStatus({ phase: 'loading', error: null, resolution: window.resolution });
    this.options.fetchWindow(window, abort.signal).then(
      (table) => {
        if (abort.signal.aborted || this.disposed) return;
        this.fetching = null;
        this.table = table;
        this.loaded = { ...window, live };
        // The fetched window on the chart element, so what the chart draws can be checked against the store.
        Object.assign(this.options.chart.container.dataset, { from: String(window.fromMs), to: String(window.toMs), resolution: window.resolution });
        this.flush();
        this.setStatus({ phase: 'ready', resolution: table.resolution, truncated: table.truncated });
      },
      (error: unknown) => {
        if (abort.signal.aborted || this.disposed) return;
        this.fetching = null;
        this.setStatus({ phase: 'failed', error });
      },
    );
  }

  /** Follows the telemetry's current store (it is replaced when the server's registry changes). */
  private bindStore(): void {
    const { store } = this.options.telemetry.getState();
    if (store === this.store) return;
    this.unsubscribeStore?.();
    this.store = store;
    this.seenVersions.fill(0);
    this.unsubscribeStore = store === null ? null : store.onChange(() => this.collect());
    this.collect();
  }

  /** Takes the sensors' readings that arrived since the last look; per frame, so no more than reads and a push. */
  private collect(): void {
    const store = this.store;
    if (store === null) return;
    this.options.frameIndices.forEach((index, slot) => {
      if (index === undefined || store.versions[index] === this.seenVersions[slot]) return;
      this.seenVersions[slot] = store.versions[index]!;
      this.pending.push({ slot, tsMs: store.timestampsMs[index]!, value: store.values[index]! });
    });
    if (this.pending.length > 0 && this.flushTimer === null) this.flushTimer = setTimeout(() => this.flush(), this.options.flushMs ?? FLUSH_MS);
  }

  /** Appends the readings collected since the last flush to a live window, and redraws. */
  private flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    // While a window is on its way the readings wait for it; a window of the past has no tail.
    if (this.fetching !== null) return;
    if (this.loaded?.live === true) mergeReadings(this.table, this.pending);
    this.pending = [];
    if (this.loaded !== null) this.draw();
  }

  private draw(): void {
    const view = this.view();
    if (this.following && this.loaded !== null && this.loaded.live) {
      // Keep one span before the view for panning back; drop the rest.
      const keepFromMs = view.fromMs - this.spanMs;
      if (trimBefore(this.table, keepFromMs) > 0) this.loaded.fromMs = Math.max(this.loaded.fromMs, keepFromMs);
    }
    this.chart.show(this.table, view);
    this.options.chart.container.dataset['rows'] = String(this.table.x.length);
    this.updateLegend();
  }

  private updateLegend(): void {
    const row = this.cursorRow;
    const atCursor = row !== null && row < this.table.x.length;
    this.options.onLegend({ cursorMs: atCursor ? this.table.x[row]! : null, values: valuesAt(this.table, atCursor ? row : this.table.x.length - 1) });
  }

  private setStatus(change: Partial<TrendStatus>): void {
    const next = { ...this.status, ...change };
    if ((Object.keys(next) as Array<keyof TrendStatus>).every((key) => next[key] === this.status[key])) return;
    this.status = next;
    this.options.onStatus(next);
  }
}
