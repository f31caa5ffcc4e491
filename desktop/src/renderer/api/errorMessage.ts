import type { TFunction } from 'i18next';
import { ApiError } from './apiError.ts';

/** What an error message may need beyond the texts: the server's clock and how to show a time. */
export interface ErrorMessageContext {
  t: TFunction;
  serverNowMs: number;
  formatTime: (timeMs: number) => string;
}

/**
 * The translated, specific message for a failure: the lockout's end and the wait before the
 * next attempt when the server said them, else the catalogue code's text.
 */
export function errorMessage(error: unknown, { t, serverNowMs, formatTime }: ErrorMessageContext): string {
  if (!(error instanceof ApiError)) return t('errorDetails.unexpected', { message: error instanceof Error ? error.message : String(error) });
  switch (error.code) {
    case 'TWIN_ERR_AUTH_LOCKED': {
      const lockedUntilMs = error.detailNumber('lockedUntilMs');
      if (lockedUntilMs === undefined) break;
      const minutes = Math.max(1, Math.ceil((lockedUntilMs - serverNowMs) / 60_000));
      return t('errorDetails.lockedUntil', { time: formatTime(lockedUntilMs), minutes });
    }
    case 'TWIN_ERR_AUTH_RATE_LIMITED': {
      const retryAfterS = error.detailNumber('retryAfterS');
      if (retryAfterS === undefined) break;
      return t('errorDetails.retryAfter', { seconds: Math.max(1, Math.ceil(retryAfterS)) });
    }
    case 'TWIN_ERR_AUTH_SSO':
      if (error.details['insecureContext'] === true) return t('errorDetails.ssoInsecure');
      if (error.details['stateMismatch'] === true) return t('errorDetails.ssoStateMismatch');
      break;
  }
  return t(`errors.${error.code}`);
}
