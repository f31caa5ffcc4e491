import { useConsole } from '../session/ConsoleProvider.tsx';
import type { ApiClient } from './apiClient.ts';

/** The API client of the console, with the session's token. */
export function useApiClient(): ApiClient {
  return useConsole().api;
}
