/**
 * An organisation's notification settings: the channels alarms go out on, the people responsible
 * and, per severity, the escalation chain that reaches them.
 * REQ PROP-2 h (remote alarm: notify the responsible person by SMS, phone call, WeChat),
 * PLAT-8 (alarm management), PLAT-5 (each organisation keeps its own settings).
 */
import { z } from 'zod';
import { ALARM_SEVERITIES } from '@twin/protocol';
import { gatewayBodyTemplate, isPlaceholder, placeholdersIn } from './gatewayBody.ts';
import { NOTIFICATION_LANGUAGES } from './notificationTemplates.ts';
import { canReach, matchRecipients, reachableChannels } from './stepDeliveries.ts';

const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'ids are 1-64 characters of letters, digits and ._-');
const urlSchema = z.url({ protocol: /^https?$/, error: 'an http or https URL' });
const headerNameSchema = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'an HTTP header name');
const headersSchema = z.record(headerNameSchema, z.string());
const roleSchema = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'roles are lower-case letters, digits and _, e.g. duty_operator');
const phoneSchema = z.string().regex(/^\+?[0-9]{5,20}$/, 'a phone number: 5-20 digits, optionally after +');

/** A generic HTTP endpoint: receives the alarm, the texts and the recipients as JSON. */
const webhookChannelSchema = z
  .object({
    id: idSchema,
    type: z.literal('webhook'),
    url: urlSchema,
    /** Extra request headers, e.g. an API key. */
    headers: headersSchema.optional(),
    /** Key of the HMAC-SHA256 signature sent in `X-Twin-Signature`. */
    secret: z.string().min(1).optional(),
  })
  .strict();

/** A WeCom (企业微信) group robot. */
const wecomChannelSchema = z
  .object({
    id: idSchema,
    type: z.literal('wecom'),
    /** The robot's webhook address, key included. */
    webhookUrl: urlSchema,
    /** `markdown` (default) renders a title; `text` can @-mention the recipients by phone. */
    format: z.enum(['markdown', 'text']).default('markdown'),
  })
  .strict();

/** A DingTalk (钉钉) group robot, optionally with the robot's signing secret. */
const dingtalkChannelSchema = z
  .object({
    id: idSchema,
    type: z.literal('dingtalk'),
    /** The robot's webhook address, access token included. */
    webhookUrl: urlSchema,
    /** The robot's `SEC…` secret for the signed security setting. */
    secret: z.string().min(1).optional(),
  })
  .strict();

/** An SMTP server to send e-mail through. */
const emailChannelSchema = z
  .object({
    id: idSchema,
    type: z.literal('email'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    /** TLS from the start (usually port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().default(false),
    user: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    /** The sender, e.g. `智慧社区告警 <alarm@community.example>`. */
    from: z.string().min(1),
  })
  .strict()
  .refine((c) => (c.user === undefined) === (c.password === undefined), { path: ['password'], message: 'user and password are given together' });

/** An SMS or voice-call gateway reached over HTTP. */
const gatewayChannelSchema = z
  .object({
    id: idSchema,
    type: z.enum(['sms', 'voice']),
    url: urlSchema,
    method: z.literal('POST').default('POST'),
    /** Extra request headers, e.g. the gateway's credentials. */
    headers: headersSchema.optional(),
    /** The gateway's approved message or speech template, as `{{templateId}}`. */
    templateId: z.string().min(1).optional(),
    /** The JSON body with `{{placeholders}}` (see `GATEWAY_PLACEHOLDERS`); a default when absent. */
    body: z.record(z.string(), z.json()).optional(),
  })
  .strict()
  .superRefine((channel, ctx) => {
    const used = placeholdersIn(gatewayBodyTemplate(channel));
    for (const name of used) {
      if (!isPlaceholder(name)) ctx.addIssue({ code: 'custom', path: ['body'], message: `unknown placeholder {{${name}}}` });
    }
    if (used.includes('templateId') && channel.templateId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['templateId'], message: 'the body uses {{templateId}} but none is set' });
    }
    if (!used.includes('phone')) ctx.addIssue({ code: 'custom', path: ['body'], message: 'the body must use {{phone}}' });
    if (!used.includes('text') && !used.includes('templateId')) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'the body must use {{text}} or {{templateId}}' });
    }
  });

const channelSchema = z.discriminatedUnion('type', [
  webhookChannelSchema,
  wecomChannelSchema,
  dingtalkChannelSchema,
  emailChannelSchema,
  gatewayChannelSchema,
]);

const recipientSchema = z
  .object({
    name: z.string().min(1),
    /** What the person is on duty for, e.g. `duty_operator`, `supervisor`, `manager`. */
    role: roleSchema,
    phone: phoneSchema.optional(),
    email: z.email('an e-mail address').optional(),
    /** The channels this person is reached on; any channel a step names when absent. */
    channels: z.array(idSchema).optional(),
  })
  .strict();

