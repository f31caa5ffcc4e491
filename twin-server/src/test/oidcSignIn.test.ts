import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResult, SessionDto } from '@twin/protocol';
import { freePort } from './freePort.ts';
import { testCatalog } from './testCatalog.ts';
import { startTestServer } from './testServer.ts';

type Harness = Awaited<ReturnType<typeof startTestServer>>;

/**
 * A browser for the round trip: follows redirects by hand, keeps cookies per host, and submits
 * the identity provider's sign-in and consent forms. Stops at the first URL on `stopAt`.
 */
class TestBrowser {
  private readonly cookies = new Map<string, Map<string, string>>();

  async follow(start: string, stopAt: string, login: string): Promise<URL> {
    let url = new URL(start);
    let init: RequestInit = {};
    for (let hop = 0; hop < 20; hop++) {
      if (url.href.startsWith(stopAt)) return url;
      const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader(url) } });
      this.keep(url, response);
      init = {};
      const location = response.headers.get('location');
      if (location !== null) {
        url = new URL(location, url);
        continue;
      }
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (response.status !== 200 || action === undefined) throw new Error(`stuck at ${url.href}: ${response.status} ${html.slice(0, 300)}`);
      const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
      const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'the provider checks this, not the twin' } : { prompt: prompt ?? 'consent' });
      url = new URL(action.replace(/&amp;/g, '&'), url);
      init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() };
    }
    throw new Error('too many redirects');
  }

  private cookieHeader(url: URL): string {
    return [...(this.cookies.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(url: URL, response: Response): void {
    const jar = this.cookies.get(url.host) ?? new Map<string, string>();
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    this.cookies.set(url.host, jar);
  }
}

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

describe('single sign-on: OpenID Connect, authorization code with PKCE, against a local provider (PLAT-11, RFC 8252)', () => {
  let h: Harness;
  let idp: Server;
  let issuer: string;
  // The desktop app's loopback redirect (RFC 8252 §7.3); the test reads the redirect instead of listening.
  const loopback = 'http://127.0.0.1:47123/callback';

  beforeAll(async () => {
    const port = await freePort();
    issuer = `http://127.0.0.1:${port}`;
    h = await startTestServer(testCatalog().registry, {
      oidcProviders: [{ id: 'city', name: '深圳统一身份认证', issuer, clientId: 'twin', clientSecret: 'a client secret long enough for HS256 signing', orgId: 'org-sso', allowInsecure: true }],
    });
    await h.seedOrganisation({ id: 'org-sso', name: 'sso', kind: 'street', domain: [{}] }, [
      { username: 'wang.wei', password: 'an unused local password', grants: [{ role: 'commander', scope: {} }] },
    ]);
    await h.seedOrganisation({ id: 'org-other', name: 'other', kind: 'police', domain: [{}] }, [
      { username: 'li.na', password: 'an unused local password', grants: [{ role: 'operator', scope: {} }] },
    ]);
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'twin', client_secret: 'a client secret long enough for HS256 signing', redirect_uris: [`${h.server.httpUrl}/api/auth/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
      findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, preferred_username: id }) }),
      claims: { openid: ['sub'], profile: ['preferred_username'] },
      features: { devInteractions: { enabled: true } },
    });
    idp = provider.listen(port);
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((resolve) => idp?.close(resolve));
  });

  const signIn = async (login: string) => {
    const { verifier, challenge } = pkce();
    const state = randomBytes(12).toString('base64url');
    const start = `${h.server.httpUrl}/api/auth/oidc/city/start?redirect_uri=${encodeURIComponent(loopback)}&code_challenge=${challenge}&code_challenge_method=S256&state=${state}`;
    const back = await new TestBrowser().follow(start, loopback, login);
    expect(back.searchParams.get('state')).toBe(state);
    return { back, verifier };
  };
  const redeem = (code: string, verifier: string, redirectUri = loopback) =>
    h.http('/api/auth/oidc/token', { token: null, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, code_verifier: verifier, redirect_uri: redirectUri }) });

  it('lists the provider for the login screen', async () => {
    expect(await (await h.http('/api/auth/oidc/providers', { token: null })).json()).toEqual([{ id: 'city', name: '深圳统一身份认证' }]);
  });

  it('signs in a user of the provider\'s organisation, links the subject, and the session works', async () => {
    const { back, verifier } = await signIn('wang.wei');
    const code = back.searchParams.get('code')!;
    const response = await redeem(code, verifier);
    expect(response.status).toBe(200);
    const result = (await response.json()) as LoginResult;
    expect(result.session.user.username).toBe('wang.wei');
    expect(result.session.user.ssoLinks).toEqual(['city:wang.wei']);
    expect(result.session.permissions).toContain('telemetry.subscribe');
    const session = (await (await h.http('/api/auth/session', { token: result.token })).json()) as SessionDto;
    expect(session.user.orgId).toBe('org-sso');
    // A one-time code: the second use is refused.
    expect((await redeem(code, verifier)).status).toBe(400);
  });

  it('refuses a wrong PKCE verifier, a different redirect URI and a foreign redirect URI', async () => {
    const first = await signIn('wang.wei');
    const wrong = await redeem(first.back.searchParams.get('code')!, pkce().verifier);
    expect(((await wrong.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'TWIN_ERR_AUTH_SSO', message: expect.stringMatching(/code_verifier/) });
    const second = await signIn('wang.wei');
    expect((await redeem(second.back.searchParams.get('code')!, second.verifier, 'http://127.0.0.1:1/other')).status).toBe(400);
    const foreign = await h.http(`/api/auth/oidc/city/start?redirect_uri=${encodeURIComponent('https://attacker.example/cb')}&code_challenge=${pkce().challenge}&state=abcdefgh`, { token: null, redirect: 'manual' });
    expect(foreign.status).toBe(400);
  });

  it('does not let a provider vouch for a user of another organisation, nor for an unknown one', async () => {
    for (const login of ['li.na', 'stranger']) {
      const { back, verifier } = await signIn(login);
      const response = await redeem(back.searchParams.get('code')!, verifier);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('TWIN_ERR_AUTH_SSO_UNKNOWN_USER');
    }
  });
});
