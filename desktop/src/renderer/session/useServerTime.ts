import { useEffect, useState } from 'react';
import { useConsole } from './ConsoleProvider.tsx';

/** The server's time, re-rendering on each of its whole seconds (for clocks, not per frame). */
export function useServerTime(): number {
  const { clock } = useConsole();
  const [nowMs, setNowMs] = useState(() => clock.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const now = clock.now();
      setNowMs(now);
      timer = setTimeout(tick, 1000 - (now % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [clock]);
  return nowMs;
}
