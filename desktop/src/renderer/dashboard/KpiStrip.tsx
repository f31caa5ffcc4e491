import { useEffect, useMemo, useSyncExternalStore, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ALARM_SEVERITIES, type SensorDefinition } from '@twin/protocol';
import type { AlarmBook } from '../alarms/alarmBook.ts';
import { isStatsDto } from '../api/dtoGuards.ts';
import { sensorKindLabel } from '../scene/sensorKindLabel.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import type { LiveTelemetry } from '../telemetry/liveTelemetry.ts';
import { openTrend, useTrendRequests } from '../trends/trendRequests.ts';
import { unitLabel } from '../trends/unitLabel.ts';
import { KpiSampler } from './kpiSampler.ts';
import './dashboard.css';

/**
 * The strip of community-wide figures over the control room (REQ PLAT-3 the system's state at a
 * glance; ENV-4, ENV-5): sensors online, readings stored per second, current alarms by severity,
 * the worst air and the loudest zone, each naming its sensor and opening its trend. Redrawn at
 * most once a second, when a figure changes.
 */
export function KpiStrip(props: { telemetry: LiveTelemetry; alarms: AlarmBook | null; canReadStats: boolean }): JSX.Element {
  const { t, i18n } = useTranslation();
  const { api, clock } = useConsole();
  const { telemetry, alarms, canReadStats } = props;
  const sampler = useMemo(
    () => new KpiSampler({ telemetry, alarms, fetchStats: canReadStats ? (signal) => api.getJson('/api/stats', isStatsDto, { signal }) : null, now: () => clock.now() }),
    [telemetry, alarms, canReadStats, api, clock],
  );
  useEffect(() => sampler.start(), [sampler]);
  const kpis = useSyncExternalStore(sampler.subscribe, sampler.getSnapshot);
  const trendsShown = useTrendRequests().hosts > 0;
  const lang = i18n.language;
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const sensorName = (sensor: SensorDefinition) => (lang.startsWith('en') ? (sensor.nameEn ?? sensor.name) : sensor.name);
  const { online, worstAir, loudestZone } = kpis;

  return (
    <section className="kpi-strip" aria-label={t('dashboard.label')} data-testid="kpi-strip">
      <Kpi label={t('dashboard.online')} testId="kpi-online" title={t('dashboard.onlineHint')}>
        {online === null ? (
          t('dashboard.unknown')
        ) : (
          <>
            <span className="kpi-value mono">{t('dashboard.onlineValue', { online: number.format(online.online), total: number.format(online.total) })}</span>
            {online.total > 0 && <span className="kpi-detail">{percent.format(online.online / online.total)}</span>}
          </>
        )}
      </Kpi>
      <Kpi label={t('dashboard.rate')} testId="kpi-rate">
        <span className="kpi-value mono">{kpis.readingsPerSecond === null ? t('dashboard.unknown') : t('dashboard.rateValue', { value: number.format(kpis.readingsPerSecond) })}</span>
      </Kpi>
      <Kpi label={t('dashboard.alarms')} testId="kpi-alarms">
        {kpis.alarms === null
          ? t('dashboard.unknown')
          : ALARM_SEVERITIES.map((severity) => (
              <span key={severity} className={`kpi-severity severity-${severity}${kpis.alarms![severity] > 0 ? ' has-alarms' : ''}`} data-severity={severity}>
                {t(`alarms.severities.${severity}`)} <span className="mono">{kpis.alarms![severity]}</span>
              </span>
            ))}
      </Kpi>
      <Kpi label={t('dashboard.worstAir')} testId="kpi-worst-air" sensor={worstAir?.sensor} trendsShown={trendsShown} sensorName={sensorName}>
        {worstAir === null ? (
          t('dashboard.none')
        ) : (
          <>
            <span className={`kpi-value mono${worstAir.ratio > 1 ? ' is-over' : ''}`}>
              {sensorKindLabel(worstAir.sensor.kind, lang)} {number.format(worstAir.value)} {unitLabel(worstAir.sensor.unit)}
            </span>
            <span className="kpi-detail">{t('dashboard.ofLimit', { percent: percent.format(worstAir.ratio) })}</span>
          </>
        )}
      </Kpi>
      <Kpi label={t('dashboard.loudest')} testId="kpi-loudest" sensor={loudestZone?.sensor} trendsShown={trendsShown} sensorName={sensorName}>
        {loudestZone === null ? (
          t('dashboard.none')
        ) : (
          <>
            <span className="kpi-value mono">
              {loudestZone.area} {number.format(loudestZone.value)} {unitLabel(loudestZone.sensor.unit)}
            </span>
            <span className="kpi-detail mono">{loudestZone.sensor.id}</span>
          </>
        )}
      </Kpi>
    </section>
  );
}

/** One figure: a label over its value; with a sensor, a button that opens the sensor's trend. */
function Kpi(props: {
  label: string;
  testId: string;
  title?: string;
  sensor?: SensorDefinition | undefined;
  trendsShown?: boolean;
  sensorName?: (sensor: SensorDefinition) => string;
  children: ReactNode;
}): JSX.Element {
  const { t } = useTranslation();
  const { sensor } = props;
  const body = (
    <>
      <span className="kpi-label">{props.label}</span>
      <span className="kpi-body">{props.children}</span>
    </>
  );
  if (sensor === undefined || props.trendsShown !== true) {
    return (
      <div className="kpi" data-testid={props.testId} title={props.title ?? (sensor === undefined ? undefined : props.sensorName?.(sensor))}>
        {body}
      </div>
    );
  }
  return (
    <button type="button" className="kpi kpi-link" data-testid={props.testId} data-sensor-id={sensor.id} title={t('dashboard.openTrend', { sensor: props.sensorName?.(sensor) ?? sensor.id })} onClick={() => openTrend([sensor.id])}>
      {body}
    </button>
  );
}