const recipientRefSchema = z.union([z.object({ role: roleSchema }).strict(), z.object({ name: z.string().min(1) }).strict()]);

const stepSchema = z
  .object({
    /** Minutes after the alarm was raised at which this step falls due (0: at once). */
    afterMinutes: z.number().finite().nonnegative(),
    recipients: z.array(recipientRefSchema).min(1),
    /** The channels of this step; each recipient's own channels when absent. */
    channels: z.array(idSchema).min(1).optional(),
  })
  .strict();

const chainSchema = z
  .object({
    steps: z.array(stepSchema).min(1),
    /**
     * What an alarm that returned to normal unacknowledged (`rtn_unack`) does: `continue`
     * (default) goes on escalating, since nobody has responded yet; `stop` ends the chain.
     */
    whenReturnedUnacknowledged: z.enum(['continue', 'stop']).default('continue'),
  })
  .strict();

/**
 * The notification settings file of an organisation (JSON). Channels carry their own addresses
 * and secrets; recipients name the channels they are reached on; each severity may have an
 * escalation chain whose steps fall due `afterMinutes` after the alarm was raised, until it is
 * acknowledged.
 *
 * Group channels (`webhook`, `wecom`, `dingtalk`) post one message per step for all its
 * recipients (mentioning their phones where the robot can); personal channels (`sms`, `voice`,
 * `email`) send one message per recipient and need the recipient's phone or e-mail address.
 * A webhook with a `secret` is signed: `X-Twin-Timestamp` carries the send time in epoch ms and
 * `X-Twin-Signature` is `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>` with the secret.
 *
 * @example
 * ```json
 * {
 *   "language": "zh",
 *   "channels": [
 *     { "id": "ops-wecom", "type": "wecom", "webhookUrl": "https://wecom.example/cgi-bin/webhook/send?key=KEY" },
 *     { "id": "ops-dingtalk", "type": "dingtalk", "webhookUrl": "https://dingtalk.example/robot/send?access_token=TOKEN", "secret": "SEC…" },
 *     { "id": "sms", "type": "sms", "url": "https://sms.example/send", "headers": { "Authorization": "Bearer TOKEN" },
 *       "templateId": "ALARM_01", "body": { "mobile": "{{phone}}", "template": "{{templateId}}", "params": { "content": "{{text}}" } } },
 *     { "id": "voice", "type": "voice", "url": "https://voice.example/call" },
 *     { "id": "mail", "type": "email", "host": "smtp.community.example", "port": 465, "secure": true,
 *       "user": "alarm", "password": "…", "from": "智慧社区告警 <alarm@community.example>" },
 *     { "id": "bms", "type": "webhook", "url": "https://bms.example/alarms", "secret": "…" }
 *   ],
 *   "recipients": [
 *     { "name": "张伟", "role": "duty_operator", "phone": "13800000001", "channels": ["sms", "ops-wecom"] },
 *     { "name": "李娜", "role": "supervisor", "phone": "13800000002", "email": "lina@community.example" },
 *     { "name": "王强", "role": "manager", "phone": "13800000003", "email": "wangqiang@community.example" }
 *   ],
 *   "escalation": {
 *     "critical": {
 *       "steps": [
 *         { "afterMinutes": 0, "recipients": [{ "role": "duty_operator" }], "channels": ["sms", "ops-wecom"] },
 *         { "afterMinutes": 5, "recipients": [{ "role": "supervisor" }], "channels": ["voice"] },
 *         { "afterMinutes": 15, "recipients": [{ "role": "manager" }], "channels": ["voice", "mail"] }
 *       ]
 *     },
 *     "high": {
 *       "steps": [
 *         { "afterMinutes": 0, "recipients": [{ "role": "duty_operator" }] },
 *         { "afterMinutes": 30, "recipients": [{ "name": "李娜" }], "channels": ["sms"] }
 *       ],
 *       "whenReturnedUnacknowledged": "stop"
 *     }
 *   }
 * }
 * ```
 */
export const notificationConfigSchema = z
  .object({
    /** The language of the messages: `zh` (default) or `en`. */
    language: z.enum(NOTIFICATION_LANGUAGES).default('zh'),
    channels: z.array(channelSchema),
    recipients: z.array(recipientSchema),
    escalation: z
      .object({ critical: chainSchema.optional(), high: chainSchema.optional(), medium: chainSchema.optional(), low: chainSchema.optional() })
      .strict(),
  })
  .strict()
  .superRefine(checkReferences);

/** An organisation's notification settings, as parsed (defaults filled in). */
export type NotificationConfig = z.infer<typeof notificationConfigSchema>;

/** The notification settings as written in the file (defaults may be left out). */
export type NotificationConfigInput = z.input<typeof notificationConfigSchema>;

/** A channel of any type. */
export type NotificationChannel = NotificationConfig['channels'][number];

