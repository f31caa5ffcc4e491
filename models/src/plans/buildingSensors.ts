/**
 * Devices of one residential tower: the unit lobby (access, cameras, lighting), the building's
 * service entries (water, power, gas; MUN-1) and a typical monitored flat on a low, a middle and
 * a high storey (ENV-2..5, MUN-4 per-household metering, MUN-5 kitchen gas detection).
 */
import type { SensorKind } from '@twin/protocol';
import type { Building } from '../communityLayout.ts';
import type { RegistryBuilder, SensorSpec } from '../registryBuilder.ts';

/** Storey height of the towers, metres. */
export const STOREY_HEIGHT_M = 3;

/** Standard transformer-feeder ratings, kW; a feeder is sized at about 1.3 kW per household. */
const FEEDER_RATINGS_KW = [160, 250, 315, 400, 500, 630];

/** Adds every device of `building`. */
export function planBuildingSensors(builder: RegistryBuilder, building: Building): void {
  planLobby(builder, building);
  planServiceEntries(builder, building);
  for (const storey of building.monitoredStoreys) planMonitoredFlat(builder, building, storey);
}

/** The storey id, e.g. `F03`. */
export function storeyId(storey: number): string {
  return `F${String(storey).padStart(2, '0')}`;
}

type Spot = Pick<SensorSpec, 'kind' | 'name' | 'nameEn' | 'eastM' | 'northM' | 'heightM'> & Partial<SensorSpec>;

function add(builder: RegistryBuilder, building: Building, part: string, spot: Spot, placement: SensorSpec['placement']): void {
  builder.add({
    place: [building.id, part],
    area: building.zone,
    placement,
    building: building.id,
    ...spot,
    eastM: building.eastM + spot.eastM,
    northM: building.northM + spot.northM,
  });
}

function planLobby(builder: RegistryBuilder, b: Building): void {
  const zh = `${b.number}栋首层大堂`;
  const en = `Building ${b.number} lobby`;
  const lobby = (kind: SensorKind, what: string, whatEn: string, eastM: number, heightM: number): Spot => ({
    kind,
    name: `${zh}${what}`,
    nameEn: `${en} ${whatEn}`,
    eastM,
    northM: -9,
    heightM,
    storey: 'F01',
  });
  add(builder, b, 'F01', lobby('illuminance', '照度', 'illuminance', 0, 2.6), 'indoor');
  add(builder, b, 'F01', lobby('door', '单元门禁', 'unit entrance door', -2, 1.2), 'indoor');
  add(builder, b, 'F01', lobby('door', '消防楼梯门', 'fire stair door', 8, 1.2), 'indoor');
  add(builder, b, 'F01', lobby('camera_status', '大堂摄像机', 'camera', 3, 2.8), 'indoor');
  add(builder, b, 'F01', lobby('camera_status', '电梯厅摄像机', 'lift hall camera', 5, 2.8), 'indoor');
}

