import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraStreamPath, decodeLiveFrame, ROLE_PERMISSIONS, ROLES, type AlarmDto, type AlarmEventDto, type AlarmKpiDto, type AuditEventDto, type CameraListDto, type Permission, type Role, type SensorListDto, type SensorRegistry, type UserDto } from '@twin/protocol';
import type { GuardedRoute } from '../http/routeGuard.ts';
import { SOCKET_EVENT_ACCESS } from '../live/socketGuard.ts';
import { testSensor } from './testCatalog.ts';
import { eventually, startTestServer } from './testServer.ts';

// Two organisations share one community: org-a operates zone-a, org-b zone-b. Each zone has an
// environment sensor, a gas detector and an access-control door, and a building with sensors.
const inBuilding = (id: string, kind: Parameters<typeof testSensor>[1], area: string, building: string) => {
  const sensor = testSensor(id, kind, area);
  return { ...sensor, location: { ...sensor.location, placement: 'indoor' as const, building } };
};
const registry: SensorRegistry = {
  version: 1,
  community: { id: 'test', name: '测试社区' },
  sensors: [
    testSensor('a-temp', 'temperature', 'zone-a'),
    testSensor('a-gas', 'gas_lel', 'zone-a'),
    testSensor('a-door', 'door', 'zone-a'),
    inBuilding('a-co2', 'co2', 'zone-a', 'B01'),
    testSensor('b-temp', 'temperature', 'zone-b'),
    testSensor('b-gas', 'gas_lel', 'zone-b'),
    testSensor('b-door', 'door', 'zone-b'),
    inBuilding('b-co2', 'co2', 'zone-b', 'B02'),
  ],
};
const ORGS = { 'org-a': { zone: 'zone-a', own: 'a-', other: 'b-', building: 'B01', otherBuilding: 'B02' }, 'org-b': { zone: 'zone-b', own: 'b-', other: 'a-', building: 'B02', otherBuilding: 'B01' } } as const;
type OrgId = keyof typeof ORGS;
const password = (org: string, role: string) => `${org} ${role} correct horse battery`;

type Harness = Awaited<ReturnType<typeof startTestServer>>;
interface Caller {
  org: OrgId;
  role: Role;
  token: string;
  user: UserDto;
}
interface Probe {
  path: string;
  init?: RequestInit;
  /** Checks an allowed answer carries nothing of the other organisation. */
  check?: (response: Response, caller: Caller) => Promise<void>;
  /** Whether the request ends the caller's session (run with a session of its own). */
  endsSession?: boolean;
  /** The status of an allowed request that is still refused for what it asks (not who asks). */
  status?: number;
}

/** The gas alarm of an organisation's detector (default rules, MUN-5). */
const gasAlarm = (prefix: string) => `gas-lel-high/${prefix}gas`;
const json = (body: unknown, method = 'POST'): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const idsOf = (list: SensorListDto) => list.sensors.map((s) => s.id);