/** A channel type: `webhook`, `wecom`, `dingtalk`, `email`, `sms` or `voice`. */
export type NotificationChannelType = NotificationChannel['type'];

/** A generic webhook channel. */
export type WebhookChannel = Extract<NotificationChannel, { type: 'webhook' }>;

/** A WeCom group robot channel. */
export type WecomChannel = Extract<NotificationChannel, { type: 'wecom' }>;

/** A DingTalk group robot channel. */
export type DingtalkChannel = Extract<NotificationChannel, { type: 'dingtalk' }>;

/** An SMTP e-mail channel. */
export type EmailChannel = Extract<NotificationChannel, { type: 'email' }>;

/** An SMS or voice-call gateway channel. */
export type GatewayChannel = Extract<NotificationChannel, { type: 'sms' | 'voice' }>;

/** A person responsible for alarms. */
export type NotificationRecipient = NotificationConfig['recipients'][number];

/** Who a step reaches: everyone with a role, or one person by name. */
export type RecipientRef = z.infer<typeof recipientRefSchema>;

/** One step of an escalation chain. */
export type EscalationStep = z.infer<typeof stepSchema>;

/** The escalation chain of one severity. */
export type EscalationChain = z.infer<typeof chainSchema>;

/** One problem of a settings file: the field, dot-separated (`escalation.critical.steps.1.channels.0`), and what is wrong. */
export interface NotificationConfigIssue {
  path: string;
  message: string;
}

/** Notification settings that do not validate; `issues` names every field at fault. */
export class NotificationConfigError extends Error {
  override name = 'NotificationConfigError';

  constructor(readonly issues: readonly NotificationConfigIssue[]) {
    super(`notification settings are not valid: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

/**
 * Validates a parsed settings file and fills in defaults.
 * @throws NotificationConfigError naming each field at fault.
 */
export function parseNotificationConfig(input: unknown): NotificationConfig {
  const parsed = notificationConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new NotificationConfigError(parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })));
}

type Issues = { addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void };

// Cross-references: ids unique, every channel and recipient a step or person names exists, and
// every person a step names can be reached on at least one of its channels.
function checkReferences(config: NotificationConfig, ctx: Issues): void {
  const channels = new Map<string, NotificationChannel>();
  config.channels.forEach((channel, i) => {
    if (channels.has(channel.id)) ctx.addIssue({ code: 'custom', path: ['channels', i, 'id'], message: `channel id "${channel.id}" is used twice` });
    channels.set(channel.id, channel);
  });
  const names = new Set<string>();
  config.recipients.forEach((recipient, i) => {
    if (names.has(recipient.name)) ctx.addIssue({ code: 'custom', path: ['recipients', i, 'name'], message: `recipient "${recipient.name}" is listed twice` });
    names.add(recipient.name);
    recipient.channels?.forEach((id, j) => {
      const channel = channels.get(id);
      const path = ['recipients', i, 'channels', j];
      if (channel === undefined) ctx.addIssue({ code: 'custom', path, message: `unknown channel "${id}"` });
      else if (!canReach(channel, recipient)) ctx.addIssue({ code: 'custom', path, message: `${channel.type} channel "${id}" needs ${addressNeeded(channel)}` });
    });
  });
  for (const severity of ALARM_SEVERITIES) {
    const steps = config.escalation[severity]?.steps ?? [];
    steps.forEach((step, k) => checkStep(config, channels, step, steps[k - 1], ['escalation', severity, 'steps', k], ctx));
  }
}

function checkStep(
  config: NotificationConfig,
  channels: Map<string, NotificationChannel>,
  step: EscalationStep,
  previous: EscalationStep | undefined,
  path: (string | number)[],
  ctx: Issues,
): void {
  if (previous !== undefined && step.afterMinutes < previous.afterMinutes) {
    ctx.addIssue({ code: 'custom', path: [...path, 'afterMinutes'], message: `steps go in time order: ${step.afterMinutes} min is earlier than the step before (${previous.afterMinutes} min)` });
  }
  step.channels?.forEach((id, c) => {
    if (!channels.has(id)) ctx.addIssue({ code: 'custom', path: [...path, 'channels', c], message: `unknown channel "${id}"` });
  });
  step.recipients.forEach((ref, r) => {
    const matched = matchRecipients(config, ref);
    if (matched.length === 0) {
      const message = 'role' in ref ? `no recipient has role "${ref.role}"` : `no recipient is named "${ref.name}"`;
      ctx.addIssue({ code: 'custom', path: [...path, 'recipients', r], message });
    }
    for (const recipient of matched) {
      if (reachableChannels(config, step, recipient).length === 0) {
        ctx.addIssue({ code: 'custom', path: [...path, 'recipients', r], message: `${recipient.name} cannot be reached on any channel of this step` });
      }
    }
  });
}

function addressNeeded(channel: NotificationChannel): string {
  return channel.type === 'email' ? 'an e-mail address' : 'a phone number';
}
