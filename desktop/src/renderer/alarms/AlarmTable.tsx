import { useMemo, useRef, type JSX, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AlarmDto } from '@twin/protocol';
import { sensorKindLabel } from '../scene/sensorKindLabel.ts';
import { formatDateTime } from '../ui/formatTime.ts';
import { AlarmStateIcon } from './AlarmStateIcon.tsx';
import type { AlarmSort, AlarmSortKey } from './alarmQuery.ts';
import { alarmTimeMs } from './alarmStates.ts';
import { alarmMessage, alarmPlace, knownLayer } from './alarmText.ts';

/** Height of every row, px: fixed, so the virtualiser knows where each row is without measuring. */
export const ALARM_ROW_HEIGHT = 34;

/** How a row was clicked: alone, adding to the selection (Ctrl/⌘), or as a range (Shift). */
export type RowClickMode = 'single' | 'toggle' | 'range';

type ColumnId = 'select' | 'severity' | 'state' | 'time' | 'source' | 'area' | 'layer' | 'condition' | 'value' | 'message';
type Column = { id: ColumnId; sort?: AlarmSortKey; width?: number };

const COLUMNS: readonly Column[] = [
  { id: 'select', width: 38 },
  { id: 'severity', sort: 'severity', width: 78 },
  { id: 'state', sort: 'state', width: 132 },
  { id: 'time', sort: 'time', width: 168 },
  { id: 'source', sort: 'source', width: 150 },
  { id: 'area', sort: 'area', width: 110 },
  { id: 'layer', width: 130 },
  { id: 'condition', width: 120 },
  { id: 'value', width: 150 },
  { id: 'message' },
];

/** Props of {@link AlarmTable}. */
export interface AlarmTableProps {
  /** The alarms to show, filtered and sorted. */
  rows: readonly AlarmDto[];
  sort: AlarmSort;
  onSort: (key: AlarmSortKey) => void;
  selected: ReadonlySet<string>;
  focusedId: string | null;
  onRowClick: (alarm: AlarmDto, mode: RowClickMode) => void;
  /** Double-click: go to the alarm's source. */
  onRowOpen?: ((alarm: AlarmDto) => void) | undefined;
  onToggle: (alarm: AlarmDto) => void;
  onToggleAll: () => void;
}

function modeOf(event: MouseEvent | KeyboardEvent): RowClickMode {
  if (event.shiftKey) return 'range';
  return event.ctrlKey || event.metaKey ? 'toggle' : 'single';
}

/**
 * The alarm table, virtualised: however many alarms there are (10,000 and more), only the rows
 * in view (and a few around them) are in the DOM. Rows are coloured by severity and flash by
 * state after ISA-18.2 (REQ PLAT-3 colour changes): unacknowledged active flashes, acknowledged
 * active is steady, returned-unacknowledged flashes dimly, shelved, suppressed and out of service
 * are grey with their icon.
 */
export function AlarmTable(props: AlarmTableProps): JSX.Element {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ALARM_ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => props.rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const number = useMemo(() => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }), [i18n.language]);
  const allSelected = props.rows.length > 0 && props.rows.every((alarm) => props.selected.has(alarm.id));

  const header = (column: Column) => {
    if (column.id === 'select') {
      return <input type="checkbox" className="alarm-check" checked={allSelected} aria-label={t('alarms.selectAll')} onChange={props.onToggleAll} disabled={props.rows.length === 0} />;
    }
    const label = t(`alarms.columns.${column.id}`);
    if (column.sort === undefined) return label;
    const sortKey = column.sort;
    const active = props.sort.key === sortKey;
    return (
      <button type="button" className={active ? 'alarm-sort is-active' : 'alarm-sort'} onClick={() => props.onSort(sortKey)}>
        {label}
        <span className="alarm-sort-mark" aria-hidden="true">
          {active ? (props.sort.descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    );
  };

  return (
    <div className="alarm-table-scroll" ref={scrollRef} data-testid="alarm-table">
      <table className="data-table alarm-table" aria-rowcount={props.rows.length + 1}>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column.id} style={column.width === undefined ? undefined : { width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <th
                key={column.id}
                scope="col"
                aria-sort={column.sort !== undefined && props.sort.key === column.sort ? (props.sort.descending ? 'descending' : 'ascending') : undefined}
              >
                {header(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr className="alarm-spacer" style={{ height: top }} aria-hidden="true" />}
          {items.map((item) => {
            const alarm = props.rows[item.index];
            if (alarm === undefined) return null;
            const selected = props.selected.has(alarm.id);
            const classes = ['alarm-row', `severity-${alarm.severity}`, `state-${alarm.state}`];
            if (selected) classes.push('is-selected');
            if (alarm.id === props.focusedId) classes.push('is-focused');
            const layer = knownLayer(alarm.layer);
            return (
              <tr
                key={alarm.id}
                className={classes.join(' ')}
                style={{ height: ALARM_ROW_HEIGHT }}
                data-testid="alarm-row"
                data-alarm-id={alarm.id}
                data-state={alarm.state}
                data-severity={alarm.severity}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                tabIndex={0}
                onClick={(event) => props.onRowClick(alarm, modeOf(event))}
                onDoubleClick={() => props.onRowOpen?.(alarm)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter' && event.key !== ' ') return;
                  event.preventDefault();
                  props.onRowClick(alarm, modeOf(event));
                }}
              >
                <td onClick={(event) => event.stopPropagation()}>
                  <input type="checkbox" className="alarm-check" checked={selected} aria-label={t('alarms.selectRow', { id: alarm.id })} onChange={() => props.onToggle(alarm)} />
                </td>
                <td>
                  <span className={`alarm-severity severity-${alarm.severity}`}>{t(`alarms.severities.${alarm.severity}`)}</span>
                </td>
                <td>
                  <AlarmStateIcon state={alarm.state} />
                  {t(`alarms.states.${alarm.state}`)}
                  {alarm.latched && (
                    <span className="alarm-latch" title={t('alarms.latchedHint')}>
                      {t('alarms.latched')}
                    </span>
                  )}
                </td>
                <td className="mono">{formatDateTime(alarmTimeMs(alarm), i18n.language)}</td>
                <td className="mono" title={alarm.sourceId}>
                  {alarm.sourceId}
                </td>
                <td>{alarmPlace(alarm)}</td>
                <td>
                  {alarm.kind !== undefined ? sensorKindLabel(alarm.kind, i18n.language) : layer !== undefined ? t(`layers.${layer}`) : alarm.layer}
                </td>
                <td>{t(`alarms.conditions.${alarm.condition}`)}</td>
                <td className="mono">
                  {alarm.value === undefined
                    ? ''
                    : `${number.format(alarm.value)}${alarm.unit === undefined ? '' : ` ${alarm.unit}`}${alarm.limit === undefined ? '' : ` / ${number.format(alarm.limit)}`}`}
                </td>
                <td title={alarmMessage(alarm, i18n.language)}>{alarmMessage(alarm, i18n.language)}</td>
              </tr>
            );
          })}
          {bottom > 0 && <tr className="alarm-spacer" style={{ height: bottom }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
