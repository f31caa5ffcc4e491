import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { drawThresholds, limitValues, shadeNights, type AxisThresholds, type ThresholdTexts } from './drawThresholds.ts';
import { timeTickLabels } from './timeTicks.ts';
import { alignedColumns, type TrendTable } from './trendTable.ts';
import { zoomAround, type TimeRange } from './trendWindows.ts';

/** The chart's element; tests read the uPlot instance from it (`uplot`), as they read the map's viewer. */
export type TrendChartContainer = HTMLElement & { uplot?: uPlot };

/** One sensor's line. */
export interface TrendLineStyle {
  color: string;
  /** Value scale (`y`, or `y2` for a second unit). */
  scale: string;
}

/** A value axis: its scale, its label (with the unit) and the limits drawn against it. */
export interface TrendValueAxis extends AxisThresholds {
  label: string;
}

/** Construction options of {@link TrendChart}. */
export interface TrendChartOptions {
  container: TrendChartContainer;
  lines: readonly TrendLineStyle[];
  /** One or two value axes; the second is drawn on the right. */
  axes: readonly TrendValueAxis[];
  language: string;
  texts: ThresholdTexts & { time: string };
  /** The user zoomed or panned (drag, wheel, shift-drag). */
  onViewChange: (view: TimeRange) => void;
  /** The user asked for the whole window again (double click). */
  onReset: () => void;
  /** The cursor moved to a row of the table (null: left the plot). */
  onCursor: (row: number | null) => void;
}

const AXIS_COLOR = '#8da2c0';
const GRID_COLOR = '#1c2f50';
const FONT = "12px 'Noto Sans SC', 'Noto Sans CJK SC', system-ui, sans-serif";
const WHEEL_ZOOM = 1.25;

/**
 * A uPlot trend chart (REQ PLAT-3): time on x in the console's language, one line per sensor with
 * its min/max band for rollups, up to two value axes, limit lines by day and night. Zoom by
 * dragging a range or with the wheel, pan by dragging with Shift held; a double click asks for the
 * whole window again. The chart draws the arrays of the table it is given; callers mutate them
 * and call {@link show} again (no copy per update).
 */
export class TrendChart {
  private readonly plot: uPlot;
  private readonly resizeObserver: ResizeObserver;
  private readonly disposers: Array<() => void> = [];
  /** Set while the chart moves its own scale, so only the user's changes are reported. */
  private applying = false;
  /** The view last set or reported: a redraw that keeps it (a resize) is no change. */
  private lastView: TimeRange = { fromMs: Number.NaN, toMs: Number.NaN };

  constructor(
    private readonly options: TrendChartOptions,
    table: TrendTable,
  ) {
    const { container } = options;
    this.plot = new uPlot(this.plotOptions(container.clientWidth, container.clientHeight), alignedColumns(table) as uPlot.AlignedData, container);
    container.uplot = this.plot;
    this.resizeObserver = new ResizeObserver(() => this.plot.setSize({ width: container.clientWidth, height: container.clientHeight }));
    this.resizeObserver.observe(container);
    this.bindWheelZoom();
    this.bindShiftPan();
  }

  /** The visible time range. */
  get view(): TimeRange {
    const { min, max } = this.plot.scales['x']!;
    return { fromMs: min ?? 0, toMs: max ?? 0 };
  }

  /** Draws `table` (whose arrays may be the ones drawn before, mutated) over `view`; value axes range over what is visible. */
  show(table: TrendTable, view: TimeRange): void {
    this.applying = true;
    try {
      this.plot.batch(() => {
        this.plot.setData(alignedColumns(table) as uPlot.AlignedData, false);
        this.setTimeScale(view);
      });
      this.lastView = this.view;
    } finally {
      this.applying = false;
    }
  }

