import type { AlarmKpiDto } from '@twin/protocol';

/** How a figure compares with its target: within it, near its limit, or beyond it. */
export type KpiRating = 'ok' | 'warn' | 'bad';

/**
 * Targets of alarm system performance after ANSI/ISA-18.2 §16.5 (table 5) and EEMUA 191: per
 * operator about 6 annunciations an hour is very likely acceptable, 12 the most manageable (1 and
 * 2 per 10 minutes); no 10-minute period with more than 10 (a flood), flood periods under 1 % of
 * the time; no chattering alarms; fewer than 5 stale alarms.
 */
export const KPI_TARGETS = {
  perOperatorPerHour: { acceptable: 6, manageable: 12 },
  perOperatorPer10Min: { acceptable: 1, manageable: 2 },
  peakPer10Min: { acceptable: 10 },
  floodShare: { acceptable: 0.01 },
  chattering: { acceptable: 0 },
  stale: { acceptable: 4 },
} as const;

/** The figures of the KPI panel that have a target. */
export type RatedKpi = keyof typeof KPI_TARGETS;

function rate(value: number, target: { acceptable: number; manageable?: number }): KpiRating {
  if (value <= target.acceptable) return 'ok';
  return target.manageable !== undefined && value <= target.manageable ? 'warn' : 'bad';
}

/** Each rated figure of `kpi` against its target. */
export function rateKpis(kpi: AlarmKpiDto): Record<RatedKpi, KpiRating> {
  return {
    perOperatorPerHour: rate(kpi.perOperatorPerHour, KPI_TARGETS.perOperatorPerHour),
    perOperatorPer10Min: rate(kpi.perOperatorPer10Min, KPI_TARGETS.perOperatorPer10Min),
    peakPer10Min: rate(kpi.peakPer10Min, KPI_TARGETS.peakPer10Min),
    floodShare: rate(kpi.floodShare, KPI_TARGETS.floodShare),
    chattering: rate(kpi.chattering.length, KPI_TARGETS.chattering),
    // Stale alarms are a backlog to work off rather than an overload: beyond the target is a warning.
    stale: kpi.stale.length <= KPI_TARGETS.stale.acceptable ? 'ok' : 'warn',
  };
}
