/**
 * The alarm rules file: a JSON document an administrator edits, validated here. Each rule says
 * which sensors it watches, the condition that makes an alarm, its severity, whether it latches,
 * when it is suppressed by design and which device commands it triggers. REQ PLAT-8 (alarm
 * management), PLAT-6 (commands to subsystems), MUN-5, ENV-4, ENV-5.
 *
 * Device ids in `suppressWhile` and `linkage` may be templates resolved per sensor:
 * `{building}`, `{area}` and `{sensorId}` (e.g. `{building}/GAS-ESV` → `B01/GAS-ESV`). A sensor for
 * which a template cannot be resolved (no building) gets no suppression or linkage from it.
 *
 * @example
 * {
 *   "version": 1,
 *   "rules": [{
 *     "id": "gas-lel-high", "name": "可燃气体浓度报警", "nameEn": "Combustible gas alarm",
 *     "match": { "kinds": ["gas_lel"] },
 *     "condition": { "type": "high", "defaultLimit": 20, "deadband": 2 },
 *     "severity": "critical", "latching": true,
 *     "linkage": [{ "device": "{building}/GAS-ESV", "command": "close", "confirmWithinMs": 5000 }]
 *   }]
 * }
 */
import { z } from 'zod';
import { ALARM_SEVERITIES, DEVICE_COMMANDS, DEVICE_STATES, SENSOR_KIND_IDS, sensorLocationSchema, type SensorKind } from '@twin/protocol';

/** Placeholders a device template may use. */
export const TEMPLATE_PLACEHOLDERS = ['building', 'area', 'sensorId'] as const;

/** Rule id the engine uses for its own `command_unconfirmed` alarms; no rule may take it. */
export const COMMAND_UNCONFIRMED_RULE_ID = 'command-unconfirmed';

const PLACEHOLDER = /\{([^{}]*)\}/g;

const deviceTemplateSchema = z
  .string()
  .min(1)
  .superRefine((template, ctx) => {
    for (const [, name] of template.matchAll(PLACEHOLDER)) {
      if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name ?? '')) {
        ctx.addIssue({ code: 'custom', message: `unknown placeholder {${name}}; use ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` });
      }
    }
    if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) ctx.addIssue({ code: 'custom', message: 'unbalanced braces' });
  });

/** A limit in the sensor's unit: one number, or day and night values (night 22:00–06:00 local). */
const limitSpecSchema = z.union([z.number().finite(), z.object({ day: z.number().finite(), night: z.number().finite().optional() }).strict()]);

const durationMsSchema = z.number().int().nonnegative();

/** High, high-high, low or low-low limit. */
const limitConditionSchema = z
  .object({
    type: z.enum(['high', 'high_high', 'low', 'low_low']),
    /** The limit, overriding the registry's thresholds. */
    limit: limitSpecSchema.optional(),
    /** The limit where the registry has none for the sensor (registry thresholds take precedence). */
    defaultLimit: limitSpecSchema.optional(),
    /** Hysteresis where the registry has none, in the sensor's unit. Default 0. */
    deadband: z.number().finite().nonnegative().optional(),
    /** Time the value must stay at or beyond the limit before the alarm activates. Default 0. */
    onDelayMs: durationMsSchema.optional(),
    /** Time the value must stay clear before the alarm clears. Default 0. */
    offDelayMs: durationMsSchema.optional(),
  })
  .strict();

/** Change per minute over a window reaching a limit. */
const rateOfChangeConditionSchema = z
  .object({
    type: z.literal('rate_of_change'),
    maxPerMinute: z.number().finite().positive(),
    windowMs: z.number().int().positive(),
    /** Default `either`. */
    direction: z.enum(['rise', 'fall', 'either']).optional(),
  })
  .strict();

/** No reading for a number of sampling intervals, or for a fixed time. */
const staleConditionSchema = z
  .object({
    type: z.literal('stale'),
    afterIntervals: z.number().finite().positive().optional(),
    afterMs: z.number().int().positive().optional(),
  })
  .strict()
  .refine((c) => (c.afterIntervals === undefined) !== (c.afterMs === undefined), { message: 'give exactly one of afterIntervals and afterMs' });

/** A reading outside the instrument range, or a flat line. */
const faultConditionSchema = z
  .object({
    type: z.literal('fault'),
    /** Overrides the registry's instrument range. */
    range: z
      .object({ min: z.number().finite(), max: z.number().finite() })
      .strict()
      .refine((r) => r.min < r.max, { message: 'min must be below max' })
      .optional(),
    flatlineMs: z.number().int().positive().optional(),
    /** Default 0. */
    flatlineTolerance: z.number().finite().nonnegative().optional(),
  })
  .strict();

const conditionSchema = z.discriminatedUnion('type', [limitConditionSchema, rateOfChangeConditionSchema, staleConditionSchema, faultConditionSchema]);

