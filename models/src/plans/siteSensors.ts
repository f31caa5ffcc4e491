/**
 * Devices outside the towers: outdoor environment stations and boundary monitors (ENV-2..5),
 * entrances with barriers and pedestrian gates (PROP-1), perimeter cameras (GOV-3) and the
 * underground garage with per-space occupancy (MUN-2 smart parking).
 */
import type { SensorKind } from '@twin/protocol';
import type { CommunityLayout, OutdoorPoint, Surface } from '../communityLayout.ts';
import type { RegistryBuilder } from '../registryBuilder.ts';

const SURFACE_NAMES: Record<Surface, { zh: string; en: string }> = {
  PLAZA: { zh: '硬质广场', en: 'paved plaza' },
  ROAD: { zh: '边界道路侧', en: 'boundary roadside' },
  GREEN: { zh: '中心绿地', en: 'central green' },
};

/** Kinds measured at an outdoor point, with mounting height (m): full stations on plazas and greens. */
const STATION_KINDS: Record<Surface, Array<[SensorKind, number]>> = {
  PLAZA: [['temperature', 1.5], ['humidity', 1.5], ['illuminance', 3], ['noise', 1.5], ['pm25', 3]],
  GREEN: [['temperature', 1.5], ['humidity', 1.5], ['illuminance', 3], ['noise', 1.5], ['pm25', 3]],
  ROAD: [['temperature', 1.5], ['noise', 1.5], ['pm25', 3]],
};

const KIND_NAMES: Partial<Record<SensorKind, { zh: string; en: string }>> = {
  temperature: { zh: '温度', en: 'temperature' },
  humidity: { zh: '湿度', en: 'humidity' },
  illuminance: { zh: '照度', en: 'illuminance' },
  noise: { zh: '环境噪声', en: 'ambient noise' },
  pm25: { zh: 'PM2.5', en: 'PM2.5' },
};

/** Adds outdoor stations, entrances, perimeter cameras and the garage. */
export function planSiteSensors(builder: RegistryBuilder, layout: CommunityLayout): void {
  for (const point of layout.outdoor) planOutdoorPoint(builder, layout, point);
  planEntrances(builder, layout);
  planPerimeterCameras(builder, layout);
  planGarage(builder, layout);
}

function zoneOf(layout: CommunityLayout, zoneId: string) {
  const zone = layout.zones.find((z) => z.id === zoneId);
  if (zone === undefined) throw new Error(`layout names unknown zone ${zoneId}`);
  return zone;
}

function planOutdoorPoint(builder: RegistryBuilder, layout: CommunityLayout, point: OutdoorPoint): void {
  const zone = zoneOf(layout, point.zone);
  const surface = SURFACE_NAMES[point.surface];
  const suffixZh = point.reference ? '（热岛参照点）' : '';
  const suffixEn = point.reference ? ' (heat-island reference)' : '';
  STATION_KINDS[point.surface].forEach(([kind, heightM], index) => {
    const names = KIND_NAMES[kind]!;
    builder.add({
      kind,
      place: [zone.code, point.surface],
      name: `${zone.code.slice(1)}区${surface.zh}${names.zh}${suffixZh}`,
      nameEn: `Zone ${zone.code.slice(1)} ${surface.en} ${names.en}${suffixEn}`,
      eastM: point.eastM + 0.6 * index,
      northM: point.northM,
      heightM,
      area: point.zone,
      placement: 'outdoor',
    });
  });
}

function planEntrances(builder: RegistryBuilder, layout: CommunityLayout): void {
  for (const entrance of layout.entrances) {
    const base = { area: entrance.zone, placement: 'outdoor' as const, northM: entrance.northM };
    if (entrance.vehicle) {
      builder.add({ ...base, kind: 'gate', place: [entrance.id, 'VEH'], name: `${entrance.name}车辆道闸`, nameEn: `${entrance.nameEn} vehicle barrier`, eastM: entrance.eastM, heightM: 1.0 });
      builder.add({ ...base, kind: 'camera_status', place: [entrance.id, 'VEH'], name: `${entrance.name}车牌识别摄像机`, nameEn: `${entrance.nameEn} plate-recognition camera`, eastM: entrance.eastM + 1, heightM: 1.6 });
    }
    builder.add({ ...base, kind: 'door', place: [entrance.id, 'PED'], name: `${entrance.name}人行门禁`, nameEn: `${entrance.nameEn} pedestrian gate`, eastM: entrance.eastM + 8, heightM: 1.2 });
    builder.add({ ...base, kind: 'camera_status', place: [entrance.id, 'PED'], name: `${entrance.name}人脸识别摄像机`, nameEn: `${entrance.nameEn} face-recognition camera`, eastM: entrance.eastM + 9, heightM: 2.2 });
  }
}

function planPerimeterCameras(builder: RegistryBuilder, layout: CommunityLayout): void {
  for (const camera of layout.perimeterCameras) {
    const zone = zoneOf(layout, camera.zone);
    builder.add({
      kind: 'camera_status',
      place: [zone.code, 'FENCE'],
      name: `${zone.code.slice(1)}区周界摄像机`,
      nameEn: `Zone ${zone.code.slice(1)} perimeter camera`,
      eastM: camera.eastM,
      northM: camera.northM,
      heightM: 3.5,
      area: camera.zone,
      placement: 'outdoor',
    });
  }
}

function planGarage(builder: RegistryBuilder, layout: CommunityLayout): void {
  const { garage } = layout;
  const base = { area: garage.zone, placement: 'indoor' as const, storey: 'B1' };
  const perRow = 13;
  for (let i = 0; i < garage.spaces; i++) {
    const row = Math.floor(i / perRow);
    const column = i % perRow;
    builder.add({
      ...base,
      kind: 'parking',
      place: ['GAR', 'B1'],
      name: `地下车库B1层${String(i + 1).padStart(3, '0')}号车位`,
      nameEn: `Garage B1 space ${String(i + 1).padStart(3, '0')}`,
      eastM: garage.eastM + (column - perRow / 2) * 2.5,
      northM: garage.northM + (row - 2) * 6,
      heightM: garage.levelHeightM,
    });
  }
  builder.add({ ...base, kind: 'gate', place: ['GAR', 'RAMP'], name: '地下车库坡道道闸', nameEn: 'Garage ramp barrier', eastM: garage.eastM + 20, northM: garage.northM - 18, heightM: garage.levelHeightM + 1 });
  for (let i = 0; i < garage.cameras; i++) {
    builder.add({
      ...base,
      kind: 'camera_status',
      place: ['GAR', 'B1'],
      name: '地下车库B1层摄像机',
      nameEn: 'Garage B1 camera',
      eastM: garage.eastM + (i % 3 - 1) * 15,
      northM: garage.northM + (Math.floor(i / 3) - 0.5) * 14,
      heightM: garage.levelHeightM + 2.8,
    });
  }
}
