/**
 * Devices on the community's utility networks outside the towers (MUN-1): the water main inlet
 * and booster pumps (MUN-3), the gas regulator station and valve wells (MUN-5) and the
 * substation transformers (MUN-4).
 */
import type { CommunityLayout, UtilityPoint } from '../communityLayout.ts';
import type { RegistryBuilder, SensorSpec } from '../registryBuilder.ts';

/** Rating of each substation transformer, kW. */
const TRANSFORMER_KW = 800;

/** Adds the network devices. */
export function planNetworkSensors(builder: RegistryBuilder, layout: CommunityLayout): void {
  const { waterInlet, pumpRoom, gasStation, substation } = layout.utilities;
  const at = (point: UtilityPoint, dx = 0): Pick<SensorSpec, 'eastM' | 'northM' | 'heightM' | 'area' | 'placement'> => ({
    eastM: point.eastM + dx,
    northM: point.northM,
    heightM: point.heightM,
    area: point.zone,
    placement: 'network',
  });

  builder.add({ ...at(waterInlet), kind: 'water_flow', place: ['NET', waterInlet.id], name: '社区市政进水总表流量', nameEn: 'Community water main inlet flow', networkElement: 'WS-MAIN-INLET', range: { min: 0, max: 160 } });
  builder.add({ ...at(waterInlet), kind: 'water_pressure', place: ['NET', waterInlet.id], name: '社区市政进水压力', nameEn: 'Community water main inlet pressure', networkElement: 'WS-MAIN-INLET', thresholds: { day: { lowLow: 150, low: 200, high: 450 } } });
  builder.add({ ...at(pumpRoom), kind: 'water_pressure', place: ['NET', pumpRoom.id], name: '二次供水泵房出水压力', nameEn: 'Booster pump room outlet pressure', networkElement: 'WS-PUMP-OUT', thresholds: { day: { lowLow: 250, low: 300, high: 700 } } });

  builder.add({ ...at(gasStation), kind: 'gas_flow', place: ['NET', gasStation.id], name: '燃气调压站出口流量', nameEn: 'Gas regulator station outlet flow', networkElement: 'GAS-RS-01', range: { min: 0, max: 250 } });
  builder.add({ ...at(gasStation, -2), kind: 'gas_lel', place: ['NET', gasStation.id], name: '燃气调压站调压间可燃气体探测器', nameEn: 'Gas regulator room detector', networkElement: 'GAS-RS-01' });
  builder.add({ ...at(gasStation, 2), kind: 'gas_lel', place: ['NET', gasStation.id], name: '燃气调压站紧急切断阀可燃气体探测器', nameEn: 'Gas emergency shut-off valve detector', networkElement: 'GAS-RS-01-ESV' });
  for (const well of layout.gasValveWells) {
    const zone = layout.zones.find((z) => z.id === well.zone)!;
    builder.add({ ...at(well), kind: 'gas_lel', place: [zone.code, well.id], name: `${zone.code.slice(1)}区燃气阀门井可燃气体探测器`, nameEn: `Zone ${zone.code.slice(1)} gas valve well detector`, networkElement: `GAS-VW-${zone.code}` });
  }

  for (const transformer of [1, 2]) {
    const element = `TX-${transformer}`;
    const where = at(substation, (transformer - 1.5) * 6);
    builder.add({ ...where, kind: 'power', place: ['NET', substation.id], name: `配电房${transformer}号变压器有功功率`, nameEn: `Substation transformer ${transformer} active power`, networkElement: element, range: { min: 0, max: TRANSFORMER_KW }, thresholds: { day: { high: 0.8 * TRANSFORMER_KW, highHigh: 0.95 * TRANSFORMER_KW } } });
    builder.add({ ...where, kind: 'energy', place: ['NET', substation.id], name: `配电房${transformer}号变压器电能`, nameEn: `Substation transformer ${transformer} energy`, networkElement: element, range: { min: 0, max: 99_999_999 } });
  }
}
