import { useCallback, useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmDto } from '@twin/protocol';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { canApply, targetsOf } from './alarmActions.ts';
import type { AlarmBookSnapshot } from './alarmBook.ts';
import type { AlarmCommands } from './alarmCommands.ts';
import { AlarmFilterBar } from './AlarmFilterBar.tsx';
import { AlarmHistory } from './AlarmHistory.tsx';
import { DEFAULT_ALARM_SORT, NO_ALARM_FILTER, nextSort, queryAlarms, type AlarmFilter, type AlarmSort, type AlarmSortKey } from './alarmQuery.ts';
import { AlarmTable, type RowClickMode } from './AlarmTable.tsx';
import { CommentDialog } from './CommentDialog.tsx';
import { ShelveDialog } from './ShelveDialog.tsx';

/** Props of {@link AlarmList}. */
export interface AlarmListProps {
  snapshot: AlarmBookSnapshot;
  commands: AlarmCommands;
  /** Whether the session may act on alarms (`alarms.operate`); without it the list is read-only. */
  canOperate: boolean;
  /** Locate (button or double-click): the console shows where the alarm's source is. Absent where there is no scene (a detached window). */
  onLocate?: (alarm: AlarmDto) => void;
}

/** The ids from `anchor` to `target` in `rows`, both included (or just `target` without an anchor in view). */
function rangeOf(rows: readonly AlarmDto[], anchor: string | null, target: string): Set<string> {
  const from = rows.findIndex((alarm) => alarm.id === anchor);
  const to = rows.findIndex((alarm) => alarm.id === target);
  if (from < 0 || to < 0) return new Set([target]);
  return new Set(rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((alarm) => alarm.id));
}

/**
 * The operator's alarm list (REQ PLAT-8 alarm management, PLAT-3 colour and icons): filters,
 * sortable virtualised table, multi-selection, acknowledge, shelve, comment, unshelve and reset,
 * and the log of the focused alarm. Clicking a row focuses it; double-clicking it or Locate shows its source in the scene.
 */
export function AlarmList(props: AlarmListProps): JSX.Element {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { snapshot, commands, canOperate, onLocate } = props;
  const [filter, setFilter] = useState<AlarmFilter>(NO_ALARM_FILTER);
  const [sort, setSort] = useState<AlarmSort>(DEFAULT_ALARM_SORT);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [anchorId, setAnchorId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'shelve' | 'comment' | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // Dialogs reopen when their close handler changes: keep it the same across the list's re-renders.
  const closeDialog = useCallback(() => setDialog(null), []);

  const rows = useMemo(() => queryAlarms(snapshot.alarms, filter, sort), [snapshot.alarms, filter, sort]);
  const selectedRows = useMemo(() => rows.filter((alarm) => selected.has(alarm.id)), [rows, selected]);
  const focused = focusedId === null ? null : (snapshot.byId.get(focusedId) ?? null);
  const toAcknowledge = targetsOf('acknowledge', selectedRows);
  const can = (action: 'shelve' | 'unshelve' | 'comment' | 'reset') => canOperate && !busy && focused !== null && canApply(action, focused);

  const toggle = (alarm: AlarmDto) => {
    const next = new Set(selected);
    if (!next.delete(alarm.id)) next.add(alarm.id);
    setSelected(next);
  };

  const clickRow = (alarm: AlarmDto, mode: RowClickMode) => {
    setFocusedId(alarm.id);
    if (mode === 'range') {
      setSelected(rangeOf(rows, anchorId, alarm.id));
      return;
    }
    setAnchorId(alarm.id);
    if (mode === 'toggle') {
      toggle(alarm);
      return;
    }
    setSelected(new Set([alarm.id]));
  };

  const toggleAll = () => setSelected(rows.every((alarm) => selected.has(alarm.id)) ? new Set() : new Set(rows.map((alarm) => alarm.id)));

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const noPermission = canOperate ? undefined : t('alarms.actions.noPermission');

  return (
    <div className="alarm-list">
      <AlarmFilterBar alarms={snapshot.alarms} filter={filter} onChange={setFilter} />
      <div className="alarm-toolbar" role="toolbar" aria-label={t('alarms.actions.label')}>
        <button
          type="button"
          className="button button-primary"
          data-testid="alarm-ack"
          title={noPermission}
          disabled={!canOperate || busy || toAcknowledge.length === 0}
          onClick={() => void run(() => commands.acknowledge(toAcknowledge.map((alarm) => alarm.id)))}
        >
          {toAcknowledge.length > 1 ? t('alarms.actions.acknowledgeCount', { count: toAcknowledge.length }) : t('alarms.actions.acknowledge')}
        </button>
        <button type="button" className="button" data-testid="alarm-shelve" title={noPermission} disabled={!can('shelve')} onClick={() => setDialog('shelve')}>
          {t('alarms.actions.shelve')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="alarm-unshelve"
          title={noPermission}
          disabled={!can('unshelve')}
          onClick={() => focused !== null && void run(() => commands.unshelve(focused.id))}
        >
          {t('alarms.actions.unshelve')}
        </button>
        <button type="button" className="button" data-testid="alarm-comment" title={noPermission} disabled={!can('comment')} onClick={() => setDialog('comment')}>
          {t('alarms.actions.comment')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="alarm-reset"
          title={noPermission ?? t('alarms.latchedHint')}
          disabled={!can('reset')}
          onClick={() => focused !== null && void run(() => commands.reset(focused.id))}
        >
          {t('alarms.actions.reset')}
        </button>
        {onLocate !== undefined && (
          <button type="button" className="button" data-testid="alarm-locate" title={t('alarms.actions.locateHint')} disabled={focused === null} onClick={() => focused !== null && onLocate(focused)}>
            {t('alarms.actions.locate')}
          </button>
        )}
        {selectedRows.length > 0 && <span className="muted">{t('alarms.actions.selected', { count: selectedRows.length })}</span>}
        <span className="alarm-toolbar-spacer" />
        {sort.key !== 'default' && (
          <button type="button" className="button button-small" onClick={() => setSort(DEFAULT_ALARM_SORT)}>
            {t('alarms.defaultOrder')}
          </button>
        )}
        <span className="alarm-count" data-testid="alarm-count" data-shown={rows.length} data-total={snapshot.alarms.length}>
          {t('alarms.count', { shown: rows.length, total: snapshot.alarms.length })}
        </span>
      </div>
      <Message kind="error" text={failure === null ? null : describe(failure)} />
      {rows.length === 0 ? (
        <p className="muted alarm-empty">{!snapshot.loaded ? t('alarms.loading') : snapshot.alarms.length === 0 ? t('alarms.empty') : t('alarms.noMatch')}</p>
      ) : (
        <AlarmTable
          rows={rows}
          sort={sort}
          onSort={(key: AlarmSortKey) => setSort(nextSort(sort, key))}
          selected={selected}
          focusedId={focusedId}
          onRowClick={clickRow}
          onRowOpen={onLocate}
          onToggle={toggle}
          onToggleAll={toggleAll}
        />
      )}
      <AlarmHistory alarm={focused} commands={commands} />
      {dialog === 'shelve' && focused !== null && (
        <ShelveDialog alarm={focused} onShelve={(durationMs, reason) => commands.shelve(focused.id, durationMs, reason)} onClose={closeDialog} />
      )}
      {dialog === 'comment' && focused !== null && <CommentDialog alarm={focused} onComment={(note) => commands.comment(focused.id, note)} onClose={closeDialog} />}
    </div>
  );
}
