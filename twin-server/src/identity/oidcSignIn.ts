import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { LoginResult, SsoProviderDto } from '@twin/protocol';
import { IdentityError } from './identityError.ts';
import type { IdentityService } from './identityService.ts';

/** An OpenID Connect identity provider the platform trusts (REQ PLAT-11 unified identity, single sign-on). */
export interface OidcProviderConfig {
  /** Short id used in URLs, e.g. `city`. */
  id: string;
  /** Name shown on the login screen, e.g. `深圳统一身份认证`. */
  name: string;
  /** Issuer URL; its `/.well-known/openid-configuration` is read on first use. */
  issuer: string;
  clientId: string;
  /** Confidential client secret (client_secret_basic); absent for a public client. */
  clientSecret?: string;
  /** The organisation whose users this provider vouches for. */
  orgId: string;
  /** ID-token claim matched to a user name when no user is linked to the subject yet. */
  usernameClaim?: string;
  /** Allow an `http:` issuer (a provider on the local network or in tests). */
  allowInsecure?: boolean;
}

/** How long a sign-in may take at the provider, and how long its one-time code stays valid. */
const PENDING_TTL_MS = 10 * 60_000;
const CODE_TTL_MS = 60_000;
const MAX_PENDING = 10_000;

interface Pending {
  provider: OidcProviderConfig;
  verifier: string;
  nonce: string;
  clientRedirect: string;
  clientChallenge: string;
  clientState: string;
  expiresMs: number;
}

interface Vouched {
  provider: OidcProviderConfig;
  subject: string;
  usernameHint: string | undefined;
  clientRedirect: string;
  clientChallenge: string;
  expiresMs: number;
}

/**
 * Single sign-on through OpenID Connect, authorization code flow with PKCE on both legs:
 *
 * 1. A client (the desktop app through the system browser, per RFC 8252, or the browser app)
 *    opens `start` with its own redirect URI (loopback or this server's origin), PKCE challenge
 *    and state.
 * 2. The server sends the browser to the provider with its own PKCE verifier, state and nonce.
 * 3. The provider returns to `callback`; the server redeems the code, validates the ID token
 *    (issuer, audience, nonce, signature) and sends the browser to the client's redirect URI
 *    with a one-time code.
 * 4. The client redeems that code with its PKCE verifier at `exchange` for a session, which is
 *    only issued for a user of the provider's organisation linked to the subject (or, on first
 *    use, named by the provider's user-name claim).
 */
export class OidcSignIn {
  private readonly configurations = new Map<string, Promise<oidc.Configuration>>();
  private readonly pending = new Map<string, Pending>();
  private readonly codes = new Map<string, Vouched>();

  constructor(
    private readonly providers: readonly OidcProviderConfig[],
    private readonly deps: { identity: IdentityService; serverOrigin: () => string; now?: () => number },
  ) {}

  /** The providers to offer on the login screen. */
  list(): SsoProviderDto[] {
    return this.providers.map((p) => ({ id: p.id, name: p.name }));
  }

  /** Step 1–2: the provider's authorization URL to send the browser to. */
  async start(providerId: string, request: { redirectUri: string; codeChallenge: string; codeChallengeMethod: string; state: string }): Promise<URL> {
    const provider = this.providers.find((p) => p.id === providerId);
    if (provider === undefined) throw new IdentityError('TWIN_ERR_NOT_FOUND', `no single sign-on provider ${providerId}`);
    if (request.codeChallengeMethod !== 'S256') throw new IdentityError('TWIN_ERR_AUTH_SSO', 'code_challenge_method must be S256');
    if (!/^[A-Za-z0-9_-]{43,128}$/.test(request.codeChallenge)) throw new IdentityError('TWIN_ERR_AUTH_SSO', 'code_challenge must be a base64url SHA-256');
    if (request.state.length < 8 || request.state.length > 512) throw new IdentityError('TWIN_ERR_AUTH_SSO', 'state must be 8-512 characters');
    this.checkClientRedirect(request.redirectUri);
    const config = await this.configuration(provider);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    this.prune();
    this.pending.set(state, {
      provider,
      verifier,
      nonce,
      clientRedirect: request.redirectUri,
      clientChallenge: request.codeChallenge,
      clientState: request.state,
      expiresMs: this.now() + PENDING_TTL_MS,
    });
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.callbackUrl(),
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
  }

