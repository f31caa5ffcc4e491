/**
 * The JSON body an SMS or voice-call gateway receives, built from a per-channel template.
 * REQ PROP-2 h (notify the responsible person by SMS and phone call).
 */

/** A JSON value, as a gateway body template holds. */
export type GatewayBodyValue = string | number | boolean | null | GatewayBodyValue[] | { [key: string]: GatewayBodyValue };

/** A JSON object, the shape of every gateway body. */
export type GatewayBody = { [key: string]: GatewayBodyValue };

/**
 * The placeholders a gateway body template may use, each written `{{name}}` inside a string:
 * - `phone`: the recipient's phone number;
 * - `text`: the short message (one SMS segment; also what a voice call reads out);
 * - `templateId`: the channel's `templateId` (the gateway's approved message template);
 * - `title`: the notification title;
 * - `recipient`: the recipient's name;
 * - `alarmId`: the alarm id;
 * - `severity`: `critical`, `high`, `medium` or `low`.
 */
export const GATEWAY_PLACEHOLDERS = ['phone', 'text', 'templateId', 'title', 'recipient', 'alarmId', 'severity'] as const;

/** A gateway placeholder name, e.g. `'phone'`. */
export type GatewayPlaceholder = (typeof GATEWAY_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * The body template a gateway channel uses: its own `body`, else `{"phone":"{{phone}}","text":"{{text}}"}`
 * with `"templateId":"{{templateId}}"` added when the channel has a template id.
 */
export function gatewayBodyTemplate(channel: { body?: GatewayBody | undefined; templateId?: string | undefined }): GatewayBody {
  if (channel.body !== undefined) return channel.body;
  return channel.templateId === undefined
    ? { phone: '{{phone}}', text: '{{text}}' }
    : { phone: '{{phone}}', templateId: '{{templateId}}', text: '{{text}}' };
}

/** Every placeholder name a template uses, known or not, without repeats, in order of appearance. */
export function placeholdersIn(template: GatewayBodyValue): string[] {
  const names = new Set<string>();
  visitStrings(template, (text) => {
    for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
  });
  return [...names];
}

/**
 * The body with every `{{name}}` replaced by its value; keys, numbers, booleans and nulls are
 * kept as they are.
 *
 * @example
 * renderGatewayBody({ to: '{{phone}}', params: ['{{text}}'] }, values)
 * // → { to: '13800000001', params: ['【紧急】…'] }
 */
export function renderGatewayBody(template: GatewayBody, values: Readonly<Record<GatewayPlaceholder, string>>): GatewayBody {
  return renderValue(template, values) as GatewayBody;
}

function renderValue(value: GatewayBodyValue, values: Readonly<Record<GatewayPlaceholder, string>>): GatewayBodyValue {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
  }
  if (Array.isArray(value)) return value.map((item) => renderValue(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item, values)]));
  }
  return value;
}

function visitStrings(value: GatewayBodyValue, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((item) => visitStrings(item, visit));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => visitStrings(item, visit));
}

/** Whether `name` is one of {@link GATEWAY_PLACEHOLDERS}. */
export function isPlaceholder(name: string): name is GatewayPlaceholder {
  return (GATEWAY_PLACEHOLDERS as readonly string[]).includes(name);
}
