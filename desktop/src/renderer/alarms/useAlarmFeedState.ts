import { useSyncExternalStore } from 'react';
import type { AlarmFeed, AlarmFeedState } from './alarmFeed.ts';

/** How current the alarms are: loading, live, offline, failed. */
export function useAlarmFeedState(feed: AlarmFeed): AlarmFeedState {
  return useSyncExternalStore(feed.subscribe, feed.getState);
}
