import { describe, expect, it } from 'vitest';
import { gatewayBodyTemplate, placeholdersIn, renderGatewayBody, type GatewayPlaceholder } from './gatewayBody.ts';

const values: Record<GatewayPlaceholder, string> = {
  phone: '13800000001',
  text: '【紧急】燃气告警',
  templateId: 'ALARM_01',
  title: '【紧急】可燃气体浓度告警',
  recipient: '张伟',
  alarmId: 'gas-high/B01-GAS-01',
  severity: 'critical',
};

describe('gateway bodies (REQ PROP-2 h)', () => {
  it('fills placeholders anywhere in strings, nested objects and arrays, and keeps other values', () => {
    const template = { to: ['{{phone}}'], tpl: '{{ templateId }}', params: { content: '告警：{{text}}（{{recipient}}）', id: '{{alarmId}}' }, priority: 1, flash: false, extra: null };
    expect(renderGatewayBody(template, values)).toEqual({
      to: ['13800000001'],
      tpl: 'ALARM_01',
      params: { content: '告警：【紧急】燃气告警（张伟）', id: 'gas-high/B01-GAS-01' },
      priority: 1,
      flash: false,
      extra: null,
    });
  });

  it('leaves unknown placeholders as they are', () => {
    expect(renderGatewayBody({ a: '{{unknown}} {{severity}}' }, values)).toEqual({ a: '{{unknown}} critical' });
  });

  it('defaults to phone and text, with the template id when there is one', () => {
    expect(gatewayBodyTemplate({})).toEqual({ phone: '{{phone}}', text: '{{text}}' });
    expect(gatewayBodyTemplate({ templateId: 'T1' })).toEqual({ phone: '{{phone}}', templateId: '{{templateId}}', text: '{{text}}' });
    expect(gatewayBodyTemplate({ body: { to: '{{phone}}' }, templateId: 'T1' })).toEqual({ to: '{{phone}}' });
  });

  it('lists the placeholders a template uses once each', () => {
    expect(placeholdersIn({ a: '{{phone}}', b: ['{{text}} {{phone}}', { c: '{{nope}}' }], d: 3 })).toEqual(['phone', 'text', 'nope']);
  });
});