  /** Removes the chart and its listeners. */
  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.resizeObserver.disconnect();
    delete this.options.container.uplot;
    this.plot.destroy();
  }

  private plotOptions(width: number, height: number): uPlot.Options {
    const { lines, axes, language, texts } = this.options;
    const series: uPlot.Series[] = [{}];
    const bands: uPlot.Band[] = [];
    lines.forEach((line) => {
      const first = series.length;
      series.push({ scale: line.scale, stroke: line.color, width: 1.6, spanGaps: true, points: { show: false } });
      // Band edges: invisible lines uPlot fills between.
      series.push({ scale: line.scale, stroke: 'transparent', width: 0, points: { show: false } });
      series.push({ scale: line.scale, stroke: 'transparent', width: 0, points: { show: false } });
      bands.push({ series: [first + 2, first + 1], fill: `${line.color}4d` });
    });
    const scales: uPlot.Scales = { x: { time: true } };
    for (const axis of axes) scales[axis.scale] = { range: (_u, min, max) => rangeWithLimits(min, max, limitValues(axis.thresholds)) };
    return {
      width,
      height,
      ms: 1,
      series,
      bands,
      scales,
      legend: { show: false },
      cursor: {
        drag: { x: true, y: false, setScale: true },
        points: { size: 6 },
        bind: { dblclick: () => () => (this.options.onReset(), null) },
      },
      axes: [
        {
          ...axisStyle(),
          label: texts.time,
          values: (_u, splits, _axis, _space, incr) => timeTickLabels(splits, incr, language),
        },
        ...axes.map((axis, i): uPlot.Axis => ({ ...axisStyle(), scale: axis.scale, label: axis.label, side: i === 0 ? 3 : 1, grid: { show: i === 0, stroke: GRID_COLOR, width: 1 } })),
      ],
      hooks: {
        drawAxes: [(u) => shadeNights(u, axes)],
        draw: [(u) => drawThresholds(u, axes, texts)],
        setScale: [
          (u, key) => {
            if (key !== 'x' || this.applying) return;
            const view = this.view;
            if (view.fromMs === this.lastView.fromMs && view.toMs === this.lastView.toMs) return;
            this.lastView = view;
            this.options.onViewChange(view);
          },
        ],
        setCursor: [(u) => this.options.onCursor(u.cursor.idx ?? null)],
      },
    };
  }

  /**
   * Sets the time scale in whole milliseconds: uPlot places its time ticks a millisecond early
   * (`14:29:59.999`, labelled `14:29`) when the scale starts at a fraction of one.
   */
  private setTimeScale(view: TimeRange): void {
    this.plot.setScale('x', { min: Math.round(view.fromMs), max: Math.round(view.toMs) });
  }

  /** The wheel zooms around the time under the pointer. */
  private bindWheelZoom(): void {
    const over = this.plot.over;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const anchorMs = this.plot.posToVal(event.offsetX, 'x');
      const next = zoomAround(this.view, anchorMs, event.deltaY > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM);
      this.setTimeScale(next);
    };
    over.addEventListener('wheel', onWheel, { passive: false });
    this.disposers.push(() => over.removeEventListener('wheel', onWheel));
  }

  /** Dragging with Shift held pans instead of selecting a range to zoom to. */
  private bindShiftPan(): void {
    const root = this.plot.root;
    const onMouseDown = (event: MouseEvent) => {
      if (!event.shiftKey || event.button !== 0 || !this.plot.over.contains(event.target as Node)) return;
      // Captured above the plot: uPlot's own range selection never sees this press.
      event.stopPropagation();
      event.preventDefault();
      const start = this.view;
      const startX = event.clientX;
      const msPerPx = (start.toMs - start.fromMs) / Math.max(1, this.plot.over.clientWidth);
      const onMove = (move: MouseEvent) => {
        const shiftMs = (startX - move.clientX) * msPerPx;
        this.setTimeScale({ fromMs: start.fromMs + shiftMs, toMs: start.toMs + shiftMs });
      };
      const onUp = () => {
        window.removeEventListener('mousemove', onMove);
        window.removeEventListener('mouseup', onUp);
      };
      window.addEventListener('mousemove', onMove);
      window.addEventListener('mouseup', onUp);
    };
    root.addEventListener('mousedown', onMouseDown, true);
    this.disposers.push(() => root.removeEventListener('mousedown', onMouseDown, true));
  }
}

function axisStyle(): uPlot.Axis {
  return { stroke: AXIS_COLOR, font: FONT, labelFont: FONT, labelSize: 22, grid: { stroke: GRID_COLOR, width: 1 }, ticks: { stroke: GRID_COLOR, width: 1 } };
}

/** A value range covering the data and the limits, padded by a tenth. */
function rangeWithLimits(min: number | null, max: number | null, limits: readonly number[]): uPlot.Range.MinMax {
  const values = [...limits, ...[min, max].filter((v): v is number => v !== null && Number.isFinite(v))];
  if (values.length === 0) return [0, 1];
  return uPlot.rangeNum(Math.min(...values), Math.max(...values), 0.1, true);
}
