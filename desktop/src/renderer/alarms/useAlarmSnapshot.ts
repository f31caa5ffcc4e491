import { useSyncExternalStore } from 'react';
import type { AlarmBook, AlarmBookSnapshot } from './alarmBook.ts';

/** The book's alarms, re-rendering at most once per frame however many updates arrive. */
export function useAlarmSnapshot(book: AlarmBook): AlarmBookSnapshot {
  return useSyncExternalStore(book.subscribe, book.getSnapshot);
}
