import { describe, expect, it } from 'vitest';
import { parseNotificationConfig } from './notificationConfig.ts';
import { stepDeliveries } from './stepDeliveries.ts';
import { exampleSettings } from './testing/notifyFixtures.ts';

describe('stepDeliveries (REQ PROP-2 h)', () => {
  const config = parseNotificationConfig(exampleSettings());

  it('sends one SMS per person and one group message for the step', () => {
    expect(stepDeliveries(config, 'critical', 0)).toEqual([
      { stepIndex: 0, channelId: 'sms', recipients: ['张伟'] },
      { stepIndex: 0, channelId: 'ops-wecom', recipients: ['张伟'] },
    ]);
  });

  it('reaches a person on every channel of the step they have an address for', () => {
    expect(stepDeliveries(config, 'critical', 2)).toEqual([
      { stepIndex: 2, channelId: 'voice', recipients: ['王强'] },
      { stepIndex: 2, channelId: 'mail', recipients: ['王强'] },
    ]);
  });

  it("uses each person's own channels when the step names none", () => {
    expect(stepDeliveries(config, 'high', 0)).toEqual([
      { stepIndex: 0, channelId: 'sms', recipients: ['张伟'] },
      { stepIndex: 0, channelId: 'ops-wecom', recipients: ['张伟'] },
    ]);
  });

  it('gathers everyone of a step into one group message and skips channels a person does not accept', () => {
    const settings = exampleSettings();
    settings.escalation.critical!.steps[1] = { afterMinutes: 5, recipients: [{ role: 'supervisor' }, { role: 'duty_operator' }, { name: '李娜' }], channels: ['ops-wecom', 'mail'] };
    expect(stepDeliveries(parseNotificationConfig(settings), 'critical', 1)).toEqual([
      { stepIndex: 1, channelId: 'ops-wecom', recipients: ['李娜', '张伟'] },
      { stepIndex: 1, channelId: 'mail', recipients: ['李娜'] },
    ]);
  });

  it('has nothing for a step or chain that does not exist', () => {
    expect(stepDeliveries(config, 'critical', 3)).toEqual([]);
    expect(stepDeliveries(config, 'low', 0)).toEqual([]);
  });
});
