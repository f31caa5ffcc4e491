import { severityRank, type AlarmDto, type AlarmSeverity, type AlarmState, type SensorKind } from '@twin/protocol';
import { alarmTimeMs, isUnacknowledged, stateRank } from './alarmStates.ts';

/** What the alarm list shows; an empty set or text means "any". */
export interface AlarmFilter {
  severities: readonly AlarmSeverity[];
  states: readonly AlarmState[];
  /** A zone (`area`), or `''`. */
  area: string;
  /** A display layer, or `''`. */
  layer: string;
  /** A sensor kind, or `''`. */
  kind: string;
  /** Words looked for in the message (either language), the source id and the alarm id. */
  text: string;
}

/** Everything. */
export const NO_ALARM_FILTER: AlarmFilter = { severities: [], states: [], area: '', layer: '', kind: '', text: '' };

/** The columns the list sorts by; `default` is the operator's working order. */
export const ALARM_SORT_KEYS = ['default', 'time', 'severity', 'state', 'source', 'area'] as const;

/** A sort column. */
export type AlarmSortKey = (typeof ALARM_SORT_KEYS)[number];

/** A sort column and its direction. */
export interface AlarmSort {
  key: AlarmSortKey;
  descending: boolean;
}

/** Unacknowledged first, then the most severe, then the newest (ISA-18.2 operator's view). */
export const DEFAULT_ALARM_SORT: AlarmSort = { key: 'default', descending: false };

/**
 * The direction a column sorts in when first chosen: time newest first; severity and state most
 * urgent first; source and area alphabetically.
 */
export function firstSortOf(key: AlarmSortKey): AlarmSort {
  return { key, descending: key === 'time' };
}

/** The sort after a click on a column header: the other direction on the same column, else the column's first. */
export function nextSort(current: AlarmSort, key: AlarmSortKey): AlarmSort {
  return current.key === key ? { key, descending: !current.descending } : firstSortOf(key);
}

/** Whether an alarm passes the filter. */
export function alarmMatches(alarm: AlarmDto, filter: AlarmFilter, words = wordsOf(filter.text)): boolean {
  if (filter.severities.length > 0 && !filter.severities.includes(alarm.severity)) return false;
  if (filter.states.length > 0 && !filter.states.includes(alarm.state)) return false;
  if (filter.area !== '' && alarm.area !== filter.area) return false;
  if (filter.layer !== '' && alarm.layer !== filter.layer) return false;
  if (filter.kind !== '' && alarm.kind !== filter.kind) return false;
  if (words.length === 0) return true;
  const haystack = `${alarm.message}\n${alarm.messageEn}\n${alarm.sourceId}\n${alarm.id}`.toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}

function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase().split(/\s+/).filter((word) => word !== '');
}

const byDefault = (a: AlarmDto, b: AlarmDto): number =>
  Number(isUnacknowledged(b)) - Number(isUnacknowledged(a)) || severityRank(a.severity) - severityRank(b.severity) || alarmTimeMs(b) - alarmTimeMs(a);

const byKey: Record<AlarmSortKey, (a: AlarmDto, b: AlarmDto) => number> = {
  default: byDefault,
  time: (a, b) => alarmTimeMs(a) - alarmTimeMs(b),
  severity: (a, b) => severityRank(a.severity) - severityRank(b.severity),
  state: (a, b) => stateRank(a.state) - stateRank(b.state),
  source: (a, b) => a.sourceId.localeCompare(b.sourceId),
  area: (a, b) => (a.area ?? '').localeCompare(b.area ?? '') || (a.building ?? '').localeCompare(b.building ?? ''),
};

/** The comparison of a sort: its column in its direction, ties in the default order, then by id. */
export function alarmComparator(sort: AlarmSort): (a: AlarmDto, b: AlarmDto) => number {
  const primary = byKey[sort.key];
  const sign = sort.descending ? -1 : 1;
  return (a, b) => sign * primary(a, b) || byDefault(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The alarms that pass the filter, sorted (a new array; the input is not changed). */
export function queryAlarms(alarms: readonly AlarmDto[], filter: AlarmFilter, sort: AlarmSort): AlarmDto[] {
  const words = wordsOf(filter.text);
  return alarms.filter((alarm) => alarmMatches(alarm, filter, words)).sort(alarmComparator(sort));
}

/** The zones, layers and kinds the alarms have, each sorted: the choices of the filter bar. */
export function filterChoices(alarms: readonly AlarmDto[]): { areas: string[]; layers: string[]; kinds: SensorKind[] } {
  const areas = new Set<string>();
  const layers = new Set<string>();
  const kinds = new Set<SensorKind>();
  for (const alarm of alarms) {
    if (alarm.area !== undefined) areas.add(alarm.area);
    layers.add(alarm.layer);
    if (alarm.kind !== undefined) kinds.add(alarm.kind);
  }
  return { areas: [...areas].sort(), layers: [...layers].sort(), kinds: [...kinds].sort() };
}
