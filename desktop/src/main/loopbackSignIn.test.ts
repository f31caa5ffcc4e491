import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoginResult } from '@twin/protocol';
import { signInWithLoopback } from './loopbackSignIn.ts';
import { s256CodeChallenge } from './pkce.ts';

const loginResult = {
  token: 'session-token',
  session: { user: { id: 'u1' }, organisation: { id: 'o1' }, permissions: ['status.read'], serverTimeMs: 0, idleExpiresAtMs: 0, expiresAtMs: 0 },
} as unknown as LoginResult;

interface StartRequest {
  provider: string;
  params: URLSearchParams;
}

/**
 * The twin server's side of the flow: `/start` plays the identity provider round trip by
 * redirecting straight to the loopback with a code (or the provider's error); `/token` checks the
 * PKCE verifier and the redirect URI against what `/start` saw.
 */
class FakeTwinServer {
  readonly starts: StartRequest[] = [];
  readonly tokenRequests: Record<string, string>[] = [];
  providerError: string | undefined;
  tokenAnswer: { status: number; body: unknown } | undefined;
  #server: Server | undefined;
  #issued = new Map<string, { challenge: string; redirectUri: string }>();

  async start(): Promise<URL> {
    this.#server = createServer((request, reply) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const start = /^\/api\/auth\/oidc\/([^/]+)\/start$/.exec(url.pathname);
      if (request.method === 'GET' && start !== null) {
        this.starts.push({ provider: decodeURIComponent(start[1] as string), params: url.searchParams });
        const redirect = new URL(url.searchParams.get('redirect_uri') as string);
        redirect.searchParams.set('state', url.searchParams.get('state') as string);
        if (this.providerError === undefined) {
          const code = `code-${this.#issued.size + 1}`;
          this.#issued.set(code, { challenge: url.searchParams.get('code_challenge') as string, redirectUri: url.searchParams.get('redirect_uri') as string });
          redirect.searchParams.set('code', code);
        } else {
          redirect.searchParams.set('error', this.providerError);
          redirect.searchParams.set('error_description', 'The user cancelled');
        }
        return void reply.writeHead(302, { location: redirect.href }).end();
      }
      if (request.method === 'POST' && url.pathname === '/api/auth/oidc/token') {
        let text = '';
        request.on('data', (chunk: Buffer) => (text += chunk.toString()));
        request.on('end', () => {
          const body = JSON.parse(text) as Record<string, string>;
          this.tokenRequests.push(body);
          const issued = this.#issued.get(body['code'] as string);
          const valid = issued !== undefined && issued.challenge === s256CodeChallenge(body['code_verifier'] as string) && issued.redirectUri === body['redirect_uri'];
          const answer = this.tokenAnswer ?? (valid ? { status: 200, body: loginResult } : { status: 400, body: { error: { code: 'TWIN_ERR_AUTH_SSO', message: 'invalid grant' } } });
          reply.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
        });
        return;
      }
      reply.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    return new URL(`http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }
}

interface Page {
  status: number;
  text: string;
  headers: Headers;
}

/** A system browser that follows every redirect; `openExternal` returns at once, as the real one does. */
class FakeBrowser {
  readonly opened: string[] = [];
  readonly pages: Promise<Page>[] = [];
  /** Visited before the URL the shell opens (a forged or stray redirect). */
  visitFirst: ((url: URL) => string) | undefined;

  readonly openExternal = async (url: string): Promise<void> => {
    this.opened.push(url);
    const first = this.visitFirst?.(new URL(url));
    this.pages.push((async () => (first === undefined ? this.#visit(url) : this.#visit(first).then(() => this.#visit(url))))());
  };

  async #visit(url: string): Promise<Page> {
    const response = await fetch(url);
    return { status: response.status, text: await response.text(), headers: response.headers };
  }
}

const redirectUriOf = (opened: string): string => new URL(opened).searchParams.get('redirect_uri') as string;

async function isListening(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

describe('signInWithLoopback (RFC 8252; PLAT-11 single sign-on)', () => {
  let server: FakeTwinServer;
  let serverUrl: URL;
  let browser: FakeBrowser;

  beforeEach(async () => {
    server = new FakeTwinServer();
    serverUrl = await server.start();
    browser = new FakeBrowser();
  });
  afterEach(() => server.close());

  it('signs in through the system browser and exchanges the code with its PKCE verifier', async () => {
    const result = await signInWithLoopback({ serverUrl, providerId: 'corp-idp', openExternal: browser.openExternal });

    expect(result).toEqual({ ok: true, value: loginResult });
    const [start] = server.starts;
    expect(start?.provider).toBe('corp-idp');
    expect(start?.params.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(start?.params.get('code_challenge_method')).toBe('S256');
    expect(start?.params.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const [token] = server.tokenRequests;
    expect(s256CodeChallenge(token?.['code_verifier'] as string)).toBe(start?.params.get('code_challenge'));
    expect(token?.['redirect_uri']).toBe(start?.params.get('redirect_uri'));
  });

  it('answers the browser with a bilingual, script-free page and closes the listener', async () => {
    await signInWithLoopback({ serverUrl, providerId: 'corp-idp', openExternal: browser.openExternal });
    const page = await browser.pages[0];
    expect(page?.status).toBe(200);
    expect(page?.text).toContain('可以关闭此标签页');
    expect(page?.text).toContain('You can close this tab');
    expect(page?.text).not.toContain('<script');
    expect(page?.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(page?.headers.get('cache-control')).toBe('no-store');
    expect(await isListening(redirectUriOf(browser.opened[0] as string))).toBe(false);
  });

  it('opens the provider path with the id URL-encoded', async () => {
    await signInWithLoopback({ serverUrl, providerId: 'a b/../c', openExternal: browser.openExternal });
    expect(new URL(browser.opened[0] as string).pathname).toBe('/api/auth/oidc/a%20b%2F..%2Fc/start');
  });

  it('refuses a callback without its state and keeps waiting for the real one', async () => {
    browser.visitFirst = (url) => `${redirectUriOf(url.href)}?code=stolen&state=forged`;
    const result = await signInWithLoopback({ serverUrl, providerId: 'corp-idp', openExternal: browser.openExternal });

    expect(result.ok).toBe(true);
    expect(server.tokenRequests.map((request) => request['code'])).toEqual(['code-1']);
  });

  it('answers other paths with 404 and keeps waiting', async () => {
    browser.visitFirst = (url) => new URL('/favicon.ico', redirectUriOf(url.href)).href;
    const result = await signInWithLoopback({ serverUrl, providerId: 'corp-idp', openExternal: browser.openExternal });
    expect(result.ok).toBe(true);
  });

  it('reports the identity provider refusing, without asking for a token', async () => {
    server.providerError = 'access_denied';
    const result = await signInWithLoopback({ serverUrl, providerId: 'corp-idp', openExternal: browser.openExternal });

    expect(result).toEqual({
      ok: false,
      error: { code: 'TWIN_ERR_AUTH_SSO', message: 'the identity provider refused: access_denied (The user cancelled)', details: { reason: 'denied' } },
    });
    expect(server.tokenRequests).toEqual([]);
    expect((await browser.pages[0])?.text).toContain('Sign-in did not complete');
  });

  it("passes the server's own error on, e.g. a user the platform does not know", async () => {
    server.tokenAnswer = { status: 403, body: { error: { code: 'TWIN_ERR_AUTH_SSO_UNKNOWN_USER', message: 'no such user' } } };
    const result = await signInWithLoopback({ serverUrl, providerId: 'corp-idp', openExternal: browser.openExternal });
    expect(result).toEqual({ ok: false, error: { code: 'TWIN_ERR_AUTH_SSO_UNKNOWN_USER', message: 'no such user' } });
  });

  it('refuses a token answer that is not a session', async () => {
    server.tokenAnswer = { status: 200, body: { token: '' } };
    const result = await signInWithLoopback({ serverUrl, providerId: 'corp-idp', openExternal: browser.openExternal });
    expect(result).toMatchObject({ ok: false, error: { code: 'TWIN_ERR_AUTH_SSO', details: { reason: 'exchange' } } });
  });

  it('reports an unreachable token endpoint', async () => {
    server.tokenAnswer = { status: 502, body: 'bad gateway' };
    const result = await signInWithLoopback({ serverUrl, providerId: 'corp-idp', openExternal: browser.openExternal });
    expect(result).toMatchObject({ ok: false, error: { message: 'the token endpoint answered HTTP 502', details: { reason: 'exchange' } } });
  });

  it('gives up when the browser never comes back, and stops listening', async () => {
    const opened: string[] = [];
    const result = await signInWithLoopback({ serverUrl, providerId: 'corp-idp', timeoutMs: 150, openExternal: async (url) => void opened.push(url) });
    expect(result).toMatchObject({ ok: false, error: { code: 'TWIN_ERR_AUTH_SSO', details: { reason: 'timeout' } } });
    expect(await isListening(redirectUriOf(opened[0] as string))).toBe(false);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const pending = signInWithLoopback({ serverUrl, providerId: 'corp-idp', signal: controller.signal, openExternal: async () => controller.abort() });
    await expect(pending).resolves.toMatchObject({ ok: false, error: { message: 'sign-in was cancelled', details: { reason: 'cancelled' } } });
  });

  it('reports a system browser that cannot be opened, and stops listening', async () => {
    let redirectUri = '';
    const result = await signInWithLoopback({
      serverUrl,
      providerId: 'corp-idp',
      openExternal: async (url) => {
        redirectUri = redirectUriOf(url);
        throw new Error('no handler for http');
      },
    });
    expect(result).toMatchObject({ ok: false, error: { message: 'cannot open the system browser: no handler for http', details: { reason: 'browser' } } });
    expect(await isListening(redirectUri)).toBe(false);
  });
});