const nonEmptyStrings = z.array(z.string().min(1)).min(1);

/** Which sensors: every criterion given must hold; within a list any entry will do. `{}` is every sensor. */
const sensorCriteriaSchema = z
  .object({
    sensorIds: nonEmptyStrings.optional(),
    kinds: z.array(z.enum(SENSOR_KIND_IDS as [SensorKind, ...SensorKind[]])).min(1).optional(),
    areas: nonEmptyStrings.optional(),
    buildings: nonEmptyStrings.optional(),
    placements: z.array(sensorLocationSchema.shape.placement).min(1).optional(),
  })
  .strict();

/**
 * A command sent to a device when the alarm's condition becomes active (REQ PLAT-6); the device
 * confirms it by reporting the state the command leaves it in (`close` → `closed`).
 */
const linkageSchema = z
  .object({
    device: deviceTemplateSchema,
    command: z.enum(DEVICE_COMMANDS),
    confirmWithinMs: z.number().int().positive(),
  })
  .strict();

/** One alarm rule. */
export const alarmRuleSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'rule ids are 1-64 letters, digits and ._:- (no /)'),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    /** Default true. */
    enabled: z.boolean().optional(),
    match: sensorCriteriaSchema,
    /** Sensors left out even though they match. */
    exclude: sensorCriteriaSchema.optional(),
    condition: conditionSchema,
    severity: z.enum(ALARM_SEVERITIES),
    /** Default false. */
    latching: z.boolean().optional(),
    /** Suppress by design while the device reports this state (e.g. downstream of a closed valve). */
    suppressWhile: z.object({ device: deviceTemplateSchema, state: z.enum(DEVICE_STATES) }).strict().optional(),
    linkage: z.array(linkageSchema).optional(),
  })
  .strict();

/** The rules file. */
export const alarmRulesFileSchema = z
  .object({
    version: z.literal(1),
    rules: z.array(alarmRuleSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rules.forEach((rule, index) => {
      if (rule.id === COMMAND_UNCONFIRMED_RULE_ID) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `${COMMAND_UNCONFIRMED_RULE_ID} is reserved` });
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id ${rule.id}` });
      seen.add(rule.id);
    });
  });

/** One alarm rule. */
export type AlarmRule = z.infer<typeof alarmRuleSchema>;
/** The alarm rules file. */
export type AlarmRulesFile = z.infer<typeof alarmRulesFileSchema>;
/** A rule's condition. */
export type AlarmRuleCondition = z.infer<typeof conditionSchema>;
/** A limit as a rule gives it. */
export type LimitSpec = z.infer<typeof limitSpecSchema>;
/** Sensor selection criteria. */
export type SensorCriteria = z.infer<typeof sensorCriteriaSchema>;
/** A linkage action as a rule gives it. */
export type AlarmLinkage = z.infer<typeof linkageSchema>;

/** One problem of a rules file, located by rule index and id (when inside a rule) and field. */
export interface AlarmRuleIssue {
  ruleIndex?: number;
  ruleId?: string;
  /** Dotted path inside the rule, or inside the file for file-level problems, e.g. `condition.onDelayMs`. */
  field: string;
  /** What is wrong with the field. */
  problem: string;
  /** The whole finding in one line, e.g. `rule 3 (gas-lel-high) condition.onDelayMs: Too small…`. */
  message: string;
}

/** The outcome of {@link parseAlarmRules}. */
export type AlarmRulesParse = { ok: true; file: AlarmRulesFile } | { ok: false; issues: AlarmRuleIssue[] };

/**
 * Validates a parsed rules file. Every problem names the rule (index and id) and the field.
 *
 * @example
 * const parsed = parseAlarmRules(JSON.parse(text));
 * if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
 */
export function parseAlarmRules(json: unknown): AlarmRulesParse {
  const result = alarmRulesFileSchema.safeParse(json);
  if (result.success) return { ok: true, file: result.data };
  return { ok: false, issues: result.error.issues.map((issue) => locateIssue(json, issue)) };
}

function locateIssue(json: unknown, issue: z.core.$ZodIssue): AlarmRuleIssue {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path;
  const problem = issue.message;
  if (path[0] !== 'rules' || typeof path[1] !== 'number') {
    const field = formatPath(path) || '(file)';
    return { field, problem, message: `rules file ${field}: ${problem}` };
  }
  const ruleIndex = path[1];
  const raw: unknown = (json as { rules?: unknown[] }).rules?.[ruleIndex];
  const id = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  const ruleId = typeof id === 'string' ? id : undefined;
  const field = formatPath(path.slice(2)) || '(rule)';
  const located = ruleId === undefined ? `rule ${ruleIndex}` : `rule ${ruleIndex} (${ruleId})`;
  return { ruleIndex, ...(ruleId === undefined ? {} : { ruleId }), field, problem, message: `${located} ${field}: ${problem}` };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`), '');
}
