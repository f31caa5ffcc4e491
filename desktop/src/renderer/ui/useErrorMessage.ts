import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errorMessage.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { formatTimeOfDay } from './formatTime.ts';

/** Turns a failure into the translated, specific message to show. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const { clock } = useConsole();
  return useCallback(
    (error: unknown) => errorMessage(error, { t, serverNowMs: clock.now(), formatTime: (timeMs) => formatTimeOfDay(timeMs, i18n.language) }),
    [t, i18n.language, clock],
  );
}
