import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { SensorDefinition } from '@twin/protocol';
import { sensorKindLabel } from '../scene/sensorKindLabel.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import type { LiveTelemetry } from '../telemetry/liveTelemetry.ts';
import type { SensorDirectory } from '../telemetry/sensorDirectory.ts';
import { useLiveTelemetryState } from '../telemetry/useLiveTelemetry.ts';
import { formatDateTime } from '../ui/formatTime.ts';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { fetchTrendWindow } from './fetchTrendWindow.ts';
import { planTrend, type TrendAxisPlan, type TrendPlan } from './trendAxes.ts';
import { TrendSession, type TrendLegend, type TrendStatus } from './trendSession.ts';
import { TREND_PRESETS, type TrendPresetId } from './trendWindows.ts';
import { unitLabel } from './unitLabel.ts';
import './trends.css';

/** Which of the asked sensors the session sees, and how they are drawn. */
interface ResolvedSensors {
  plan: TrendPlan;
  /** Ids the sensor list lacks (unknown, or outside the session's scopes). */
  unknown: string[];
}

const DEFAULT_PRESET: TrendPresetId = '1h';
/** Share of the view a pan button moves it by. */
const PAN_FRACTION = 0.5;

/**
 * The trend of one or several sensors (REQ PLAT-3 trend charts; ENV-2..5 environment readings):
 * window presets, pan and reset buttons, the chart, and a legend with each sensor's latest value
 * (or its value under the cursor). History comes from `/api/readings` as Arrow; the live tail from
 * the console's telemetry store. Self-contained, so it can be shown in a dialog or a window of its own.
 */
