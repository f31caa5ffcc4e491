/**
 * At most one single sign-on at a time: a new one cancels the pending one (the user closed the
 * browser tab and clicked again), and `dispose()` cancels it when the app quits.
 */
import type { LoginResult, Result } from '@twin/protocol';
import { signInWithLoopback, type LoopbackSignInOptions } from './loopbackSignIn.ts';

export class SsoSignInService {
  readonly #options: Omit<LoopbackSignInOptions, 'providerId' | 'signal'>;
  #pending: AbortController | undefined;

  constructor(options: Omit<LoopbackSignInOptions, 'providerId' | 'signal'>) {
    this.#options = options;
  }

  /** Signs in with the provider; a sign-in still pending is cancelled first. */
  async signIn(providerId: string): Promise<Result<LoginResult>> {
    this.#pending?.abort();
    const pending = new AbortController();
    this.#pending = pending;
    try {
      return await signInWithLoopback({ ...this.#options, providerId, signal: pending.signal });
    } finally {
      if (this.#pending === pending) this.#pending = undefined;
    }
  }

  dispose(): void {
    this.#pending?.abort();
  }
}
