/**
 * The guideline's limits as the default alarm rules of a community, the starting point of its
 * rules file. Limits given here are defaults: a sensor's registry thresholds take precedence.
 * REQ MUN-5 (gas ≤ 20 %LEL, emergency shut-off), ENV-4 (noise day and night), ENV-5 (air quality,
 * fresh air), PLAT-8 (alarm management), PLAT-6 (linkage commands).
 */
import type { SensorDefinition, SensorKind, SensorRegistry } from '@twin/protocol';
import type { AlarmLinkage, AlarmRule, AlarmRulesFile } from './alarmRule.ts';

/** The gas alarm limit of the guideline, %LEL (REQ MUN-5, indicator 17). */
export const GAS_ALARM_LEL = 20;
/** The gas high-high limit, %LEL. */
export const GAS_HIGH_HIGH_LEL = 50;
/** The emergency shut-off valve of the gas regulator station. */
export const GAS_STATION_ESV = 'GAS-RS-01-ESV';
/** Time a shut-off valve has to report itself closed, ms. */
export const VALVE_CONFIRM_MS = 5_000;
/** Time a fresh-air unit has to report itself on, ms. */
export const FRESH_AIR_CONFIRM_MS = 60_000;

const closeBuildingValve: AlarmLinkage = { device: '{building}/GAS-ESV', command: 'close', confirmWithinMs: VALVE_CONFIRM_MS };
const closeStationValve: AlarmLinkage = { device: GAS_STATION_ESV, command: 'close', confirmWithinMs: VALVE_CONFIRM_MS };
const freshAirOn: AlarmLinkage = { device: '{building}/FRESH-AIR', command: 'on', confirmWithinMs: FRESH_AIR_CONFIRM_MS };

/** Kinds with rules of their own; other kinds get limit alarms from their registry thresholds. */
const KINDS_WITH_OWN_LIMITS: SensorKind[] = ['gas_lel', 'noise', 'co2', 'pm25', 'tvoc', 'formaldehyde'];

/**
 * The default rules for a registry: gas alarms at 20 and 50 %LEL, critical and latching, closing
 * the building's (or the regulator station's) shut-off valve; noise by day and night; indoor air
 * quality switching the building's fresh air on; registry limits of every other kind; stale data
 * after five sampling intervals; sensor faults outside the instrument range.
 */
