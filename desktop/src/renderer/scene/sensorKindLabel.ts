import { SENSOR_KINDS, type SensorKind } from '@twin/protocol';

/** A sensor kind's name in the console's language (Chinese unless English is chosen). */
export function sensorKindLabel(kind: SensorKind, lang: string): string {
  return lang.startsWith('en') ? SENSOR_KINDS[kind].labelEn : SENSOR_KINDS[kind].label;
}
