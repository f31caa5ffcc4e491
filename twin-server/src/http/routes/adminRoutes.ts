import type { FastifyInstance } from 'fastify';
import { auditQuerySchema, organisationUpdateSchema, userCreateSchema, userUpdateSchema } from '@twin/protocol';
import { toOrganisationDto, toUserDto, type IdentityService } from '../../identity/identityService.ts';
import { answerCoded, parseOr400 } from '../codedReply.ts';
import { authOf } from '../routeGuard.ts';

/**
 * Administration of the caller's own organisation only (REQ PLAT-8 multi-level permissions,
 * PROP-2 i): users, their roles, scopes and sessions (`users.manage`), the organisation's
 * settings (`org.configure`) and the audit log (`audit.read`). A user id of another
 * organisation is answered as not found.
 */
export function adminRoutes(app: FastifyInstance, deps: { identity: IdentityService }): void {
  const { identity } = deps;
  const actor = (request: Parameters<typeof authOf>[0]) => ({ user: authOf(request).user, ip: request.ip });
  const orgOf = (request: Parameters<typeof authOf>[0]) => authOf(request).user.orgId;

  app.get('/api/admin/users', { config: { access: { permission: 'users.manage' } } }, async (request) => identity.usersOf(orgOf(request)).map(toUserDto));

  app.post('/api/admin/users', { config: { access: { permission: 'users.manage' } } }, async (request, reply) => {
    const body = parseOr400(reply, userCreateSchema, request.body, 'new user');
    if (body === undefined) return reply;
    return answerCoded(reply, async () => reply.code(201).send(toUserDto(await identity.createUser(orgOf(request), body, actor(request)))));
  });

  app.patch('/api/admin/users/:id', { config: { access: { permission: 'users.manage' } } }, async (request, reply) => {
    const body = parseOr400(reply, userUpdateSchema, request.body, 'user change');
    if (body === undefined) return reply;
    const { id } = request.params as { id: string };
    return answerCoded(reply, async () => toUserDto(await identity.updateUser(orgOf(request), id, body, actor(request))));
  });

  app.post('/api/admin/users/:id/logout-all', { config: { access: { permission: 'users.manage' } } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    return answerCoded(reply, async () => {
      await identity.logoutEverywhere(orgOf(request), id, actor(request));
      return reply.code(204).send();
    });
  });

  app.get('/api/admin/organisation', { config: { access: { permission: 'users.manage' } } }, async (request) => toOrganisationDto(authOf(request).organisation));

  app.patch('/api/admin/organisation', { config: { access: { permission: 'org.configure' } } }, async (request, reply) => {
    const body = parseOr400(reply, organisationUpdateSchema, request.body, 'organisation change');
    if (body === undefined) return reply;
    return answerCoded(reply, async () => toOrganisationDto(await identity.updateOrganisation(orgOf(request), body, actor(request))));
  });

  app.get('/api/admin/audit', { config: { access: { permission: 'audit.read' } } }, async (request, reply) => {
    const query = parseOr400(reply, auditQuerySchema, request.query, 'audit query');
    if (query === undefined) return reply;
    return identity.queryAudit(orgOf(request), query);
  });
}
