import type { IdentityService } from '../identity/identityService.ts';
import type { TwinSocketServer } from '../live/socketGuard.ts';
import type { Logger } from '../logging/logger.ts';
import type { DeviceChannel } from '../mqtt/deviceChannel.ts';
import { NotificationDispatcher } from '../notify/notificationDispatcher.ts';
import type { SensorCatalog } from '../registry/sensorCatalog.ts';
import type { ServerConfig } from '../serverConfig.ts';
import type { TelemetryStore } from '../storage/telemetryStore.ts';
import { AlarmNotifier } from './alarmNotifier.ts';
import { AlarmService } from './alarmService.ts';
import { loadAlarmRules, loadNotificationSettings } from './alarmSettings.ts';
import { EarlyWarningJob } from './earlyWarningJob.ts';

const NOTIFY_TICK_MS = 1000;

/**
 * Starts alarm management: the rules in force, the alarm service on the alarm log's own database,
 * notification with escalation for the organisations that configured it, and early warning from
 * the stored history (REQ PROP-2 g).
 */
export async function openAlarms(
  config: Pick<ServerConfig, 'alarmRulesPath' | 'notificationsPath' | 'alarmTickMs' | 'earlyWarningIntervalMs'>,
  deps: { store: TelemetryStore; catalog: SensorCatalog; identity: IdentityService; io: TwinSocketServer; devices: DeviceChannel; logger: Logger },
): Promise<{ service: AlarmService; close(): Promise<void> }> {
  const rules = await loadAlarmRules(config.alarmRulesPath, deps.catalog.registry);
  const settings = await loadNotificationSettings(config.notificationsPath);
  const alarmStore = deps.store.alarms;
  let notifier: AlarmNotifier | undefined;
  const service = await AlarmService.open({
    store: alarmStore,
    catalog: deps.catalog,
    rules,
    devices: deps.devices,
    io: deps.io,
    logger: deps.logger,
    tickMs: config.alarmTickMs,
    onDurable: (batch) => notifier?.observe(batch.events, Date.now()),
  });
  let timer: ReturnType<typeof setInterval> | undefined;
  if (settings.size > 0) {
    const organisations = [...settings].map(([id, notificationConfig]) => {
      if (deps.identity.organisation(id) === undefined) deps.logger.warn('notification settings name an organisation that does not exist', { orgId: id });
      return { id, domain: () => deps.identity.organisation(id)?.domain ?? [], config: notificationConfig, dispatcher: new NotificationDispatcher(notificationConfig, { logger: deps.logger.child('notify') }) };
    });
    notifier = new AlarmNotifier(organisations, { target: (a) => service.target(a), alarm: (id) => service.alarm(id), record: (events) => service.record(events), logger: deps.logger.child('notify') });
    const annunciated = service.annunciated();
    const since = Math.min(Date.now(), ...annunciated.map((a) => a.activeSinceMs ?? Number.POSITIVE_INFINITY));
    notifier.restore(annunciated, await alarmStore.eventsBetween(since, Number.MAX_SAFE_INTEGER, ['notified', 'escalated']), Date.now());
    const n = notifier;
    timer = setInterval(() => n.tick(Date.now()), NOTIFY_TICK_MS);
    timer.unref();
  }
  const earlyWarning = new EarlyWarningJob({ store: deps.store, alarms: service, catalog: deps.catalog, rules, logger: deps.logger.child('early-warning') }, { intervalMs: config.earlyWarningIntervalMs });
  return {
    service,
    close: async () => {
      await earlyWarning.close();
      if (timer !== undefined) clearInterval(timer);
      await service.close();
    },
  };
}
