import { useCallback } from 'react';
import { isSensorPlaces } from '../api/dtoGuards.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { useLoad } from '../ui/useLoad.ts';

/** Zones and buildings a scope can name. */
export interface ScopeSuggestions {
  zones: string[];
  buildings: string[];
}

const NONE: ScopeSuggestions = { zones: [], buildings: [] };

/**
 * The zones and buildings of the sensors this session sees (`/api/sensors`), sorted, as
 * suggestions for grant scopes. Empty when the session may not read the registry.
 */
export function useScopeSuggestions(enabled: boolean): ScopeSuggestions {
  const { api } = useConsole();
  const loaded = useLoad(
    useCallback(
      async (signal: AbortSignal): Promise<ScopeSuggestions> => {
        if (!enabled) return NONE;
        const { sensors } = await api.getJson('/api/sensors', isSensorPlaces, { signal });
        const zones = new Set<string>();
        const buildings = new Set<string>();
        for (const { location } of sensors) {
          zones.add(location.area);
          if (location.building !== undefined) buildings.add(location.building);
        }
        const sorted = (values: Set<string>) => [...values].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
        return { zones: sorted(zones), buildings: sorted(buildings) };
      },
      [api, enabled],
    ),
  );
  return loaded.data ?? NONE;
}
