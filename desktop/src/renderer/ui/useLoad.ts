import { useCallback, useEffect, useState } from 'react';

/** What {@link useLoad} knows about a request. */
export interface Loaded<T> {
  data: T | undefined;
  /** Why the last attempt failed; null while loading or after success. */
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data when mounted and whenever `load` changes (memoise it with `useCallback`), aborting
 * the previous request; `reload` runs it again. Keeps the last data while reloading.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, loading, reload };
}
