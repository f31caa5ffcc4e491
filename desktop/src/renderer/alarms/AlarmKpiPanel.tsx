import { useCallback, useEffect, useRef, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmDto, AlarmKpiDto } from '@twin/protocol';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { formatDateTime } from '../ui/formatTime.ts';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { useLoad } from '../ui/useLoad.ts';
import type { AlarmCommands } from './alarmCommands.ts';
import { alarmMessage } from './alarmText.ts';
import { KPI_TARGETS, rateKpis, type KpiRating } from './kpiRatings.ts';

const WINDOW_MS = 24 * 3_600_000;
/** The figures refresh by themselves this often, ms (the window moves on). */
const REFRESH_MS = 5 * 60_000;
/** After a new alarm event the figures refresh within this, ms: once for a burst, not per event. */
const FOLLOW_MS = 10_000;
/** Annunciations in 10 minutes from which a period counts as a flood. */
const FLOOD_PER_10_MIN = KPI_TARGETS.peakPer10Min.acceptable;

/**
 * The alarm system's performance over the last 24 h (REQ PLAT-8 alarm management, after ISA-18.2
 * §16 / EEMUA 191): annunciations per operator per hour and per 10 minutes, the peak, the share of
 * flood periods, the 10 most frequent, chattering and stale alarms, shelving; each rated against
 * its target. `alarms` names the alarms the figures list by id. The figures follow the alarm log:
 * a new event (`lastEventId`) refreshes them within {@link FOLLOW_MS}.
 */
export function AlarmKpiPanel(props: { commands: AlarmCommands; alarms: ReadonlyMap<string, AlarmDto>; lastEventId: number }): JSX.Element {
  const { t, i18n } = useTranslation();
  const { clock } = useConsole();
  const describe = useErrorMessage();
  const { commands } = props;
  const kpis = useLoad(
    useCallback(
      (signal: AbortSignal) => {
        const toMs = clock.now();
        return commands.kpis(toMs - WINDOW_MS, toMs, signal);
      },
      [clock, commands],
    ),
  );
  const { reload } = kpis;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const follow = useRef<{ seen: number; timer?: ReturnType<typeof setTimeout> }>({ seen: props.lastEventId });
  useEffect(() => {
    const state = follow.current;
    if (props.lastEventId === state.seen || state.timer !== undefined) return;
    // Events arriving before the timer fires are in the figures it loads.
    state.seen = props.lastEventId;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      reload();
    }, FOLLOW_MS);
  }, [props.lastEventId, reload]);
  useEffect(() => () => clearTimeout(follow.current.timer), []);

  const nameOf = (alarmId: string): ReactNode => {
    const alarm = props.alarms.get(alarmId);
    return (
      <>
        {alarm !== undefined && <span>{alarmMessage(alarm, i18n.language)} </span>}
        <span className="mono code-note">{alarmId}</span>
      </>
    );
  };

  return (
    <section className="alarm-kpis" aria-label={t('alarms.kpi.title')} data-testid="alarm-kpis" data-alarms={kpis.data?.alarms}>
      <header className="alarm-kpis-header">
        <h2 className="alarm-section-title">{t('alarms.kpi.title')}</h2>
        <button type="button" className="button button-small" onClick={reload} disabled={kpis.loading}>
          {t('alarms.kpi.refresh')}
        </button>
      </header>
      <Message kind="error" text={kpis.error === null ? null : describe(kpis.error)} />
      {kpis.data === undefined ? (
        kpis.loading && <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <p className="muted alarm-kpis-window">
            {t('alarms.kpi.window', { from: formatDateTime(kpis.data.fromMs, i18n.language), to: formatDateTime(kpis.data.toMs, i18n.language) })}
          </p>
          <KpiFigures kpi={kpis.data} />
          <Per10MinChart kpi={kpis.data} />
          <KpiList title={t('alarms.kpi.topFrequent')} empty={t('alarms.kpi.none')}>
            {kpis.data.topFrequent.map((entry) => (
              <li key={entry.alarmId}>
                <span className="alarm-kpi-name">{nameOf(entry.alarmId)}</span>
                <span className="mono">{t('alarms.kpi.units.annunciations', { value: entry.count })}</span>
              </li>
            ))}
          </KpiList>
          <KpiList title={t('alarms.kpi.chattering')} empty={t('alarms.kpi.none')}>
            {kpis.data.chattering.map((entry) => (
              <li key={entry.alarmId}>
                <span className="alarm-kpi-name">{nameOf(entry.alarmId)}</span>
                <span className="mono">{t('alarms.kpi.units.perMinute', { value: entry.maxPerMinute })}</span>
              </li>
            ))}
          </KpiList>
          <KpiList title={t('alarms.kpi.stale')} empty={t('alarms.kpi.none')}>
            {kpis.data.stale.map((entry) => (
              <li key={entry.alarmId}>
                <span className="alarm-kpi-name">{nameOf(entry.alarmId)}</span>
                <span className="mono">{t('alarms.kpi.activeSince', { time: formatDateTime(entry.activeSinceMs, i18n.language) })}</span>
              </li>
            ))}
          </KpiList>
        </>
      )}
    </section>
  );
}

