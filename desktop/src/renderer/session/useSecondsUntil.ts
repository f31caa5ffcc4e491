import { useEffect, useState } from 'react';
import { useConsole } from './ConsoleProvider.tsx';

/**
 * Whole seconds left until a server-time deadline (rounded up, never below 0), re-rendering only
 * when that number changes.
 */
export function useSecondsUntil(deadlineServerMs: number): number {
  const { clock } = useConsole();
  const secondsLeft = () => Math.max(0, Math.ceil(clock.msUntil(deadlineServerMs) / 1000));
  const [seconds, setSeconds] = useState(secondsLeft);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const msLeft = clock.msUntil(deadlineServerMs);
      setSeconds(Math.max(0, Math.ceil(msLeft / 1000)));
      if (msLeft > 0) timer = setTimeout(tick, (msLeft % 1000 || 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [clock, deadlineServerMs]);
  return seconds;
}
