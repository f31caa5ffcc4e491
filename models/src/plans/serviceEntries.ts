/**
 * Devices at a building's service entries (MUN-1 sub-metering), bound both to the site network
 * feature and to the IFC element: water flow and pressure at the building meter
 * (`B03/WATER-METER`, MUN-3), feeder power and energy at the power meter (`B03/POWER-METER`,
 * MUN-4), gas flow at the gas meter and the detector at the emergency shut-off valve
 * (`B03/GAS-ESV`, MUN-5). Towers also watch the pressure at the top of their high zone.
 */
import type { SensorSpec } from '../registryBuilder.ts';
import { buildingEquipmentKey, storeyKey } from '../elementKeys.ts';
import type { Building } from '../layout/layoutTypes.ts';
import type { RegistryBuilder } from '../registryBuilder.ts';
import { buildingGasDetectorId } from '../utilities/gasNetwork.ts';
import { feederRatingKw } from '../utilities/powerNetwork.ts';
import { householdsOf } from '../utilities/waterNetwork.ts';
import type { NetworkIndex } from './networkIndex.ts';

/** The storey id used in sensor ids and the registry's `storey` field, e.g. `F03`. */
export function storeyId(storey: number): string {
  return `F${String(storey).padStart(2, '0')}`;
}

/** Zh/en prefix of a building's device names: `3栋`, `Building 3`. */
export function namesOf(b: Building): { zh: string; en: string } {
  return { zh: b.name, en: b.nameEn };
}

/** Adds the service-entry devices of `b`. */
export function planServiceEntries(builder: RegistryBuilder, b: Building, networks: NetworkIndex): void {
  const { zh, en } = namesOf(b);
  const large = householdsOf(b) > 100 || b.category === 'school';
  const water = buildingEquipmentKey(b.id, 'WATER-METER');
  const power = buildingEquipmentKey(b.id, 'POWER-METER');
  const ratingKw = feederRatingKw(b);
  const base = { area: b.zone, placement: 'network' as const, building: b.id };
  const at = (id: string, heightM: number) => ({ ...networks.position(id), heightM });
  const entries: Array<[string, Omit<SensorSpec, 'place' | 'area' | 'placement'>]> = [
    ['IN', { kind: 'water_flow', name: `${zh}进户总水表流量`, nameEn: `${en} water inlet flow`, ...at(water, -1.2), networkElement: water, ifcKey: water, range: { min: 0, max: large ? 40 : 25 } }],
    ['IN', { kind: 'water_pressure', name: `${zh}进户供水压力`, nameEn: `${en} water inlet pressure`, ...at(water, -1.2), networkElement: water, ifcKey: water, thresholds: { day: { lowLow: 180, low: 250, high: 600 } } }],
  ];
  if (b.category === 'residential') {
    entries.push(['RF', { kind: 'water_pressure', name: `${zh}高区末端供水压力`, nameEn: `${en} high-zone end pressure`, eastM: b.eastM, northM: b.northM, heightM: b.heightM - 1.5, storey: storeyId(b.storeys), ifcKey: storeyKey(b.id, b.storeys), thresholds: { day: { lowLow: 80, low: 100, high: 450 } } }]);
  }
  entries.push(
    ['IN', { kind: 'power', name: `${zh}低压进线有功功率`, nameEn: `${en} feeder active power`, ...at(power, 1.5), networkElement: power, ifcKey: power, range: { min: 0, max: ratingKw }, thresholds: { day: { high: 0.8 * ratingKw, highHigh: 0.95 * ratingKw } } }],
    ['IN', { kind: 'energy', name: `${zh}低压进线电能`, nameEn: `${en} feeder energy`, ...at(power, 1.5), networkElement: power, ifcKey: power, range: { min: 0, max: 99_999_999 } }],
  );
  if (b.hasGas) {
    const meter = buildingEquipmentKey(b.id, 'GAS-METER');
    const esv = buildingEquipmentKey(b.id, 'GAS-ESV');
    const detector = buildingGasDetectorId(b.id);
    entries.push(
      ['IN', { kind: 'gas_flow', name: `${zh}燃气总表流量`, nameEn: `${en} gas inlet flow`, ...at(meter, 1.0), networkElement: meter, range: { min: 0, max: large ? 40 : 25 } }],
      ['GV', { kind: 'gas_lel', name: `${zh}燃气紧急切断阀可燃气体探测器`, nameEn: `${en} gas shut-off valve detector`, ...at(detector, 0.4), networkElement: detector, ifcKey: esv }],
    );
  }
  for (const [part, spec] of entries) builder.add({ ...base, ...spec, place: [b.id, part] });
}
