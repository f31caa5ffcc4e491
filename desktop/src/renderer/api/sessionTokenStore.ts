/** The part of `Storage` the token store uses. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const STORAGE_KEY = 'twin.sessionToken';

/**
 * Where the session token lives: in memory, mirrored to `sessionStorage` so a reload of the same
 * tab keeps the session. Never `localStorage`: the token must not outlive the tab or reach others.
 */
export class SessionTokenStore {
  private token: string | undefined;

  constructor(private readonly storage: TokenStorage | undefined) {
    this.token = storage?.getItem(STORAGE_KEY) ?? undefined;
  }

  get(): string | undefined {
    return this.token;
  }

  set(token: string): void {
    this.token = token;
    this.storage?.setItem(STORAGE_KEY, token);
  }

  clear(): void {
    this.token = undefined;
    this.storage?.removeItem(STORAGE_KEY);
  }
}
