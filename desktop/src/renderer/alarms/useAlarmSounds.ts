import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AlarmSeverity } from '@twin/protocol';
import { AlarmSounds } from './alarmSounds.ts';

/**
 * Sounds `severity`'s pattern while it is not null (REQ PLAT-3 sound), and the console's mute
 * switch. Mount it once per console window that annunciates alarms.
 */
export function useAlarmSounds(severity: AlarmSeverity | null): { muted: boolean; setMuted: (muted: boolean) => void } {
  const [sounds] = useState(() => new AlarmSounds({ storage: window.localStorage, target: window, createContext: () => new AudioContext() }));
  useEffect(() => sounds.attach(), [sounds]);
  useEffect(() => sounds.play(severity), [sounds, severity]);
  const muted = useSyncExternalStore(sounds.subscribe, sounds.isMuted);
  return { muted, setMuted: (next) => sounds.setMuted(next) };
}
