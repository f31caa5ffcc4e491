/**
 * Devices outside the buildings: outdoor environment stations and boundary monitors (ENV-2..5),
 * entrances with barriers and pedestrian gates (PROP-1), perimeter cameras (GOV-3) and cameras
 * over the emergency shelters (MUN-6).
 */
import type { SensorKind } from '@twin/protocol';
import type { CommunityLayout, OutdoorPoint, Surface } from '../communityLayout.ts';
import { bearingDeg, pt } from '../layout/planGeometry.ts';
import type { CameraMount, RegistryBuilder } from '../registryBuilder.ts';

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

/** Adds outdoor stations, entrances, perimeter and shelter cameras. */
export function planSiteSensors(builder: RegistryBuilder, layout: CommunityLayout): void {
  for (const point of layout.outdoor) planOutdoorPoint(builder, layout, point);
  planEntrances(builder, layout);
  planPerimeterCameras(builder, layout);
  planShelterCameras(builder, layout);
}

function mount(id: string, from: { eastM: number; northM: number }, toward: { eastM: number; northM: number }, fovDeg: number, pitchDeg: number, shows: CameraMount['shows'] = 'scene'): CameraMount {
  return { id, headingDeg: bearingDeg(from, toward), pitchDeg, fovDeg, shows };
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
    // Cameras face out of the site, towards who is arriving.
    const outward = pt(entrance.eastM * 2, entrance.northM * 2);
    let cameras = 0;
    if (entrance.vehicle) {
      const at = pt(entrance.eastM + 1, entrance.northM);
      builder.add({ ...base, kind: 'gate', place: [entrance.id, 'VEH'], name: `${entrance.name}车辆道闸`, nameEn: `${entrance.nameEn} vehicle barrier`, eastM: entrance.eastM, heightM: 1.0 });
      builder.add({ ...base, kind: 'camera_status', place: [entrance.id, 'VEH'], name: `${entrance.name}车牌识别摄像机`, nameEn: `${entrance.nameEn} plate-recognition camera`, eastM: at.eastM, heightM: 1.6, camera: mount(`${entrance.id}/CAM-${++cameras}`, at, outward, 40, -10, 'vehicles') });
    }
    const at = pt(entrance.eastM + 9, entrance.northM);
    builder.add({ ...base, kind: 'door', place: [entrance.id, 'PED'], name: `${entrance.name}人行门禁`, nameEn: `${entrance.nameEn} pedestrian gate`, eastM: entrance.eastM + 8, heightM: 1.2 });
    builder.add({ ...base, kind: 'camera_status', place: [entrance.id, 'PED'], name: `${entrance.name}人脸识别摄像机`, nameEn: `${entrance.nameEn} face-recognition camera`, eastM: at.eastM, heightM: 2.2, camera: mount(`${entrance.id}/CAM-${++cameras}`, at, pt(outward.eastM + 9, outward.northM), 60, -15) });
  }
}

function planPerimeterCameras(builder: RegistryBuilder, layout: CommunityLayout): void {
  const cameras = layout.perimeterCameras;
  cameras.forEach((camera, i) => {
    const zone = zoneOf(layout, camera.zone);
    const next = cameras[(i + 1) % cameras.length]!;
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
      camera: mount(`FENCE/CAM-${i + 1}`, camera, next, 60, -15),
    });
  });
}

function planShelterCameras(builder: RegistryBuilder, layout: CommunityLayout): void {
  for (const shelter of layout.shelters) {
    const zone = zoneOf(layout, shelter.zone);
    const [sw, , ne] = shelter.outline as [{ eastM: number; northM: number }, unknown, { eastM: number; northM: number }];
    const centre = pt((sw.eastM + ne.eastM) / 2, (sw.northM + ne.northM) / 2);
    builder.add({
      kind: 'camera_status',
      place: [zone.code, 'SHELTER'],
      name: `${shelter.name}摄像机`,
      nameEn: `${shelter.nameEn} camera`,
      eastM: sw.eastM,
      northM: sw.northM,
      heightM: 6,
      area: shelter.zone,
      placement: 'outdoor',
      camera: mount(`${shelter.id}/CAM-1`, sw, centre, 90, -20),
    });
  }
}