export function defaultAlarmRules(registry: Pick<SensorRegistry, 'sensors'>): AlarmRulesFile {
  const stationDetectors = registry.sensors.filter(isStationDetector).map((s) => s.id);
  const notStation = stationDetectors.length > 0 ? { exclude: { sensorIds: stationDetectors } } : {};
  const rules: AlarmRule[] = [
    gasRule('gas-lel-high', '可燃气体浓度报警', 'Combustible gas alarm', 'high', GAS_ALARM_LEL, { match: { kinds: ['gas_lel'] }, ...notStation, linkage: [closeBuildingValve] }),
    gasRule('gas-lel-high-high', '可燃气体浓度高高报警', 'Combustible gas high-high alarm', 'high_high', GAS_HIGH_HIGH_LEL, { match: { kinds: ['gas_lel'] }, ...notStation, linkage: [closeBuildingValve] }),
  ];
  if (stationDetectors.length > 0) {
    const station = { match: { sensorIds: stationDetectors }, linkage: [closeStationValve] };
    rules.push(
      gasRule('gas-station-lel-high', '调压站可燃气体浓度报警', 'Regulator station combustible gas alarm', 'high', GAS_ALARM_LEL, station),
      gasRule('gas-station-lel-high-high', '调压站可燃气体浓度高高报警', 'Regulator station combustible gas high-high alarm', 'high_high', GAS_HIGH_HIGH_LEL, station),
    );
  }
  rules.push(
    // ENV-4: bedrooms and living rooms 45 / 35 dB(A); outdoors GB 3096 class 1, 55 / 45 dB(A).
    envRule('noise-indoor', '室内噪声超标', 'Indoor noise above limit', 'noise', 'indoor', { day: 45, night: 35 }, 2, 'low'),
    envRule('noise-outdoor', '环境噪声超标', 'Ambient noise above limit', 'noise', 'outdoor', { day: 55, night: 45 }, 2, 'low'),
    // ENV-5: GB/T 18883-2022 indoors, linked to fresh air; GB 3095-2012 grade II outdoors.
    envRule('co2-indoor', '室内二氧化碳超标', 'Indoor CO2 above limit', 'co2', 'indoor', 1000, 50, 'medium', [freshAirOn]),
    envRule('pm25-indoor', '室内PM2.5超标', 'Indoor PM2.5 above limit', 'pm25', 'indoor', 50, 5, 'medium', [freshAirOn]),
    envRule('pm25-outdoor', '室外PM2.5超标', 'Outdoor PM2.5 above limit', 'pm25', 'outdoor', 75, 5, 'low'),
    envRule('tvoc-indoor', '室内TVOC超标', 'Indoor TVOC above limit', 'tvoc', 'indoor', 0.6, 0.05, 'medium', [freshAirOn]),
    envRule('formaldehyde-indoor', '室内甲醛超标', 'Indoor formaldehyde above limit', 'formaldehyde', 'indoor', 0.08, 0.01, 'medium', [freshAirOn]),
    registryRule('registry-high', '测量值超过上限', 'Reading above high limit', 'high', 'low'),
    registryRule('registry-high-high', '测量值超过上上限', 'Reading above high-high limit', 'high_high', 'medium'),
    registryRule('registry-low', '测量值低于下限', 'Reading below low limit', 'low', 'low'),
    registryRule('registry-low-low', '测量值低于下下限', 'Reading below low-low limit', 'low_low', 'medium'),
    { id: 'sensor-stale', name: '传感器数据中断', nameEn: 'Sensor data stale', match: {}, condition: { type: 'stale', afterIntervals: 5 }, severity: 'low' },
    // A faulty gas detector leaves the building without its MUN-5 protection.
    { id: 'gas-detector-fault', name: '可燃气体探测器故障', nameEn: 'Gas detector fault', match: { kinds: ['gas_lel'] }, condition: { type: 'fault' }, severity: 'high' },
    { id: 'sensor-fault', name: '传感器故障', nameEn: 'Sensor fault', match: {}, exclude: { kinds: ['gas_lel'] }, condition: { type: 'fault' }, severity: 'medium' },
  );
  return { version: 1, rules };
}

/** A gas detector of the regulator station: no building, bound to a station leak detector. */
function isStationDetector(sensor: SensorDefinition): boolean {
  return sensor.kind === 'gas_lel' && sensor.location.building === undefined && (sensor.location.networkElement?.startsWith('GAS-LD-RS') ?? false);
}

/** MUN-5: no on-delay, a 2 %LEL deadband, critical and latching. */
function gasRule(id: string, name: string, nameEn: string, type: 'high' | 'high_high', lel: number, scope: Pick<AlarmRule, 'match' | 'exclude' | 'linkage'>): AlarmRule {
  return { id, name, nameEn, ...scope, condition: { type, defaultLimit: lel, deadband: 2, onDelayMs: 0 }, severity: 'critical', latching: true };
}

/** An environment limit with one-minute delays (five minutes for air, sampled every one or two). */
function envRule(
  id: string,
  name: string,
  nameEn: string,
  kind: SensorKind,
  placement: 'indoor' | 'outdoor',
  defaultLimit: number | { day: number; night: number },
  deadband: number,
  severity: AlarmRule['severity'],
  linkage?: AlarmLinkage[],
): AlarmRule {
  const delayMs = kind === 'noise' ? 60_000 : 300_000;
  const where = placement === 'indoor' ? { match: { kinds: [kind], placements: ['indoor' as const] } } : { match: { kinds: [kind] }, exclude: { placements: ['indoor' as const] } };
  const rule: AlarmRule = { id, name, nameEn, ...where, condition: { type: 'high', defaultLimit, deadband, onDelayMs: delayMs, offDelayMs: delayMs }, severity };
  if (linkage !== undefined) rule.linkage = linkage;
  return rule;
}

/** Limit alarms of the other kinds, wherever the registry gives the limit. */
function registryRule(id: string, name: string, nameEn: string, type: 'high' | 'high_high' | 'low' | 'low_low', severity: AlarmRule['severity']): AlarmRule {
  return { id, name, nameEn, match: {}, exclude: { kinds: KINDS_WITH_OWN_LIMITS }, condition: { type, onDelayMs: 60_000, offDelayMs: 60_000 }, severity };
}