function planServiceEntries(builder: RegistryBuilder, b: Building): void {
  const households = b.storeys * b.flatsPerStorey;
  const ratingKw = FEEDER_RATINGS_KW.find((kw) => kw >= households * 1.3) ?? FEEDER_RATINGS_KW.at(-1)!;
  const large = households > 100;
  const zh = `${b.number}栋`;
  const en = `Building ${b.number}`;
  const topM = b.storeys * STOREY_HEIGHT_M;
  const entries: Array<[string, Spot]> = [
    ['IN', { kind: 'water_flow', name: `${zh}进户总水表流量`, nameEn: `${en} water inlet flow`, eastM: -18, northM: -12, heightM: -1.2, networkElement: `WS-${b.id}-INLET`, range: { min: 0, max: large ? 40 : 25 } }],
    ['IN', { kind: 'water_pressure', name: `${zh}进户供水压力`, nameEn: `${en} water inlet pressure`, eastM: -18, northM: -12, heightM: -1.2, networkElement: `WS-${b.id}-INLET`, thresholds: { day: { lowLow: 180, low: 250, high: 600 } } }],
    ['RF', { kind: 'water_pressure', name: `${zh}高区末端供水压力`, nameEn: `${en} high-zone end pressure`, eastM: 0, northM: 0, heightM: topM - 1.5, storey: storeyId(b.storeys), networkElement: `WS-${b.id}-HIGH`, thresholds: { day: { lowLow: 80, low: 100, high: 450 } } }],
    ['IN', { kind: 'power', name: `${zh}低压进线有功功率`, nameEn: `${en} feeder active power`, eastM: 16, northM: -11, heightM: 1.5, networkElement: `FEEDER-${b.id}`, range: { min: 0, max: ratingKw }, thresholds: { day: { high: 0.8 * ratingKw, highHigh: 0.95 * ratingKw } } }],
    ['IN', { kind: 'energy', name: `${zh}低压进线电能`, nameEn: `${en} feeder energy`, eastM: 16, northM: -11, heightM: 1.5, networkElement: `FEEDER-${b.id}`, range: { min: 0, max: 99_999_999 } }],
    ['IN', { kind: 'gas_flow', name: `${zh}燃气总表流量`, nameEn: `${en} gas inlet flow`, eastM: -14, northM: 11, heightM: 1.0, networkElement: `GAS-${b.id}-INLET`, range: { min: 0, max: large ? 40 : 25 } }],
    ['GV', { kind: 'gas_lel', name: `${zh}燃气立管总阀可燃气体探测器`, nameEn: `${en} gas riser valve detector`, eastM: -13, northM: 11, heightM: 0.4, networkElement: `GAS-RISER-${b.id}` }],
  ];
  for (const [part, spot] of entries) add(builder, b, part, spot, 'network');
}

function planMonitoredFlat(builder: RegistryBuilder, b: Building, storey: number): void {
  const floor = storeyId(storey);
  const flat = `${storey}01`;
  const floorM = (storey - 1) * STOREY_HEIGHT_M;
  const zh = `${b.number}栋${storey}层${flat}`;
  const en = `Building ${b.number} ${floor} flat ${flat}`;
  const room = (kind: SensorKind, roomZh: string, roomEn: string, where: [number, number, number], extra: Partial<SensorSpec> = {}): Spot => ({
    kind,
    name: `${zh}${roomZh}`,
    nameEn: `${en} ${roomEn}`,
    eastM: where[0],
    northM: where[1],
    heightM: floorM + where[2],
    storey: floor,
    ...extra,
  });
  const living: [number, number, number] = [-12, 4, 1.5];
  const bedroom: [number, number, number] = [-15, -4, 1.2];
  const kitchen: [number, number, number] = [-8, 6, 0.3];
  const meterBox: [number, number, number] = [-6, 0, 1.6];
  const household = { range: { min: 0, max: 12 }, networkElement: `METER-${b.id}-${flat}` };
  const spots: Spot[] = [
    room('temperature', '客厅温度', 'living room temperature', living),
    room('humidity', '客厅湿度', 'living room humidity', living),
    room('illuminance', '客厅照度', 'living room illuminance', [-12, 5, 0.8]),
    room('pm25', '客厅PM2.5', 'living room PM2.5', living),
    room('tvoc', '客厅TVOC', 'living room TVOC', living),
    room('co2', '主卧二氧化碳', 'bedroom CO2', bedroom),
    room('formaldehyde', '主卧甲醛', 'bedroom formaldehyde', bedroom),
    room('noise', '主卧噪声', 'bedroom noise', bedroom),
    room('gas_lel', '厨房燃气立管可燃气体探测器', 'kitchen gas riser detector', kitchen, { networkElement: `GAS-RISER-${b.id}` }),
    room('gas_flow', '户内燃气表流量', 'household gas flow', [-8, 7, 1.4], { range: { min: 0, max: 2.5 }, networkElement: `GASMETER-${b.id}-${flat}` }),
    room('power', '户内电表有功功率', 'household active power', meterBox, household),
    room('energy', '户内电表电能', 'household energy', meterBox, { ...household, range: { min: 0, max: 999_999.99 } }),
  ];
  for (const spot of spots) add(builder, b, floor, spot, 'indoor');
}
