import uPlot from 'uplot';
import { dayNightPeriods, thresholdSegments, type DayNightThresholds, type LimitKey } from './thresholdLines.ts';

/** The limits drawn on one value axis. */
export interface AxisThresholds {
  /** uPlot scale key of the axis (`y`, `y2`). */
  scale: string;
  /** The distinct limit sets of the axis's sensors. */
  thresholds: readonly DayNightThresholds[];
}

/** Texts drawn with the lines. */
export interface ThresholdTexts {
  limits: Record<LimitKey, string>;
  night: string;
}

/** Colours of the limits: alarm limits amber, trip (high-high, low-low) limits red, as the alarm console shows them. */
const LIMIT_COLORS: Record<LimitKey, string> = {
  highHigh: '#ff5d5d',
  high: '#f5b83d',
  low: '#f5b83d',
  lowLow: '#ff5d5d',
};
const NIGHT_SHADE = 'rgba(120, 140, 200, 0.08)';

/** Every limit value of the sets, day and night: what a value axis must include so its lines show. */
export function limitValues(thresholds: readonly DayNightThresholds[]): number[] {
  return thresholds.flatMap((t) => [t.day, t.night ?? {}].flatMap((limits) => [limits.highHigh, limits.high, limits.low, limits.lowLow].filter((v): v is number => v !== undefined)));
}

/**
 * Shades the night periods (22:00–06:00 community time) of the visible range, under the series,
 * when some limit on the chart differs by night (REQ ENV-4): the step of its line then reads as
 * the change to the night limit.
 */
export function shadeNights(u: uPlot, axes: readonly AxisThresholds[]): void {
  if (!axes.some((axis) => axis.thresholds.some((t) => t.night !== undefined))) return;
  const { min, max } = u.scales['x']!;
  if (min === undefined || max === undefined) return;
  const { ctx, bbox } = u;
  ctx.save();
  ctx.fillStyle = NIGHT_SHADE;
  for (const period of dayNightPeriods(min, max)) {
    if (!period.night) continue;
    const x0 = u.valToPos(period.fromMs, 'x', true);
    const x1 = u.valToPos(period.toMs, 'x', true);
    ctx.fillRect(x0, bbox.top, x1 - x0, bbox.height);
  }
  ctx.restore();
}

/**
 * Draws the limits of every axis as dashed horizontal lines over the visible range, stepping
 * between day and night values at 06:00 and 22:00 community time, each labelled at its start.
 */
export function drawThresholds(u: uPlot, axes: readonly AxisThresholds[], texts: ThresholdTexts): void {
  const { min, max } = u.scales['x']!;
  if (min === undefined || max === undefined) return;
  const { ctx, bbox } = u;
  const px = uPlot.pxRatio;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  ctx.lineWidth = 1.5 * px;
  ctx.setLineDash([6 * px, 4 * px]);
  ctx.font = `${11 * px}px 'Noto Sans SC', 'Noto Sans CJK SC', system-ui, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  for (const axis of axes) {
    for (const thresholds of axis.thresholds) {
      for (const segment of thresholdSegments(thresholds, min, max)) {
        const y = Math.round(u.valToPos(segment.value, axis.scale, true)) + 0.5;
        const x0 = u.valToPos(segment.fromMs, 'x', true);
        const x1 = u.valToPos(segment.toMs, 'x', true);
        ctx.strokeStyle = LIMIT_COLORS[segment.key];
        ctx.fillStyle = LIMIT_COLORS[segment.key];
        ctx.beginPath();
        ctx.moveTo(x0, y);
        ctx.lineTo(x1, y);
        ctx.stroke();
        const label = `${texts.limits[segment.key]} ${segment.value}${segment.night && thresholds.night !== undefined ? ` ${texts.night}` : ''}`;
        if (x1 - x0 > ctx.measureText(label).width + 8 * px) ctx.fillText(label, x0 + 4 * px, y - 2 * px);
      }
    }
  }
  ctx.restore();
}
