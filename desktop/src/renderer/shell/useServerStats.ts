import { useEffect, useState } from 'react';
import type { StatsDto } from '@twin/protocol';
import { isStatsDto } from '../api/dtoGuards.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';

const POLL_MS = 10_000;

/**
 * The server's counters, polled every 10 s while `enabled` (the session may read them); each
 * answer also corrects the server clock. A background request: it never counts as activity.
 */
export function useServerStats(enabled: boolean): StatsDto | undefined {
  const { api, clock } = useConsole();
  const [stats, setStats] = useState<StatsDto | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const poll = async () => {
      const sentAtMs = Date.now();
      try {
        const answer = await api.getJson('/api/stats', isStatsDto, { signal: controller.signal });
        clock.observe(answer.serverTimeMs, sentAtMs, Date.now());
        setStats(answer);
      } catch {
        // The status bar keeps the last figures; the connection indicator shows what is wrong.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [api, clock, enabled]);
  return enabled ? stats : undefined;
}
