import { useEffect, useState } from 'react';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { AlarmBook } from './alarmBook.ts';
import { AlarmCommands } from './alarmCommands.ts';
import { AlarmFeed } from './alarmFeed.ts';

/** The alarm book of a window, the feed that keeps it current and the commands that act on it. */
export interface AlarmFeedHandle {
  book: AlarmBook;
  feed: AlarmFeed;
  commands: AlarmCommands;
}

/**
 * The window's alarms (REQ PLAT-8 alarm management): one {@link AlarmBook} fed over the console's
 * live connection (subscribing on connect, resuming from the last event after a reconnection) and
 * over HTTP while the socket is not up yet. Follows the alarms only while `enabled` (the session
 * may read alarms); the book lives as long as the component that calls this.
 */
export function useAlarmFeed(enabled: boolean): AlarmFeedHandle {
  const { api, live } = useConsole();
  const [handle] = useState(() => {
    const book = new AlarmBook();
    const commands = new AlarmCommands(api, book);
    const feed = new AlarmFeed({ socket: live.socket, book, load: () => commands.load() });
    return { book, feed, commands };
  });
  useEffect(() => (enabled ? handle.feed.start() : undefined), [handle, enabled]);
  return handle;
}