  /**
   * Step 3: redeems the provider's code. Answers where to send the browser: the client's
   * redirect URI with a one-time code and its state, or with `error` when the provider refused.
   */
  async callback(currentUrl: URL): Promise<URL> {
    const state = currentUrl.searchParams.get('state') ?? '';
    const pending = this.pending.get(state);
    this.pending.delete(state);
    if (pending === undefined || pending.expiresMs < this.now()) throw new IdentityError('TWIN_ERR_AUTH_SSO', 'this sign-in is unknown or took longer than 10 minutes; start again');
    const back = new URL(pending.clientRedirect);
    back.searchParams.set('state', pending.clientState);
    const providerError = currentUrl.searchParams.get('error');
    if (providerError !== null) {
      back.searchParams.set('error', providerError);
      return back;
    }
    const claimName = pending.provider.usernameClaim ?? 'preferred_username';
    let subject: string;
    let hint: unknown;
    try {
      const config = await this.configuration(pending.provider);
      const callback = new URL(this.callbackUrl());
      callback.search = currentUrl.search;
      const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: pending.verifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
      const claims = tokens.claims();
      if (claims === undefined) throw new Error('no ID token');
      subject = claims.sub;
      hint = claims[claimName];
      // Providers that keep profile claims out of the ID token serve them at the userinfo endpoint.
      if (hint === undefined) hint = (await oidc.fetchUserInfo(config, tokens.access_token, subject))[claimName];
    } catch (error) {
      throw new IdentityError('TWIN_ERR_AUTH_SSO', `the identity provider's answer was not accepted: ${(error as Error).message}`);
    }
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, {
      provider: pending.provider,
      subject,
      usernameHint: typeof hint === 'string' ? hint : undefined,
      clientRedirect: pending.clientRedirect,
      clientChallenge: pending.clientChallenge,
      expiresMs: this.now() + CODE_TTL_MS,
    });
    back.searchParams.set('code', code);
    return back;
  }

  /** Step 4: the one-time code and the client's PKCE verifier for a session. */
  async exchange(request: { code: string; codeVerifier: string; redirectUri: string }, ip: string): Promise<LoginResult> {
    const vouched = this.codes.get(request.code);
    this.codes.delete(request.code);
    if (vouched === undefined || vouched.expiresMs < this.now()) throw new IdentityError('TWIN_ERR_AUTH_SSO', 'the sign-in code is unknown, used or expired');
    if (vouched.clientRedirect !== request.redirectUri) throw new IdentityError('TWIN_ERR_AUTH_SSO', 'redirect_uri differs from the one the sign-in started with');
    const challenge = createHash('sha256').update(request.codeVerifier).digest('base64url');
    if (challenge !== vouched.clientChallenge) throw new IdentityError('TWIN_ERR_AUTH_SSO', 'code_verifier does not match the code_challenge');
    return this.deps.identity.loginLinked({ provider: vouched.provider.id, subject: vouched.subject, orgId: vouched.provider.orgId, ...(vouched.usernameHint === undefined ? {} : { usernameHint: vouched.usernameHint }) }, ip);
  }

  /** This server's callback URL, registered at each provider. */
  callbackUrl(): string {
    return `${this.deps.serverOrigin()}/api/auth/oidc/callback`;
  }

  /**
   * Client redirect URIs: a loopback address on any port (RFC 8252 §7.3, native apps) or this
   * server's own origin (the browser app). Anything else could hand a session to a stranger.
   */
  private checkClientRedirect(uri: string): void {
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      throw new IdentityError('TWIN_ERR_AUTH_SSO', 'redirect_uri is not a URL');
    }
    const loopback = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]');
    if (!loopback && url.origin !== this.deps.serverOrigin()) throw new IdentityError('TWIN_ERR_AUTH_SSO', `redirect_uri must be a loopback address (http://127.0.0.1:<port>/…) or ${this.deps.serverOrigin()}`);
  }

  private configuration(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    let config = this.configurations.get(provider.id);
    if (config === undefined) {
      const options = provider.allowInsecure === true ? { execute: [oidc.allowInsecureRequests] } : undefined;
      config = oidc.discovery(new URL(provider.issuer), provider.clientId, provider.clientSecret, undefined, options);
      // A failed discovery is retried on the next sign-in rather than remembered.
      config.catch(() => this.configurations.delete(provider.id));
      this.configurations.set(provider.id, config);
    }
    return config.catch((error: unknown) => {
      throw new IdentityError('TWIN_ERR_AUTH_SSO', `the identity provider ${provider.id} at ${provider.issuer} cannot be reached: ${(error as Error).message}`);
    });
  }

  private prune(): void {
    const now = this.now();
    for (const [key, value] of this.pending) if (value.expiresMs < now || this.pending.size > MAX_PENDING) this.pending.delete(key);
    for (const [key, value] of this.codes) if (value.expiresMs < now) this.codes.delete(key);
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }
}
