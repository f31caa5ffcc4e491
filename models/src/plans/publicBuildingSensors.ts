/**
 * Devices of the public buildings: the entrance (access, cameras, lighting), service entries
 * (MUN-1), the kitchen gas detector where there is gas (MUN-5), and indoor environment in one
 * typical room per storey (ENV-2..5) — fuller air monitoring where sensitive groups spend the
 * day (kindergarten, elderly-care home; SVC-3). The garages carry per-space occupancy
 * detectors, barriers and cameras (MUN-2 smart parking).
 */
import type { SensorKind } from '@twin/protocol';
import { equipmentKey, gasDetectorKey, spaceKey, storeyKey } from '../elementKeys.ts';
import type { Building, CommunityLayout } from '../layout/layoutTypes.ts';
import { localToSite, pt } from '../layout/planGeometry.ts';
import type { RegistryBuilder, SensorSpec } from '../registryBuilder.ts';
import { cameraMount } from './buildingSensors.ts';
import type { NetworkIndex } from './networkIndex.ts';
import { planServiceEntries, storeyId } from './serviceEntries.ts';

/** Kinds measured in the typical room of each storey, by category. */
const ROOM_KINDS: Partial<Record<Building['category'], SensorKind[]>> = {
  'service-center': ['temperature', 'humidity', 'co2', 'pm25'],
  'elderly-care': ['temperature', 'humidity', 'co2', 'pm25', 'formaldehyde', 'noise'],
  clinic: ['temperature', 'humidity', 'co2', 'pm25'],
  kindergarten: ['temperature', 'humidity', 'co2', 'pm25', 'formaldehyde', 'tvoc', 'noise'],
  school: ['temperature', 'humidity', 'co2', 'illuminance', 'noise'],
  sports: ['temperature', 'humidity', 'co2', 'pm25', 'noise'],
};

const KIND_NAMES: Partial<Record<SensorKind, [string, string]>> = {
  temperature: ['温度', 'temperature'],
  humidity: ['湿度', 'humidity'],
  co2: ['二氧化碳', 'CO2'],
  pm25: ['PM2.5', 'PM2.5'],
  formaldehyde: ['甲醛', 'formaldehyde'],
  tvoc: ['TVOC', 'TVOC'],
  noise: ['噪声', 'noise'],
  illuminance: ['照度', 'illuminance'],
};

type Spot = Omit<SensorSpec, 'place' | 'area' | 'placement' | 'eastM' | 'northM'> & { x: number; y: number };

function add(builder: RegistryBuilder, b: Building, part: readonly [string, string], spot: Spot, placement: SensorSpec['placement']): void {
  const { x, y, ...rest } = spot;
  const p = localToSite(pt(b.eastM, b.northM), b.rotationDeg, x, y);
  builder.add({ place: part, area: b.zone, placement, building: b.id, ...rest, eastM: p.eastM, northM: p.northM });
}

/** Adds the devices of a public building (not a garage). */
export function planPublicBuildingSensors(builder: RegistryBuilder, b: Building, networks: NetworkIndex): void {
  const front = -b.depthM / 2 + 1;
  const lobby = { storey: 'F01', ifcKey: storeyKey(b.id, 1), y: front };
  add(builder, b, [b.id, 'F01'], { ...lobby, kind: 'illuminance', name: `${b.name}门厅照度`, nameEn: `${b.nameEn} entrance hall illuminance`, x: 0, heightM: 2.8 }, 'indoor');
  add(builder, b, [b.id, 'F01'], { ...lobby, kind: 'door', name: `${b.name}主入口门禁`, nameEn: `${b.nameEn} main entrance door`, x: -2, heightM: 1.2 }, 'indoor');
  for (let i = 1; i <= b.cameras; i++) {
    const x = -b.widthM / 2 + (i - 0.5) * (b.widthM / b.cameras);
    add(builder, b, [b.id, 'F01'], { ...lobby, ifcKey: equipmentKey(b.id, 'CAM', i), kind: 'camera_status', name: `${b.name}摄像机${i}`, nameEn: `${b.nameEn} camera ${i}`, x, y: front + 1, heightM: 3, camera: cameraMount(b, i, [x, front + 1], [x, front + 12], 90) }, 'indoor');
  }
  planServiceEntries(builder, b, networks);
  for (const storey of b.gasStoreys) {
    add(builder, b, [b.id, storeyId(storey)], { kind: 'gas_lel', name: `${b.name}厨房燃气立管可燃气体探测器`, nameEn: `${b.nameEn} kitchen gas riser detector`, x: b.widthM / 2 - 3, y: b.depthM / 2 - 2, heightM: (storey - 1) * b.storeyHeightM + b.storeyHeightM - 0.4, storey: storeyId(storey), ifcKey: gasDetectorKey(b.id, storey) }, 'indoor');
  }
  const kinds = ROOM_KINDS[b.category] ?? [];
  for (let storey = 1; storey <= b.storeys; storey++) {
    for (const kind of kinds) {
      const [zh, en] = KIND_NAMES[kind]!;
      add(builder, b, [b.id, storeyId(storey)], {
        kind,
        name: `${b.name}${storey}层${zh}`,
        nameEn: `${b.nameEn} ${storeyId(storey)} room ${en}`,
        x: -b.widthM / 4,
        y: b.depthM / 4,
        heightM: (storey - 1) * b.storeyHeightM + 1.5,
        storey: storeyId(storey),
        ifcKey: spaceKey(b.id, storey, 1),
      }, 'indoor');
    }
  }
}

