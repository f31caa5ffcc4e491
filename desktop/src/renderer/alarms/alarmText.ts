import type { AlarmDto } from '@twin/protocol';
import { SCOPE_LAYERS, type ScopeLayer } from '../admin/scopeLayers.ts';

/** The alarm's message in the console's language (Chinese unless English is chosen). */
export function alarmMessage(alarm: Pick<AlarmDto, 'message' | 'messageEn'>, language: string): string {
  return language.startsWith('en') ? alarm.messageEn : alarm.message;
}

/** Where the alarm's source is: zone and building, as far as known (`A · A1`). */
export function alarmPlace(alarm: Pick<AlarmDto, 'area' | 'building'>): string {
  return [alarm.area, alarm.building].filter((part) => part !== undefined && part !== '').join(' · ');
}

/** The alarm's layer as a key of the `layers` texts, when it is one. */
export function knownLayer(layer: string): ScopeLayer | undefined {
  return SCOPE_LAYERS.find((candidate) => candidate === layer);
}
