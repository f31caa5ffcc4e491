/**
 * Devices of one residential building: the ground-storey lobby (access, cameras, lighting), the
 * service entries (water, power, gas; MUN-1), the basement plant rooms, a combustible-gas
 * detector at the riser on every storey with gas (MUN-5), and a typical monitored flat on storey
 * 3 and about every fifth storey above (ENV-2..5, MUN-4 per-household metering, MUN-5 kitchen
 * gas detection). Devices in flats and rooms are bound to the IFC space by element key.
 */
import type { SensorKind } from '@twin/protocol';
import { equipmentKey, gasDetectorKey, householdMeterKey, plantRoomKey, spaceKey, storeyKey } from '../elementKeys.ts';
import type { Building } from '../layout/layoutTypes.ts';
import { bearingDeg, localToSite, pt } from '../layout/planGeometry.ts';
import type { CameraMount, RegistryBuilder, SensorSpec } from '../registryBuilder.ts';
import type { NetworkIndex } from './networkIndex.ts';
import { planServiceEntries, storeyId } from './serviceEntries.ts';

/** Adds every device of the residential building `b`. */
export function planBuildingSensors(builder: RegistryBuilder, b: Building, networks: NetworkIndex): void {
  planLobby(builder, b);
  planServiceEntries(builder, b, networks);
  b.monitoredStoreys.forEach((storey, k) => planMonitoredFlat(builder, b, storey, b.monitoredFlats[k]!));
  planPlantRooms(builder, b);
  for (const storey of b.gasStoreys) planRiserDetector(builder, b, storey);
}

/** A device at local (x, y) of the building, `heightM` above ground. */
type Spot = Pick<SensorSpec, 'kind' | 'name' | 'nameEn' | 'heightM'> & { x: number; y: number } & Partial<SensorSpec>;

function add(builder: RegistryBuilder, b: Building, part: string, spot: Spot, placement: SensorSpec['placement']): void {
  const { x, y, ...rest } = spot;
  const p = localToSite(pt(b.eastM, b.northM), b.rotationDeg, x, y);
  builder.add({ place: [b.id, part], area: b.zone, placement, building: b.id, ...rest, eastM: p.eastM, northM: p.northM });
}

/** A camera looking from local (x, y) towards local (tx, ty). */
export function cameraMount(b: Building, index: number, from: [number, number], toward: [number, number], fovDeg: number, pitchDeg = -20): CameraMount {
  const centre = pt(b.eastM, b.northM);
  const a = localToSite(centre, b.rotationDeg, from[0], from[1]);
  const t = localToSite(centre, b.rotationDeg, toward[0], toward[1]);
  return { id: equipmentKey(b.id, 'CAM', index), headingDeg: bearingDeg(a, t), pitchDeg, fovDeg, shows: 'scene' };
}

function planLobby(builder: RegistryBuilder, b: Building): void {
  const zh = `${b.name}首层大堂`;
  const en = `${b.nameEn} lobby`;
  const front = -b.depthM / 2 + 1;
  const lobby = (kind: SensorKind, what: string, whatEn: string, x: number, heightM: number): Spot => ({
    kind,
    name: `${zh}${what}`,
    nameEn: `${en} ${whatEn}`,
    x,
    y: front,
    heightM,
    storey: 'F01',
    ifcKey: storeyKey(b.id, 1),
  });
  add(builder, b, 'F01', lobby('illuminance', '照度', 'illuminance', 0, 2.6), 'indoor');
  add(builder, b, 'F01', lobby('door', '单元门禁', 'unit entrance door', -2, 1.2), 'indoor');
  add(builder, b, 'F01', lobby('door', '消防楼梯门', 'fire stair door', 8, 1.2), 'indoor');
  add(builder, b, 'F01', { ...lobby('camera_status', '大堂摄像机', 'camera', 3, 2.8), ifcKey: equipmentKey(b.id, 'CAM', 1), camera: cameraMount(b, 1, [3, front + 6], [0, front - 2], 90) }, 'indoor');
  add(builder, b, 'F01', { ...lobby('camera_status', '电梯厅摄像机', 'lift hall camera', 5, 2.8), ifcKey: equipmentKey(b.id, 'CAM', 2), camera: cameraMount(b, 2, [5, front + 2], [5, front + 8], 100) }, 'indoor');
}

/** Centre of flat `flat` (1-based) in the building frame: flats in a south row, then a north row. */
function flatCentre(b: Building, flat: number): [number, number] {
  const perRow = Math.max(1, Math.ceil(b.flatsPerStorey / 2));
  const row = flat <= perRow ? 0 : 1;
  const column = (flat - 1) % perRow;
  const x = -b.widthM / 2 + (column + 0.5) * (b.widthM / perRow);
  const y = (row === 0 ? -1 : 1) * (b.depthM / 4);
  return [x, y];
}

