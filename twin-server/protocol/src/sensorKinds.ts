/**
 * The kinds of device the community reports, each with its canonical unit and the layer it is
 * drawn on. Units follow SenML (RFC 8428 §12.1) symbols where SenML has one.
 * REQ ENV-1..5 (heat, light, noise, air), MUN-1 (metering), MUN-5 (gas), PLAT-10 (sensor access).
 */
export const SENSOR_KINDS = {
  temperature: { unit: 'Cel', layer: 'environment', label: '温度', labelEn: 'Temperature' },
  humidity: { unit: '%RH', layer: 'environment', label: '湿度', labelEn: 'Humidity' },
  illuminance: { unit: 'lx', layer: 'environment', label: '照度', labelEn: 'Illuminance' },
  noise: { unit: 'dBA', layer: 'environment', label: '噪声', labelEn: 'Noise' },
  pm25: { unit: 'ug/m3', layer: 'air', label: 'PM2.5', labelEn: 'PM2.5' },
  co2: { unit: 'ppm', layer: 'air', label: '二氧化碳', labelEn: 'CO2' },
  tvoc: { unit: 'mg/m3', layer: 'air', label: 'TVOC', labelEn: 'TVOC' },
  formaldehyde: { unit: 'mg/m3', layer: 'air', label: '甲醛', labelEn: 'Formaldehyde' },
  gas_lel: { unit: '%LEL', layer: 'gas', label: '可燃气体浓度', labelEn: 'Combustible gas' },
  gas_flow: { unit: 'm3/h', layer: 'gas', label: '燃气流量', labelEn: 'Gas flow' },
  water_flow: { unit: 'm3/h', layer: 'water', label: '供水流量', labelEn: 'Water flow' },
  water_pressure: { unit: 'kPa', layer: 'water', label: '供水压力', labelEn: 'Water pressure' },
  power: { unit: 'kW', layer: 'power', label: '有功功率', labelEn: 'Active power' },
  energy: { unit: 'kWh', layer: 'power', label: '电能', labelEn: 'Energy' },
  door: { unit: 'event', layer: 'access', label: '门禁', labelEn: 'Door access' },
  gate: { unit: 'event', layer: 'access', label: '道闸', labelEn: 'Barrier gate' },
  parking: { unit: 'event', layer: 'access', label: '车位', labelEn: 'Parking space' },
  camera_status: { unit: 'status', layer: 'camera', label: '摄像机状态', labelEn: 'Camera status' },
} as const;

/** A sensor kind id, e.g. `'noise'`. */
export type SensorKind = keyof typeof SENSOR_KINDS;

/** A display layer, e.g. `'gas'`. */
export type SensorLayer = (typeof SENSOR_KINDS)[SensorKind]['layer'];

/** Every kind id, in declaration order. */
export const SENSOR_KIND_IDS = Object.keys(SENSOR_KINDS) as SensorKind[];

/** Every layer id, without repeats. */
export const SENSOR_LAYER_IDS = [...new Set(SENSOR_KIND_IDS.map((k) => SENSOR_KINDS[k].layer))] as SensorLayer[];

/** Whether `value` names a sensor kind. */
export function isSensorKind(value: string): value is SensorKind {
  return Object.hasOwn(SENSOR_KINDS, value);
}

/**
 * Event kinds carry a code as their value: for doors and gates 0 closed, 1 open, 2 forced;
 * for parking 0 free, 1 occupied; for camera status 0 offline, 1 online, 2 degraded.
 */
export const EVENT_CODES = {
  door: { closed: 0, open: 1, forced: 2 },
  gate: { closed: 0, open: 1, forced: 2 },
  parking: { free: 0, occupied: 1 },
  camera_status: { offline: 0, online: 1, degraded: 2 },
} as const;