describe('authorisation matrix: every role of two organisations against every route and socket event (PLAT-8, PLAT-11)', () => {
  let h: Harness;
  const callers: Caller[] = [];
  const anyUserOf = (org: OrgId) => callers.find((c) => c.org === org && c.role === 'viewer')!.user;

  beforeAll(async () => {
    h = await startTestServer(registry);
    for (const [org, { zone }] of Object.entries(ORGS)) {
      await h.seedOrganisation(
        { id: org, name: org, kind: 'property', domain: [{ community: 'test', zone }] },
        ROLES.map((role) => ({ username: `${org}-${role}`, password: password(org, role), grants: [{ role, scope: {} }] })),
      );
    }
    // Each organisation's gas detector leaks (MUN-5): both have an alarm.
    const device = await h.device();
    await device.publishAsync('twin/v1/telemetry', JSON.stringify([{ sensor: 'a-gas', readings: [[Date.now(), 30]] }, { sensor: 'b-gas', readings: [[Date.now(), 30]] }]), { qos: 1 });
    await eventually(() => (h.server.stats().alarms.annunciated >= 2 ? true : undefined), 5000, 'both gas alarms');
    for (const org of Object.keys(ORGS) as OrgId[]) {
      for (const role of ROLES) {
        const login = await h.login(`${org}-${role}`, password(org, role));
        callers.push({ org, role, token: login.token, user: login.session.user });
      }
    }
  });
  afterAll(() => h?.close());

  /** One probe per route; the test fails when a route has none, so a new route cannot go untested. */
  const probes = (caller: Caller): Record<string, Probe> => {
    const own = ORGS[caller.org];
    const otherOrg = (caller.org === 'org-a' ? 'org-b' : 'org-a') as OrgId;
    return {
      'GET /api/health': { path: '/api/health' },
      // The command-center app's files, when it is built.
      'GET /': { path: '/' },
      'GET /*': { path: '/index.html' },
      'GET /api/stats': { path: '/api/stats' },
      'GET /api/sensors': {
        path: '/api/sensors',
        check: async (response) => {
          const ids = idsOf((await response.json()) as SensorListDto);
          expect(ids.length).toBeGreaterThan(0);
          expect(ids.every((id) => id.startsWith(own.own))).toBe(true);
        },
      },
      'GET /api/readings': {
        path: `/api/readings?sensor=${own.own}temp&from=0&to=1000&format=json`,
        check: async () => {
          const foreign = await h.http(`/api/readings?sensor=${own.other}temp&from=0&to=1000&format=json`, { token: caller.token });
          await expectDenied(foreign, 403, 'TWIN_ERR_AUTH_OUT_OF_SCOPE');
        },
      },
      'POST /api/ingest': { path: '/api/ingest', init: json({ sensor: `${own.own}temp`, readings: [[Date.now(), 20]] }) },
      'POST /api/ingest/:sensorId': { path: `/api/ingest/${own.own}temp`, init: json({ readings: [[Date.now(), 20]] }) },
      'GET /api/models/manifest': {
        path: '/api/models/manifest',
        check: async (response) => {
          const paths = ((await response.json()) as { files: Array<{ path: string }> }).files.map((f) => f.path);
          expect(paths).toContain(`ifc/${own.building}.ifc`);
          expect(paths).not.toContain(`ifc/${own.otherBuilding}.ifc`);
          expect(paths).not.toContain('sensors.json');
        },
      },
      'GET /api/models/files/*': {
        path: `/api/models/files/ifc/${own.building}.ifc`,
        check: async () => expectDenied(await h.http(`/api/models/files/ifc/${own.otherBuilding}.ifc`, { token: caller.token }), 403, 'TWIN_ERR_AUTH_OUT_OF_SCOPE'),
      },
      'GET /api/models/report/*': {
        path: `/api/models/report/ifc/${own.building}.ifc`,
        check: async () => expectDenied(await h.http(`/api/models/report/ifc/${own.otherBuilding}.ifc`, { token: caller.token }), 403, 'TWIN_ERR_AUTH_OUT_OF_SCOPE'),
      },
      'GET /api/models/geometry/*': {
        path: `/api/models/geometry/ifc/${own.building}.ifc`,
        check: async () => expectDenied(await h.http(`/api/models/geometry/ifc/${own.otherBuilding}.ifc`, { token: caller.token }), 403, 'TWIN_ERR_AUTH_OUT_OF_SCOPE'),
      },
      'POST /api/auth/login': { path: '/api/auth/login', init: json({ username: `${caller.org}-${caller.role}`, password: password(caller.org, caller.role) }) },
      'GET /api/auth/session': { path: '/api/auth/session' },
      'GET /api/auth/oidc/providers': { path: '/api/auth/oidc/providers' },
      'GET /api/auth/oidc/:provider/start': { path: `/api/auth/oidc/none/start?redirect_uri=http://127.0.0.1:9/cb&code_challenge=${'x'.repeat(43)}&state=abcdefgh`, status: 404 },
      'GET /api/auth/oidc/callback': { path: '/api/auth/oidc/callback?state=unknown&code=x', status: 400 },
      'POST /api/auth/oidc/token': { path: '/api/auth/oidc/token', init: json({ code: 'unknown', code_verifier: 'v'.repeat(43), redirect_uri: 'http://127.0.0.1:9/cb' }), status: 400 },
      'POST /api/auth/activity': { path: '/api/auth/activity', init: { method: 'POST' } },
      'POST /api/auth/logout': { path: '/api/auth/logout', init: { method: 'POST' }, endsSession: true },
      'POST /api/auth/logout-all': { path: '/api/auth/logout-all', init: { method: 'POST' }, endsSession: true },
      'POST /api/auth/password': { path: '/api/auth/password', init: json({ currentPassword: password(caller.org, caller.role), newPassword: password(caller.org, caller.role) }), endsSession: true },
      'GET /api/admin/users': {
        path: '/api/admin/users',
        check: async (response) => {
          const users = (await response.json()) as UserDto[];
          expect(users.length).toBe(ROLES.length);
          expect(users.every((u) => u.orgId === caller.org)).toBe(true);
          expect(JSON.stringify(users)).not.toMatch(/argon2|passwordHash/);
        },
      },
      'POST /api/admin/users': {
        path: '/api/admin/users',
        init: json({ username: `${caller.org}-new-${caller.role}`, displayName: 'new', password: 'a long enough password', grants: [{ role: 'viewer', scope: { zone: own.zone } }] }),
        check: async () => {
          const outside = await h.http('/api/admin/users', { token: caller.token, ...json({ username: `${caller.org}-sneak`, displayName: 'x', password: 'a long enough password', grants: [{ role: 'viewer', scope: { zone: ORGS[otherOrg].zone } }] }) });
          await expectDenied(outside, 400, 'TWIN_ERR_BAD_REQUEST');
        },
      },
      'PATCH /api/admin/users/:id': {
        path: `/api/admin/users/${caller.user.id}`,
        init: json({ displayName: `${caller.role} (renamed)` }, 'PATCH'),
        check: async () => {
          const foreign = await h.http(`/api/admin/users/${anyUserOf(otherOrg).id}`, { token: caller.token, ...json({ disabled: true }, 'PATCH') });
          await expectDenied(foreign, 404, 'TWIN_ERR_NOT_FOUND');
        },
      },
      'POST /api/admin/users/:id/logout-all': {
        path: `/api/admin/users/${caller.user.id}/logout-all`,
        init: { method: 'POST' },
        endsSession: true,
        check: async () => {
          const fresh = await h.login(`${caller.org}-${caller.role}`, password(caller.org, caller.role));
          const foreign = await h.http(`/api/admin/users/${anyUserOf(otherOrg).id}/logout-all`, { token: fresh.token, method: 'POST' });
          await expectDenied(foreign, 404, 'TWIN_ERR_NOT_FOUND');
        },
      },
      'GET /api/admin/organisation': {
        path: '/api/admin/organisation',
        check: async (response) => expect(((await response.json()) as { id: string }).id).toBe(caller.org),
      },
      'PATCH /api/admin/organisation': { path: '/api/admin/organisation', init: json({ lockoutThreshold: 5 }, 'PATCH') },
      'GET /api/alarms': {
        path: '/api/alarms',
        check: async (response) => {
          const { alarms } = (await response.json()) as { alarms: AlarmDto[] };
          expect(alarms.map((a) => a.sourceId)).toContain(`${own.own}gas`);
          expect(alarms.every((a) => a.sourceId.startsWith(own.own))).toBe(true);
        },
      },
      'GET /api/alarms/events': {
        path: `/api/alarms/events?alarmId=${encodeURIComponent(gasAlarm(own.own))}`,
        check: async (response) => {
          const { events } = (await response.json()) as { events: AlarmEventDto[] };
          expect(events.some((e) => e.type === 'raised')).toBe(true);
          await expectDenied(await h.http(`/api/alarms/events?alarmId=${encodeURIComponent(gasAlarm(own.other))}`, { token: caller.token }), 404, 'TWIN_ERR_ALARM_NOT_FOUND');
        },
      },
      'POST /api/alarms/comment': {
        path: '/api/alarms/comment',
        init: json({ alarmId: gasAlarm(own.own), note: `${caller.role} was here` }),
        check: async () => expectDenied(await h.http('/api/alarms/comment', { token: caller.token, ...json({ alarmId: gasAlarm(own.other), note: 'x' }) }), 404, 'TWIN_ERR_ALARM_NOT_FOUND'),
      },
      // The other organisation's alarm is answered as unknown, to whoever may act on alarms.
      'POST /api/alarms/acknowledge': { path: '/api/alarms/acknowledge', init: json({ alarmIds: [gasAlarm(own.other)] }), status: 404 },
      'POST /api/alarms/shelve': { path: '/api/alarms/shelve', init: json({ alarmId: gasAlarm(own.other), durationMs: 60_000, reason: 'test' }), status: 404 },
      'POST /api/alarms/unshelve': { path: '/api/alarms/unshelve', init: json({ alarmId: gasAlarm(own.other) }), status: 404 },
      'POST /api/alarms/reset': { path: '/api/alarms/reset', init: json({ alarmId: gasAlarm(own.other) }), status: 404 },
      'POST /api/alarms/remove-from-service': { path: '/api/alarms/remove-from-service', init: json({ alarmId: gasAlarm(own.other) }), status: 404 },
      'POST /api/alarms/return-to-service': { path: '/api/alarms/return-to-service', init: json({ alarmId: gasAlarm(own.other) }), status: 404 },
      'GET /api/alarms/kpis': {
        path: `/api/alarms/kpis?from=${Date.now() - 3_600_000}&to=${Date.now() + 60_000}`,
        check: async (response) => {
          const kpis = (await response.json()) as AlarmKpiDto;
          expect(kpis.alarms).toBeGreaterThan(0);
          expect(kpis.topFrequent.every((a) => a.alarmId.endsWith(`/${own.own}gas`) || a.alarmId.includes(`/${own.own}`))).toBe(true);
        },
      },
      // The sample cameras belong to another community than this registry's: none is visible (GOV-3, PLAT-11).
      'GET /api/cameras': {
        path: '/api/cameras',
        check: async (response) => expect(((await response.json()) as CameraListDto).cameras).toEqual([]),
      },
      'GET /api/cameras/:camera/stream/:file': { path: cameraStreamPath('B99/CAM-9'), status: 404 },
      'GET /api/admin/audit': {
        path: '/api/admin/audit?limit=5000',
        check: async (response) => {
          const events = (await response.json()) as AuditEventDto[];
          expect(events.length).toBeGreaterThan(0);
          expect(events.every((e) => e.orgId === caller.org)).toBe(true);
        },
      },
    };
  };

  it('has a probe for every route the server registered', () => {
    const keys = new Set(Object.keys(probes({ org: 'org-a', role: 'viewer', token: '', user: {} as UserDto })));
    const missing = h.server.routes.filter((r) => !keys.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('allows exactly what each role carries, denies the rest with a clear error, and never answers with the other organisation\'s data', async () => {
    let allowed = 0;
    let denied = 0;
    for (const caller of callers) {
      const table = probes(caller);
      for (const route of h.server.routes) {
        const probe = table[`${route.method} ${route.url}`]!;
        let token = caller.token;
        if (probe.endsSession) token = (await h.login(`${caller.org}-${caller.role}`, password(caller.org, caller.role))).token;
        const response = await h.http(probe.path, { token: 'public' in route.access ? null : token, ...probe.init });
        const expected = expectedOutcome(route, caller.role);
        const what = `${caller.org} ${caller.role} ${route.method} ${probe.path}`;
        // Signing out everywhere or changing the password also ends the caller's main session.
        if (probe.endsSession) caller.token = (await h.login(`${caller.org}-${caller.role}`, password(caller.org, caller.role))).token;
        if (expected === 'allowed' && probe.status !== undefined) {
          expect(response.status, what).toBe(probe.status);
        } else if (expected === 'allowed') {
          expect(response.status, `${what}: ${await response.clone().text()}`).toBeLessThan(400);
          await probe.check?.(response, caller);
          allowed++;
        } else {
          await expectDenied(response, expected.status, expected.code, what);
          denied++;
        }
      }
    }
    // Every role is allowed something and denied something (the device routes at least).
    expect(allowed).toBeGreaterThan(callers.length * 5);
    expect(denied).toBeGreaterThan(callers.length * 2);
  });

  it('authorises every socket event per role, and live frames carry only the organisation\'s sensors', async () => {
    const ids = registry.sensors.map((s) => s.id);
    for (const caller of callers) {
      const socket = await h.operator({ token: caller.token });
      const frames: number[] = [];
      socket.on('telemetry:frame', (bytes) => frames.push(...decodeLiveFrame(bytes as unknown as Uint8Array).sensorIndices));
      for (const event of Object.keys(SOCKET_EVENT_ACCESS) as Array<keyof typeof SOCKET_EVENT_ACCESS>) {
        const needs = SOCKET_EVENT_ACCESS[event];
        const result = (event === 'telemetry:subscribe' ? await socket.emitWithAck(event, {}) : await socket.emitWithAck(event)) as { ok: boolean; error?: { code: string } };
        const may = needs === 'session' || (ROLE_PERMISSIONS[caller.role] as readonly Permission[]).includes(needs);
        expect(result.ok, `${caller.org} ${caller.role} ${event}`).toBe(may);
        if (!may) expect(result.error?.code).toBe('TWIN_ERR_AUTH_PERMISSION');
      }
      const foreign = (await socket.emitWithAck('telemetry:subscribe', { sensors: [`${ORGS[caller.org].other}temp`] })) as { ok: boolean; value?: { sensorCount: number } };
      if (foreign.ok) expect(foreign.value?.sensorCount).toBe(0);
      if ((ROLE_PERMISSIONS[caller.role] as readonly Permission[]).includes('telemetry.subscribe')) {
        await socket.emitWithAck('telemetry:subscribe', {});
        const device = await h.device();
        const now = Date.now();
        const batches = ids.filter((id) => !id.endsWith('door')).map((sensor) => ({ sensor, readings: [[now, 1]] }));
        await device.publishAsync('twin/v1/telemetry', JSON.stringify(batches), { qos: 1 });
        await eventually(() => (frames.length > 0 ? true : undefined), 5000, 'a live frame');
        expect(frames.every((index) => ids[index]!.startsWith(ORGS[caller.org].own))).toBe(true);
      }
      socket.close();
    }
  });
});

function expectedOutcome(route: GuardedRoute, role: Role): 'allowed' | { status: number; code: string } {
  const { access } = route;
  if ('public' in access || 'session' in access) return 'allowed';
  if ('device' in access) return { status: 401, code: 'TWIN_ERR_AUTH_INVALID' };
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(access.permission) ? 'allowed' : { status: 403, code: 'TWIN_ERR_AUTH_PERMISSION' };
}

async function expectDenied(response: Response, status: number, code: string, what = ''): Promise<void> {
  expect(response.status, what).toBe(status);
  const body = (await response.json()) as { error?: { code: string; message: string } };
  expect(body.error?.code, what).toBe(code);
  expect(body.error?.message.length, what).toBeGreaterThan(10);
}