/** Adds both garages: the underground garage keeps the `GAR-B1`/`GAR-RAMP` ids of the first sample. */
export function planGarageSensors(builder: RegistryBuilder, layout: CommunityLayout, networks: NetworkIndex): void {
  for (const b of layout.buildings.filter((x) => x.category === 'parking')) {
    planServiceEntries(builder, b, networks);
    if (b.storeys === 0) planUndergroundGarage(builder, b, layout.garage.levelHeightM);
    else planCarPark(builder, b);
  }
}

function planUndergroundGarage(builder: RegistryBuilder, b: Building, levelHeightM: number): void {
  const base = { storey: 'B1', ifcKey: storeyKey(b.id, -1) };
  const spaces = b.parkingSpaces ?? 0;
  const perRow = 16;
  const rows = Math.ceil(spaces / perRow);
  for (let i = 0; i < spaces; i++) {
    const x = -b.widthM / 2 + 6 + (i % perRow) * ((b.widthM - 12) / (perRow - 1));
    const y = -b.depthM / 2 + 8 + Math.floor(i / perRow) * ((b.depthM - 16) / Math.max(1, rows - 1));
    const n = String(i + 1).padStart(3, '0');
    add(builder, b, ['GAR', 'B1'], { ...base, kind: 'parking', name: `地下车库B1层${n}号车位`, nameEn: `Garage B1 space ${n}`, x, y, heightM: levelHeightM }, 'indoor');
  }
  add(builder, b, ['GAR', 'RAMP'], { ...base, kind: 'gate', name: '地下车库坡道道闸', nameEn: 'Garage ramp barrier', x: b.widthM / 2 + 4, y: -b.depthM / 2 + 15, heightM: levelHeightM + 1 }, 'indoor');
  for (let i = 1; i <= b.cameras; i++) {
    const x = -b.widthM / 2 + 10 + ((i - 1) % 4) * ((b.widthM - 20) / 3);
    const y = -b.depthM / 2 + 15 + Math.floor((i - 1) / 4) * ((b.depthM - 30) / 2);
    add(builder, b, ['GAR', 'B1'], { ...base, ifcKey: equipmentKey(b.id, 'CAM', i), kind: 'camera_status', name: '地下车库B1层摄像机', nameEn: 'Garage B1 camera', x, y, heightM: levelHeightM + 2.8, camera: { ...cameraMount(b, i, [x, y], [x + (i % 2 === 0 ? 10 : -10), y + 5], 100, -25), shows: 'vehicles' } }, 'indoor');
  }
}

function planCarPark(builder: RegistryBuilder, b: Building): void {
  const spaces = b.parkingSpaces ?? 0;
  const perStorey = Math.ceil(spaces / b.storeys);
  const perRow = 12;
  for (let i = 0; i < spaces; i++) {
    const storey = 1 + Math.floor(i / perStorey);
    const k = i % perStorey;
    const x = -b.widthM / 2 + 4 + (k % perRow) * ((b.widthM - 8) / (perRow - 1));
    const y = -b.depthM / 2 + 4 + Math.floor(k / perRow) * ((b.depthM - 8) / Math.max(1, Math.ceil(perStorey / perRow) - 1));
    const n = String(k + 1).padStart(3, '0');
    add(builder, b, [b.id, storeyId(storey)], { kind: 'parking', name: `${b.name}${storey}层${n}号车位`, nameEn: `${b.nameEn} ${storeyId(storey)} space ${n}`, x, y, heightM: (storey - 1) * b.storeyHeightM, storey: storeyId(storey), ifcKey: storeyKey(b.id, storey) }, 'indoor');
  }
  add(builder, b, [b.id, 'RAMP'], { kind: 'gate', name: `${b.name}出入口道闸`, nameEn: `${b.nameEn} entry barrier`, x: 0, y: -b.depthM / 2 - 2, heightM: 1, storey: 'F01', ifcKey: storeyKey(b.id, 1) }, 'outdoor');
  for (let i = 1; i <= b.cameras; i++) {
    const storey = 1 + ((i - 1) % b.storeys);
    const x = (i % 2 === 0 ? 1 : -1) * (b.widthM / 4);
    add(builder, b, [b.id, storeyId(storey)], { kind: 'camera_status', name: `${b.name}${storey}层摄像机`, nameEn: `${b.nameEn} ${storeyId(storey)} camera`, x, y: 0, heightM: (storey - 1) * b.storeyHeightM + 2.6, storey: storeyId(storey), ifcKey: equipmentKey(b.id, 'CAM', i), camera: { ...cameraMount(b, i, [x, 0], [-x, 6], 100, -25), shows: 'vehicles' } }, 'indoor');
  }
}
