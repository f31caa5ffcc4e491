import { describe, expect, it } from 'vitest';
import { NotificationConfigError, parseNotificationConfig, type NotificationConfigInput } from './notificationConfig.ts';
import { exampleSettings } from './testing/notifyFixtures.ts';

type Edit = (settings: NotificationConfigInput & Record<string, unknown>) => void;

function issuesOf(edit: Edit) {
  const settings = exampleSettings() as NotificationConfigInput & Record<string, unknown>;
  edit(settings);
  try {
    parseNotificationConfig(settings);
  } catch (error) {
    expect(error).toBeInstanceOf(NotificationConfigError);
    return (error as NotificationConfigError).issues;
  }
  throw new Error('the settings were accepted');
}

describe('notification settings (REQ PROP-2 h, PLAT-8)', () => {
  it('accepts the documented example and fills in the defaults', () => {
    const config = parseNotificationConfig(exampleSettings());
    expect(config.language).toBe('zh');
    expect(config.channels.find((c) => c.id === 'ops-wecom')).toMatchObject({ format: 'markdown' });
    expect(config.channels.find((c) => c.id === 'voice')).toMatchObject({ method: 'POST' });
    expect(config.escalation.critical?.whenReturnedUnacknowledged).toBe('continue');
    expect(config.escalation.high?.whenReturnedUnacknowledged).toBe('stop');
    expect(config.escalation.critical?.steps.map((s) => s.afterMinutes)).toEqual([0, 5, 15]);
  });

  it('defaults the language, the e-mail security and the chain policy when left out', () => {
    const settings = exampleSettings();
    delete settings.language;
    settings.channels = [{ id: 'mail', type: 'email', host: 'smtp.community.example', port: 25, from: 'alarm@community.example' }];
    settings.recipients = [{ name: '李娜', role: 'supervisor', email: 'lina@community.example' }];
    settings.escalation = { low: { steps: [{ afterMinutes: 0, recipients: [{ name: '李娜' }], channels: ['mail'] }] } };
    const config = parseNotificationConfig(settings);
    expect(config.language).toBe('zh');
    expect(config.channels[0]).toMatchObject({ secure: false });
    expect(config.escalation.low?.whenReturnedUnacknowledged).toBe('continue');
  });

  const cases: { name: string; edit: Edit; path: string; message: RegExp }[] = [
    { name: 'an unknown channel type', edit: (s) => Object.assign(s.channels[0]!, { type: 'pager' }), path: 'channels.0.type', message: /./ },
    { name: 'a robot address that is not an http URL', edit: (s) => Object.assign(s.channels[0]!, { webhookUrl: 'ftp://wecom.example/x' }), path: 'channels.0.webhookUrl', message: /http or https URL/ },
    { name: 'a channel id used twice', edit: (s) => Object.assign(s.channels[1]!, { id: 'ops-wecom' }), path: 'channels.1.id', message: /"ops-wecom" is used twice/ },
    { name: 'a placeholder the gateway body cannot fill', edit: (s) => Object.assign(s.channels[2]!, { body: { mobile: '{{phone}}', content: '{{txt}}' } }), path: 'channels.2.body', message: /unknown placeholder \{\{txt\}\}/ },
    { name: 'a gateway body without the phone', edit: (s) => Object.assign(s.channels[2]!, { body: { content: '{{text}}' } }), path: 'channels.2.body', message: /must use \{\{phone\}\}/ },
    { name: 'a template id placeholder without a template id', edit: (s) => Object.assign(s.channels[2]!, { templateId: undefined }), path: 'channels.2.templateId', message: /none is set/ },
    { name: 'a gateway method other than POST', edit: (s) => Object.assign(s.channels[3]!, { method: 'GET' }), path: 'channels.3.method', message: /./ },
    { name: 'an SMTP user without a password', edit: (s) => Object.assign(s.channels[4]!, { password: undefined }), path: 'channels.4.password', message: /together/ },
    { name: 'an SMTP port out of range', edit: (s) => Object.assign(s.channels[4]!, { port: 70000 }), path: 'channels.4.port', message: /./ },
    { name: 'a field nobody knows', edit: (s) => Object.assign(s.channels[5]!, { secretKey: 'x' }), path: 'channels.5', message: /secretKey/ },
    { name: 'a recipient listed twice', edit: (s) => Object.assign(s.recipients[1]!, { name: '张伟' }), path: 'recipients.1.name', message: /"张伟" is listed twice/ },
    { name: 'a malformed phone number', edit: (s) => Object.assign(s.recipients[0]!, { phone: '138-0000' }), path: 'recipients.0.phone', message: /phone number/ },
    { name: 'a malformed e-mail address', edit: (s) => Object.assign(s.recipients[1]!, { email: 'lina' }), path: 'recipients.1.email', message: /e-mail/ },
    { name: 'a recipient naming an unknown channel', edit: (s) => Object.assign(s.recipients[0]!, { channels: ['sms', 'pager'] }), path: 'recipients.0.channels.1', message: /unknown channel "pager"/ },
    { name: 'an SMS channel for a person without a phone', edit: (s) => Object.assign(s.recipients[0]!, { phone: undefined }), path: 'recipients.0.channels.0', message: /sms channel "sms" needs a phone number/ },
    { name: 'an unknown severity', edit: (s) => Object.assign(s.escalation, { urgent: { steps: [] } }), path: 'escalation', message: /urgent/ },
    { name: 'an empty chain', edit: (s) => Object.assign(s.escalation, { low: { steps: [] } }), path: 'escalation.low.steps', message: /./ },
    { name: 'a negative delay', edit: (s) => Object.assign(s.escalation.critical!.steps[0]!, { afterMinutes: -1 }), path: 'escalation.critical.steps.0.afterMinutes', message: /./ },
    { name: 'steps out of time order', edit: (s) => Object.assign(s.escalation.critical!.steps[2]!, { afterMinutes: 4 }), path: 'escalation.critical.steps.2.afterMinutes', message: /time order: 4 min is earlier than the step before \(5 min\)/ },
    { name: 'a step naming an unknown channel', edit: (s) => Object.assign(s.escalation.critical!.steps[1]!, { channels: ['phone'] }), path: 'escalation.critical.steps.1.channels.0', message: /unknown channel "phone"/ },
    { name: 'a step naming a role nobody has', edit: (s) => Object.assign(s.escalation.critical!.steps[1]!, { recipients: [{ role: 'director' }] }), path: 'escalation.critical.steps.1.recipients.0', message: /no recipient has role "director"/ },
    { name: 'a step naming an unknown person', edit: (s) => Object.assign(s.escalation.high!.steps[1]!, { recipients: [{ name: '赵六' }] }), path: 'escalation.high.steps.1.recipients.0', message: /no recipient is named "赵六"/ },
    { name: 'a step that cannot reach a person', edit: (s) => Object.assign(s.escalation.critical!.steps[0]!, { channels: ['mail'] }), path: 'escalation.critical.steps.0.recipients.0', message: /张伟 cannot be reached on any channel of this step/ },
  ];

  it.each(cases)('names the field at fault for $name', ({ edit, path, message }) => {
    const issues = issuesOf(edit);
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it('puts every field at fault into the error message', () => {
    const settings = exampleSettings();
    Object.assign(settings.recipients[0]!, { channels: ['pager'] });
    Object.assign(settings.escalation.critical!.steps[1]!, { channels: ['phone'] });
    expect(() => parseNotificationConfig(settings)).toThrow(/recipients\.0\.channels\.0: unknown channel "pager".*escalation\.critical\.steps\.1\.channels\.0: unknown channel "phone"/);
  });

  it('refuses something that is not an object', () => {
    expect(() => parseNotificationConfig([])).toThrow(NotificationConfigError);
  });
});
