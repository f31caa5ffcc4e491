import { readFile } from 'node:fs/promises';
import { defaultAlarmRules, parseAlarmRules, parseNotificationConfig, NotificationConfigError, type AlarmRule, type NotificationConfig } from '@twin/domain';
import type { SensorRegistry } from '@twin/protocol';
import { z } from 'zod';

/**
 * The alarm rules in force: the administrator's rules file, or the guideline's default rules for
 * the registry when there is none. A file that is not valid stops the start with every problem
 * named (rule, field, what is wrong).
 */
export async function loadAlarmRules(path: string | undefined, registry: SensorRegistry): Promise<AlarmRule[]> {
  if (path === undefined) return defaultAlarmRules(registry).rules;
  const parsed = parseAlarmRules(await readJson(path));
  if (!parsed.ok) throw new Error(`alarm rules ${path} are not valid:\n${parsed.issues.map((i) => `  ${i.message}`).join('\n')}`);
  return parsed.file.rules;
}

const notificationsFileSchema = z.object({ organisations: z.record(z.string().min(1), z.unknown()) }).strict();

/**
 * Notification settings per organisation (REQ PROP-2 h): `{"organisations": {"<orgId>": {...}}}`,
 * each validated with its channels, recipients and escalation chains. None when there is no file.
 */
export async function loadNotificationSettings(path: string | undefined): Promise<Map<string, NotificationConfig>> {
  if (path === undefined) return new Map();
  const file = notificationsFileSchema.safeParse(await readJson(path));
  if (!file.success) throw new Error(`notifications ${path}: expected {"organisations": {"<orgId>": {...}}}: ${file.error.issues[0]!.message}`);
  const settings = new Map<string, NotificationConfig>();
  for (const [orgId, config] of Object.entries(file.data.organisations)) {
    try {
      settings.set(orgId, parseNotificationConfig(config));
    } catch (error) {
      if (error instanceof NotificationConfigError) throw new Error(`notifications ${path}, organisation ${orgId}:\n${error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
      throw error;
    }
  }
  return settings;
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}