export function TrendPanel(props: { telemetry: LiveTelemetry; sensorIds: readonly string[] }): JSX.Element {
  const { t, i18n } = useTranslation();
  const { api, clock } = useConsole();
  const errorText = useErrorMessage();
  const { directory } = useLiveTelemetryState(props.telemetry);
  const lang = i18n.language;
  const idsKey = props.sensorIds.join('\n');
  const resolved = useMemo(() => (directory === null ? null : resolveSensors(directory, idsKey.split('\n'))), [directory, idsKey]);
  const [preset, setPreset] = useState<TrendPresetId>(DEFAULT_PRESET);
  const presetRef = useRef(preset);
  const [status, setStatus] = useState<TrendStatus | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const sessionRef = useRef<TrendSession | null>(null);
  const valueCells = useRef<Array<HTMLElement | null>>([]);
  const timeCells = useRef<Array<HTMLElement | null>>([]);
  const cursorCell = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const container = chartRef.current;
    if (directory === null || resolved === null || resolved.plan.lines.length === 0 || container === null) return;
    const { lines, axes } = resolved.plan;
    const ids = lines.map((line) => line.sensor.id);
    const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    const writeLegend = (legend: TrendLegend) => {
      if (cursorCell.current !== null) cursorCell.current.textContent = legend.cursorMs === null ? t('trends.latest') : formatDateTime(legend.cursorMs, lang);
      legend.values.forEach((reading, slot) => {
        const value = valueCells.current[slot];
        const time = timeCells.current[slot];
        if (value) value.textContent = reading === undefined ? t('trends.noValue') : `${number.format(reading.value)} ${unitLabel(lines[slot]!.sensor.unit)}`;
        if (time) time.textContent = reading === undefined ? '' : formatDateTime(reading.tsMs, lang);
      });
    };
    const session = new TrendSession({
      chart: {
        container,
        lines: lines.map(({ color, scale }) => ({ color, scale })),
        axes: axes.map((axis) => ({ scale: axis.scale, label: axisLabel(axis, lang), thresholds: axis.thresholds })),
        language: lang,
        texts: {
          time: t('trends.time'),
          night: t('trends.night'),
          limits: { highHigh: t('trends.limits.highHigh'), high: t('trends.limits.high'), low: t('trends.limits.low'), lowLow: t('trends.limits.lowLow') },
        },
      },
      frameIndices: ids.map((id) => directory.frameIndex(id)),
      fetchWindow: (window, signal) => fetchTrendWindow(api, ids, window, signal),
      telemetry: props.telemetry,
      now: () => clock.now(),
      spanMs: presetSpan(presetRef.current),
      onStatus: setStatus,
      onLegend: writeLegend,
    });
    sessionRef.current = session;
    return () => {
      sessionRef.current = null;
      session.dispose();
    };
  }, [directory, resolved, lang, t, api, clock, props.telemetry]);

  const choosePreset = (id: TrendPresetId) => {
    presetRef.current = id;
    setPreset(id);
    sessionRef.current?.reset(presetSpan(id));
  };
  const name = (sensor: SensorDefinition) => (lang.startsWith('en') ? (sensor.nameEn ?? sensor.name) : sensor.name);

  return (
    <section className="trend-panel" data-testid="trend-panel" data-phase={status?.phase ?? 'loading'} data-resolution={status?.resolution} data-following={status?.following}>
      <div className="trend-toolbar">
        <div className="trend-presets" role="group" aria-label={t('trends.window')}>
          {TREND_PRESETS.map(({ id }) => (
            <button key={id} type="button" className="button button-small" aria-pressed={preset === id} data-preset={id} onClick={() => choosePreset(id)}>
              {t(`trends.presets.${id}`)}
            </button>
          ))}
        </div>
        <div className="trend-navigation" role="group" aria-label={t('trends.navigation')}>
          <button type="button" className="button button-small" data-testid="trend-earlier" onClick={() => sessionRef.current?.pan(-PAN_FRACTION)}>
            {t('trends.earlier')}
          </button>
          <button type="button" className="button button-small" data-testid="trend-later" disabled={status?.following !== false} onClick={() => sessionRef.current?.pan(PAN_FRACTION)}>
            {t('trends.later')}
          </button>
          <button type="button" className="button button-small" data-testid="trend-reset" title={t('trends.resetTitle')} onClick={() => sessionRef.current?.reset()}>
            {t('trends.reset')}
          </button>
        </div>
        {status !== null && (
          <span className="trend-state">
            <span className={status.following ? 'trend-live is-live' : 'trend-live'}>{status.following ? t('trends.following') : t('trends.history')}</span>
            <span>{t(`trends.resolutions.${status.resolution}`)}</span>
            {status.phase === 'loading' && <span className="trend-muted">{t('trends.loading')}</span>}
          </span>
        )}
      </div>
      {status?.phase === 'failed' && <Message kind="error" text={errorText(status.error)} />}
      {status?.truncated === true && <Message kind="info" text={t('trends.truncated')} />}
      {resolved !== null && resolved.unknown.length > 0 && <Message kind="error" text={t('trends.unknownSensor', { ids: resolved.unknown.join(', ') })} />}
      {resolved !== null && resolved.plan.omitted.length > 0 && <Message kind="info" text={t('trends.omitted', { ids: resolved.plan.omitted.map((s) => s.id).join(', ') })} />}
      <div className="trend-chart" ref={chartRef} data-testid="trend-chart" />
      <p className="trend-hint">{t('trends.hint')}</p>
      {resolved !== null && (
        <table className="trend-legend" data-testid="trend-legend">
          <thead>
            <tr>
              <th>{t('trends.legend.sensor')}</th>
              <th>{t('trends.legend.kind')}</th>
              <th className="trend-legend-number">{t('trends.legend.value')}</th>
              <th ref={(cell) => void (cursorCell.current = cell)}>{t('trends.latest')}</th>
            </tr>
          </thead>
          <tbody>
            {resolved.plan.lines.map(({ sensor, color }, slot) => (
              <tr key={sensor.id} data-sensor-id={sensor.id}>
                <td>
                  <span className="trend-swatch" style={{ background: color }} aria-hidden="true" />
                  <span title={sensor.id}>{name(sensor)}</span> <span className="trend-muted mono">{sensor.id}</span>
                </td>
                <td>{sensorKindLabel(sensor.kind, lang)}</td>
                <td className="trend-legend-number mono" data-testid="trend-legend-value" ref={(cell) => void (valueCells.current[slot] = cell)} />
                <td className="mono trend-muted" ref={(cell) => void (timeCells.current[slot] = cell)} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function presetSpan(id: TrendPresetId): number {
  return TREND_PRESETS.find((preset) => preset.id === id)!.durationMs;
}

function resolveSensors(directory: SensorDirectory, ids: readonly string[]): ResolvedSensors {
  const sensors: SensorDefinition[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const sensor = directory.sensor(id);
    if (sensor === undefined) unknown.push(id);
    else sensors.push(sensor);
  }
  return { plan: planTrend(sensors), unknown };
}

/** An axis's label: the kinds measured on it and the unit, `噪声 (dB(A))`. */
function axisLabel(axis: TrendAxisPlan, lang: string): string {
  const kinds = axis.kinds.map((kind) => sensorKindLabel(kind, lang)).join(lang.startsWith('en') ? ', ' : '、');
  return `${kinds} (${unitLabel(axis.unit)})`;
}