function planMonitoredFlat(builder: RegistryBuilder, b: Building, storey: number, flat: number): void {
  const floor = storeyId(storey);
  const number = `${storey}${String(flat).padStart(2, '0')}`;
  const floorM = (storey - 1) * b.storeyHeightM;
  const zh = `${b.name}${storey}层${number}`;
  const en = `${b.nameEn} ${floor} flat ${number}`;
  const [cx, cy] = flatCentre(b, flat);
  const space = spaceKey(b.id, storey, flat);
  const room = (kind: SensorKind, roomZh: string, roomEn: string, where: [number, number, number], extra: Partial<SensorSpec> = {}): Spot => ({
    kind,
    name: `${zh}${roomZh}`,
    nameEn: `${en} ${roomEn}`,
    x: cx + where[0],
    y: cy + where[1],
    heightM: floorM + where[2],
    storey: floor,
    ifcKey: space,
    ...extra,
  });
  const living: [number, number, number] = [-2, -1.5, 1.5];
  const bedroom: [number, number, number] = [2.5, -1.5, 1.2];
  const kitchen: [number, number, number] = [-2.5, 2, 2.5];
  const meterBox: [number, number, number] = [0, 2.5, 1.6];
  const power = { range: { min: 0, max: 12 }, networkElement: householdMeterKey(b.id, storey, flat, 'POWER-METER') };
  const spots: Spot[] = [
    room('temperature', '客厅温度', 'living room temperature', living),
    room('humidity', '客厅湿度', 'living room humidity', living),
    room('illuminance', '客厅照度', 'living room illuminance', [-2, -1, 0.8]),
    room('pm25', '客厅PM2.5', 'living room PM2.5', living),
    room('tvoc', '客厅TVOC', 'living room TVOC', living),
    room('co2', '主卧二氧化碳', 'bedroom CO2', bedroom),
    room('formaldehyde', '主卧甲醛', 'bedroom formaldehyde', bedroom),
    room('noise', '主卧噪声', 'bedroom noise', bedroom),
    room('gas_lel', '厨房可燃气体探测器', 'kitchen gas detector', kitchen),
    room('gas_flow', '户内燃气表流量', 'household gas flow', [-2.5, 2.5, 1.4], { range: { min: 0, max: 2.5 }, networkElement: householdMeterKey(b.id, storey, flat, 'GAS-METER') }),
    room('power', '户内电表有功功率', 'household active power', meterBox, power),
    room('energy', '户内电表电能', 'household energy', meterBox, { ...power, range: { min: 0, max: 999_999.99 } }),
  ];
  for (const spot of spots) add(builder, b, floor, spot, 'indoor');
}

function planPlantRooms(builder: RegistryBuilder, b: Building): void {
  if (b.basements < 1) return;
  const zh = `${b.name}地下室`;
  const en = `${b.nameEn} basement`;
  const pump = plantRoomKey(b.id, 'PUMP-ROOM');
  const elec = plantRoomKey(b.id, 'ELEC-ROOM');
  const base = { storey: 'B1', heightM: -3 };
  add(builder, b, 'B1', { ...base, kind: 'water_pressure', name: `${zh}二次供水泵房出水压力`, nameEn: `${en} booster pump outlet pressure`, x: -b.widthM / 4, y: 0, ifcKey: pump, thresholds: { day: { lowLow: 250, low: 300, high: 700 } } }, 'indoor');
  add(builder, b, 'B1', { ...base, kind: 'temperature', name: `${zh}配电房温度`, nameEn: `${en} electrical room temperature`, x: b.widthM / 4, y: 0, ifcKey: elec, thresholds: { day: { high: 35, highHigh: 40 } } }, 'indoor');
  add(builder, b, 'B1', { ...base, kind: 'humidity', name: `${zh}配电房湿度`, nameEn: `${en} electrical room humidity`, x: b.widthM / 4, y: 0, ifcKey: elec, thresholds: { day: { high: 75 } } }, 'indoor');
}

function planRiserDetector(builder: RegistryBuilder, b: Building, storey: number): void {
  add(
    builder,
    b,
    storeyId(storey),
    {
      kind: 'gas_lel',
      name: `${b.name}${storey}层燃气立管可燃气体探测器`,
      nameEn: `${b.nameEn} ${storeyId(storey)} gas riser detector`,
      x: 0,
      y: b.depthM / 2 - 2,
      heightM: (storey - 1) * b.storeyHeightM + 2.6,
      storey: storeyId(storey),
      ifcKey: gasDetectorKey(b.id, storey),
    },
    'indoor',
  );
}
