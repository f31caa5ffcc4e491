/** Registry units (SenML symbols) as people write them. */
const UNIT_LABELS: Record<string, string> = {
  Cel: '°C',
  dBA: 'dB(A)',
  'ug/m3': 'µg/m³',
  'mg/m3': 'mg/m³',
  'm3/h': 'm³/h',
};

/** A registry unit as shown on axes and in legends (`ug/m3` → `µg/m³`, `dBA` → `dB(A)`); others unchanged. */
export function unitLabel(unit: string): string {
  return UNIT_LABELS[unit] ?? unit;
}