/** The headline figures with their units, each rated against its target where it has one. */
function KpiFigures(props: { kpi: AlarmKpiDto }): JSX.Element {
  const { t, i18n } = useTranslation();
  const { kpi } = props;
  const ratings = rateKpis(kpi);
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const figure = (label: string, value: string, rating?: KpiRating, target?: string) => (
    <div className={rating === undefined ? 'alarm-kpi' : `alarm-kpi kpi-${rating}`}>
      <dt>{label}</dt>
      <dd>
        <span className="alarm-kpi-value mono">{value}</span>
        {rating !== undefined && <span className={`alarm-kpi-rating kpi-${rating}`}>{t(`alarms.kpi.ratings.${rating}`)}</span>}
        {target !== undefined && <span className="alarm-kpi-target">{target}</span>}
      </dd>
    </div>
  );
  const { perOperatorPerHour: hourTarget, perOperatorPer10Min: tenMinTarget } = KPI_TARGETS;
  return (
    <dl className="alarm-kpi-grid">
      {figure(t('alarms.kpi.alarms'), t('alarms.kpi.units.annunciations', { value: decimal.format(kpi.alarms) }))}
      {figure(t('alarms.kpi.operators'), t('alarms.kpi.units.people', { value: decimal.format(kpi.operators) }))}
      {figure(
        t('alarms.kpi.perOperatorPerHour'),
        t('alarms.kpi.units.perOperatorHour', { value: decimal.format(kpi.perOperatorPerHour) }),
        ratings.perOperatorPerHour,
        t('alarms.kpi.targetRange', { acceptable: hourTarget.acceptable, manageable: hourTarget.manageable }),
      )}
      {figure(
        t('alarms.kpi.perOperatorPer10Min'),
        t('alarms.kpi.units.perOperator10Min', { value: decimal.format(kpi.perOperatorPer10Min) }),
        ratings.perOperatorPer10Min,
        t('alarms.kpi.targetRange', { acceptable: tenMinTarget.acceptable, manageable: tenMinTarget.manageable }),
      )}
      {figure(
        t('alarms.kpi.peakPer10Min'),
        t('alarms.kpi.units.annunciations', { value: decimal.format(kpi.peakPer10Min) }),
        ratings.peakPer10Min,
        t('alarms.kpi.target', { value: KPI_TARGETS.peakPer10Min.acceptable }),
      )}
      {figure(t('alarms.kpi.floodShare'), percent.format(kpi.floodShare), ratings.floodShare, t('alarms.kpi.target', { value: percent.format(KPI_TARGETS.floodShare.acceptable) }))}
      {figure(t('alarms.kpi.chatteringCount'), t('alarms.kpi.units.alarms', { value: kpi.chattering.length }), ratings.chattering, t('alarms.kpi.target', { value: 0 }))}
      {figure(t('alarms.kpi.staleCount'), t('alarms.kpi.units.alarms', { value: kpi.stale.length }), ratings.stale, t('alarms.kpi.target', { value: KPI_TARGETS.stale.acceptable }))}
      {figure(t('alarms.kpi.shelvedNow'), t('alarms.kpi.units.alarms', { value: kpi.shelvedNow }))}
      {figure(t('alarms.kpi.shelveActions'), t('alarms.kpi.units.actions', { value: kpi.shelveActions }))}
    </dl>
  );
}

/** Annunciations per 10-minute period over the window, with the flood threshold drawn across. */
function Per10MinChart(props: { kpi: AlarmKpiDto }): JSX.Element {
  const { t } = useTranslation();
  const buckets = props.kpi.per10Min;
  const top = Math.max(FLOOD_PER_10_MIN * 1.5, ...buckets.map((bucket) => bucket.count));
  const height = 60;
  const barWidth = 4;
  const y = (count: number) => height - (count / top) * height;
  return (
    <figure className="alarm-kpi-chart">
      <figcaption className="alarm-kpi-caption">{t('alarms.kpi.per10Min')}</figcaption>
      <svg
        viewBox={`0 0 ${Math.max(1, buckets.length) * barWidth} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('alarms.kpi.chartLabel', { peak: props.kpi.peakPer10Min, flood: FLOOD_PER_10_MIN })}
      >
        {buckets.map((bucket, index) => (
          <rect
            key={bucket.startMs}
            className={bucket.count > FLOOD_PER_10_MIN ? 'alarm-kpi-bar is-flood' : 'alarm-kpi-bar'}
            x={index * barWidth + 0.5}
            y={y(bucket.count)}
            width={barWidth - 1}
            height={height - y(bucket.count)}
          />
        ))}
        <line className="alarm-kpi-flood-line" x1={0} x2={Math.max(1, buckets.length) * barWidth} y1={y(FLOOD_PER_10_MIN)} y2={y(FLOOD_PER_10_MIN)} />
      </svg>
    </figure>
  );
}

function KpiList(props: { title: string; empty: string; children: ReactNode[] }): JSX.Element {
  return (
    <div className="alarm-kpi-list">
      <h3 className="alarm-kpi-caption">{props.title}</h3>
      {props.children.length === 0 ? <p className="muted">{props.empty}</p> : <ol>{props.children}</ol>}
    </div>
  );
}
