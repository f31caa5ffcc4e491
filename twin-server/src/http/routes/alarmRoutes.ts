import type { FastifyInstance, FastifyRequest } from 'fastify';
import { alarmAcknowledgeSchema, alarmActionSchema, alarmCommentSchema, alarmHistoryQuerySchema, alarmKpiQuerySchema, alarmShelveSchema, type AlarmDto } from '@twin/protocol';
import type { AlarmOperatorInput } from '@twin/domain';
import type { AlarmService } from '../../alarms/alarmService.ts';
import type { IdentityService } from '../../identity/identityService.ts';
import { answerCoded, parseOr400 } from '../codedReply.ts';
import { authOf } from '../routeGuard.ts';

/**
 * Alarm management over HTTP (REQ PLAT-8): the current alarms and an alarm's history
 * (`alarms.read`), the operators' actions (`alarms.operate`), taking alarms out of service
 * (`alarms.configure`) and the alarm system's performance. Each answer comes once the action is
 * durable; clients see only alarms within their access, and others' ids are answered as not found.
 */
export function alarmRoutes(app: FastifyInstance, deps: { alarms: AlarmService; identity: IdentityService }): void {
  const { alarms } = deps;
  const actor = (request: FastifyRequest) => authOf(request).user.username;
  const act = (request: FastifyRequest, alarmId: string, input: AlarmOperatorInput) => alarms.act(authOf(request), alarmId, input);
  const single = (alarm: Promise<AlarmDto>) => alarm.then((a) => ({ alarm: a }));

  app.get('/api/alarms', { config: { access: { permission: 'alarms.read' } } }, async (request) => alarms.current(authOf(request)));

  app.get('/api/alarms/events', { config: { access: { permission: 'alarms.read' } } }, async (request, reply) => {
    const query = parseOr400(reply, alarmHistoryQuerySchema, request.query, 'alarm history query');
    if (query === undefined) return reply;
    return answerCoded(reply, async () => ({ events: await alarms.history(authOf(request), query.alarmId, query.limit) }));
  });

  app.post('/api/alarms/acknowledge', { config: { access: { permission: 'alarms.operate' } } }, async (request, reply) => {
    const body = parseOr400(reply, alarmAcknowledgeSchema, request.body, 'acknowledgement');
    if (body === undefined) return reply;
    return answerCoded(reply, async () => {
      const acknowledged: AlarmDto[] = [];
      for (const alarmId of body.alarmIds) acknowledged.push(await act(request, alarmId, { type: 'acknowledge', actor: actor(request), ...(body.note === undefined ? {} : { note: body.note }) }));
      return { alarms: acknowledged };
    });
  });

  app.post('/api/alarms/shelve', { config: { access: { permission: 'alarms.operate' } } }, async (request, reply) => {
    const body = parseOr400(reply, alarmShelveSchema, request.body, 'shelving');
    if (body === undefined) return reply;
    return answerCoded(reply, () => single(act(request, body.alarmId, { type: 'shelve', actor: actor(request), untilMs: Date.now() + body.durationMs, reason: body.reason })));
  });

  const simple = (path: string, permission: 'alarms.operate' | 'alarms.configure', type: 'unshelve' | 'reset_latch' | 'remove_from_service' | 'return_to_service') =>
    app.post(path, { config: { access: { permission } } }, async (request, reply) => {
      const body = parseOr400(reply, alarmActionSchema, request.body, 'alarm action');
      if (body === undefined) return reply;
      return answerCoded(reply, () => single(act(request, body.alarmId, { type, actor: actor(request), ...(body.note === undefined ? {} : { note: body.note }) })));
    });
  simple('/api/alarms/unshelve', 'alarms.operate', 'unshelve');
  simple('/api/alarms/reset', 'alarms.operate', 'reset_latch');
  simple('/api/alarms/remove-from-service', 'alarms.configure', 'remove_from_service');
  simple('/api/alarms/return-to-service', 'alarms.configure', 'return_to_service');

  app.post('/api/alarms/comment', { config: { access: { permission: 'alarms.operate' } } }, async (request, reply) => {
    const body = parseOr400(reply, alarmCommentSchema, request.body, 'comment');
    if (body === undefined) return reply;
    return answerCoded(reply, () => single(act(request, body.alarmId, { type: 'comment', actor: actor(request), note: body.note })));
  });

  app.get('/api/alarms/kpis', { config: { access: { permission: 'alarms.read' } } }, async (request, reply) => {
    const query = parseOr400(reply, alarmKpiQuerySchema, request.query, 'alarm performance query');
    if (query === undefined) return reply;
    const { user } = authOf(request);
    // The load is shared by the organisation's operators (ISA-18.2 figures are per operator).
    const operators = query.operators ?? Math.max(1, deps.identity.usersOf(user.orgId).filter((u) => !u.disabled && u.grants.some((g) => g.role === 'operator')).length);
    return answerCoded(reply, () => alarms.kpis(authOf(request), query.from, query.to, operators));
  });
}
