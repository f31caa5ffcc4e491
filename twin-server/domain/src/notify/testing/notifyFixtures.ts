/** Fixtures of the notification tests: the documented settings example and a gas alarm. */
import type { AlarmDto } from '@twin/protocol';
import type { NotificationConfigInput } from '../notificationConfig.ts';

/** The settings example of `notificationConfigSchema`'s documentation, as written in a file. */
export function exampleSettings(): NotificationConfigInput {
  return {
    language: 'zh',
    channels: [
      { id: 'ops-wecom', type: 'wecom', webhookUrl: 'https://wecom.example/cgi-bin/webhook/send?key=KEY' },
      { id: 'ops-dingtalk', type: 'dingtalk', webhookUrl: 'https://dingtalk.example/robot/send?access_token=TOKEN', secret: 'SEC…' },
      {
        id: 'sms',
        type: 'sms',
        url: 'https://sms.example/send',
        headers: { Authorization: 'Bearer TOKEN' },
        templateId: 'ALARM_01',
        body: { mobile: '{{phone}}', template: '{{templateId}}', params: { content: '{{text}}' } },
      },
      { id: 'voice', type: 'voice', url: 'https://voice.example/call' },
      { id: 'mail', type: 'email', host: 'smtp.community.example', port: 465, secure: true, user: 'alarm', password: '…', from: '智慧社区告警 <alarm@community.example>' },
      { id: 'bms', type: 'webhook', url: 'https://bms.example/alarms', secret: '…' },
    ],
    recipients: [
      { name: '张伟', role: 'duty_operator', phone: '13800000001', channels: ['sms', 'ops-wecom'] },
      { name: '李娜', role: 'supervisor', phone: '13800000002', email: 'lina@community.example' },
      { name: '王强', role: 'manager', phone: '13800000003', email: 'wangqiang@community.example' },
    ],
    escalation: {
      critical: {
        steps: [
          { afterMinutes: 0, recipients: [{ role: 'duty_operator' }], channels: ['sms', 'ops-wecom'] },
          { afterMinutes: 5, recipients: [{ role: 'supervisor' }], channels: ['voice'] },
          { afterMinutes: 15, recipients: [{ role: 'manager' }], channels: ['voice', 'mail'] },
        ],
      },
      high: {
        steps: [
          { afterMinutes: 0, recipients: [{ role: 'duty_operator' }] },
          { afterMinutes: 30, recipients: [{ name: '李娜' }], channels: ['sms'] },
        ],
        whenReturnedUnacknowledged: 'stop',
      },
    },
  };
}

/** 2025-05-12 10:42:05 in Shanghai (02:42:05 UTC). */
export const RAISED_AT_MS = Date.UTC(2025, 4, 12, 2, 42, 5);

/** A critical combustible-gas alarm of building 1, raised at {@link RAISED_AT_MS}. */
export function gasAlarm(overrides: Partial<AlarmDto> = {}): AlarmDto {
  return {
    id: 'gas-high/B01-GAS-01',
    ruleId: 'gas-high',
    sourceId: 'B01-GAS-01',
    condition: 'high',
    severity: 'critical',
    state: 'unack_active',
    active: true,
    latched: false,
    area: 'zone-a',
    building: '1栋',
    layer: 'gas',
    kind: 'gas_lel',
    value: 23,
    limit: 20,
    unit: '%LEL',
    message: '1栋燃气紧急切断阀可燃气体探测器 可燃气体浓度 23.0 %LEL 超过上限 20 %LEL',
    messageEn: 'Building 1 gas shut-off valve detector: combustible gas 23.0 %LEL above the limit of 20 %LEL',
    activeSinceMs: RAISED_AT_MS,
    lastEventId: 1,
    updatedAtMs: RAISED_AT_MS,
    ...overrides,
  };
}
