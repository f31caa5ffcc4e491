import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Permission, TwinErrorCode } from '@twin/protocol';
import type { DeviceTokens } from '../auth/deviceTokens.ts';
import type { Authenticated, IdentityService } from '../identity/identityService.ts';
import { IdentityError } from '../identity/identityError.ts';
import { replyError } from './replyError.ts';

/**
 * Who may call a route, declared on every route as `config.access` (REQ PLAT-8: every route
 * authorised). A route without one is refused at registration, so none can be added unguarded.
 *
 * - `public`: anyone (health probe, login, the app's static files, single sign-on steps);
 * - `device`: the device token (telemetry ingest);
 * - `session`: any signed-in user (their own session, sign-out);
 * - a permission: a signed-in user one of whose grants carries it. Routes returning data then
 *   filter by the user's scopes and clearance through `request.auth.access`.
 *
 * `passive` routes do not count as user activity; nor does any request sent with
 * `X-Twin-Background: 1` (status polling), so the idle timeout measures the person, not the app.
 */
export type RouteAccess = { public: true } | { device: true } | { session: true; passive?: boolean } | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** The signed-in user, on `session` and permission routes. */
    auth?: Authenticated;
  }
}

/** Which routes exist and who may call them (for the authorisation matrix and docs). */
export interface GuardedRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/** Counts of refused requests by error code. */
export type DenialCounts = Partial<Record<TwinErrorCode, number>>;

/**
 * Installs the guard on `app`: refuses unguarded routes at registration, and authenticates and
 * authorises each request before its handler. Denials by permission are audited.
 */
export function installRouteGuard(app: FastifyInstance, deps: { identity: IdentityService; devices: DeviceTokens }): { routes: GuardedRoute[]; denials: DenialCounts } {
  const routes: GuardedRoute[] = [];
  const denials: DenialCounts = {};
  const deny = (reply: FastifyReply, code: TwinErrorCode, message?: string, details?: Record<string, unknown>) => {
    denials[code] = (denials[code] ?? 0) + 1;
    return replyError(reply, code, message, details);
  };

  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (access === undefined) throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access });
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || 'public' in access) return;
    const token = bearer(request);
    if (token === undefined) return deny(reply, 'TWIN_ERR_AUTH_REQUIRED', 'send Authorization: Bearer <token>');
    if ('device' in access) {
      if (!deps.devices.authenticate(token)) return deny(reply, 'TWIN_ERR_AUTH_INVALID', 'this route takes the device token');
      return;
    }
    const passive = ('passive' in access && access.passive === true) || request.headers['x-twin-background'] === '1';
    const auth = deps.identity.authenticate(token, { activity: !passive });
    if (auth instanceof IdentityError) return deny(reply, auth.code, auth.message, auth.details);
    if ('permission' in access && !auth.access.can(access.permission)) {
      await deps.identity.record(deps.identity.entry({ user: auth.user, ip: request.ip }, auth.user.orgId, 'access.denied', `${request.method} ${request.routeOptions.url}`, 'denied', { permission: access.permission }));
      return deny(reply, 'TWIN_ERR_AUTH_PERMISSION', `${request.method} ${request.routeOptions.url} needs the permission ${access.permission}, which none of your roles carries`, { permission: access.permission });
    }
    request.auth = auth;
  });

  return { routes, denials };
}

/** The bearer token of a request, if any. */
export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined || !header.startsWith('Bearer ')) return undefined;
  const token = header.slice(7).trim();
  return token.length > 0 ? token : undefined;
}

/** The authenticated identity of a guarded request (the guard ran, so it is there). */
export function authOf(request: FastifyRequest): Authenticated {
  if (request.auth === undefined) throw new Error(`route ${request.routeOptions.url} used authOf without a session guard`);
  return request.auth;
}
