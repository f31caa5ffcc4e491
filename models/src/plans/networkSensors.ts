/**
 * Devices on the site utility networks (MUN-1), each bound to its GeoJSON feature: bulk meters
 * at the municipal water connections and pressure at every fire hydrant (MUN-3), gas flow at
 * the regulator station and the leak detectors of the station and the valve wells (MUN-5),
 * transformer and grid-connection meters and every EV charger (MUN-4).
 */
import type { Feature } from '../geojson/geojson.ts';
import type { CommunityLayout } from '../layout/layoutTypes.ts';
import { zoneAt } from '../layout/sitePlan.ts';
import type { RegistryBuilder, SensorSpec } from '../registryBuilder.ts';
import { GAS_STATION_ID } from '../utilities/gasNetwork.ts';
import { TRANSFORMER_KW } from '../utilities/powerNetwork.ts';
import { WATER_INTAKE_IDS } from '../utilities/waterNetwork.ts';
import type { NetworkIndex } from './networkIndex.ts';

/** Adds the network devices. */
export function planNetworkSensors(builder: RegistryBuilder, layout: CommunityLayout, networks: NetworkIndex): void {
  const codeOf = (zone: string) => layout.zones.find((z) => z.id === zone)!.code;
  const at = (id: string, heightM: number): Pick<SensorSpec, 'eastM' | 'northM' | 'heightM' | 'area' | 'placement' | 'networkElement'> => {
    const p = networks.position(id);
    return { ...p, heightM, area: zoneAt(p.eastM, p.northM), placement: 'network', networkElement: id };
  };

  WATER_INTAKE_IDS.forEach((id, i) => {
    const part = layout.utilities.waterIntakes[i]!.id;
    const n = i + 1;
    builder.add({ ...at(id, -1.2), kind: 'water_flow', place: ['NET', part], name: `社区市政进水${n}号总表流量`, nameEn: `Community water connection ${n} flow`, range: { min: 0, max: 250 } });
    builder.add({ ...at(id, -1.2), kind: 'water_pressure', place: ['NET', part], name: `社区市政进水${n}号压力`, nameEn: `Community water connection ${n} pressure`, thresholds: { day: { lowLow: 150, low: 200, high: 450 } } });
  });
  for (const hydrant of networks.ofType('water', 'hydrant')) {
    const where = at(hydrant.id, 0.5);
    const code = codeOf(where.area);
    // GB 50974: outdoor hydrants keep at least 0.10 MPa at the outlet.
    builder.add({ ...where, kind: 'water_pressure', place: [code, 'HYD'], name: `${code.slice(1)}区室外消火栓压力（${hydrant.id}）`, nameEn: `Zone ${code.slice(1)} fire hydrant ${hydrant.id} pressure`, thresholds: { day: { lowLow: 100, low: 140, high: 600 } } });
  }

  builder.add({ ...at(GAS_STATION_ID, 0.5), kind: 'gas_flow', place: ['NET', layout.utilities.gasStation.id], name: '燃气调压站出口流量', nameEn: 'Gas regulator station outlet flow', range: { min: 0, max: 600 } });
  for (const detector of networks.ofType('gas', 'leak-detector').filter((d) => d.id.startsWith('GAS-LD-RS'))) {
    const valve = detector.id.endsWith('-ESV');
    builder.add({ ...at(detector.id, 0.4), kind: 'gas_lel', place: ['NET', layout.utilities.gasStation.id], name: valve ? '燃气调压站紧急切断阀可燃气体探测器' : '燃气调压站调压间可燃气体探测器', nameEn: valve ? 'Gas station shut-off valve detector' : 'Gas regulator room detector' });
  }
  for (const detector of networks.ofType('gas', 'leak-detector').filter((d) => d.id.startsWith('GAS-LD-VW'))) {
    const code = codeOf(String(detector.properties['zone']));
    builder.add({ ...at(detector.id, -1.0), kind: 'gas_lel', place: [code, 'GVW'], name: `${code.slice(1)}区燃气阀门井可燃气体探测器`, nameEn: `Zone ${code.slice(1)} gas valve well detector` });
  }

  planPowerSensors(builder, networks, at);
}

type At = (id: string, heightM: number) => Pick<SensorSpec, 'eastM' | 'northM' | 'heightM' | 'area' | 'placement' | 'networkElement'>;

function planPowerSensors(builder: RegistryBuilder, networks: NetworkIndex, at: At): void {
  const transformers = networks.ofType('power', 'transformer');
  const gridKw = transformers.length * TRANSFORMER_KW;
  builder.add({ ...at('PW-GRID-1', 0), kind: 'power', place: ['NET', 'HV'], name: '10kV电源进线有功功率', nameEn: '10 kV grid connection active power', range: { min: 0, max: gridKw }, thresholds: { day: { high: 0.8 * gridKw, highHigh: 0.95 * gridKw } } });
  builder.add({ ...at('PW-GRID-1', 0), kind: 'energy', place: ['NET', 'HV'], name: '10kV电源进线电能', nameEn: '10 kV grid connection energy', range: { min: 0, max: 999_999_999 } });
  for (const tx of transformers) meterPair(builder, tx, at(tx.id, 1.5), ['NET', String(tx.properties['substation']).replace('-', '')], `${substationNumber(tx)}号配电房${tx.id}变压器`, `Substation ${substationNumber(tx)} transformer ${tx.id}`, TRANSFORMER_KW, 99_999_999);
  for (const charger of networks.ofType('power', 'ev-charger')) {
    const kw = Number(charger.properties['ratedKw']);
    const garage = String(charger.properties['building']);
    meterPair(builder, charger, at(charger.id, 1.2), [garage, 'EV'], `${garage}充电桩${charger.id}`, `${garage} EV charger ${charger.id}`, kw, 9_999_999);
  }
}

function substationNumber(tx: Feature): string {
  return String(tx.properties['substation']).slice('SUB-'.length);
}

/** A power meter and the energy counter on the same network element (the simulator pairs them). */
function meterPair(builder: RegistryBuilder, element: Feature, where: ReturnType<At>, place: readonly [string, string], zh: string, en: string, ratingKw: number, register: number): void {
  builder.add({ ...where, kind: 'power', place, name: `${zh}有功功率`, nameEn: `${en} active power`, range: { min: 0, max: ratingKw }, thresholds: { day: { high: 0.8 * ratingKw, highHigh: 0.95 * ratingKw } } });
  builder.add({ ...where, kind: 'energy', place, name: `${zh}电能`, nameEn: `${en} energy`, range: { min: 0, max: register } });
}
