/**
 * Daily activity profiles of a Shenzhen residential community, as functions of the local hour.
 * Shapes follow typical residential patterns: occupants leave around 08:00 and return after
 * 18:00, water has its night minimum between 02:00 and 04:00, power peaks in the evening.
 */
import { bump, hourly } from './localTime.ts';

/** Share of residents at home (0..1). On weekends the daytime dip is shallower. */
export function occupancy(hour: number, weekend = false): number {
  return weekend
    ? hourly([[0, 0.95], [8, 0.95], [10, 0.7], [15, 0.6], [18, 0.8], [21, 0.95], [24, 0.95]], hour)
    : hourly([[0, 0.95], [6, 0.95], [7.5, 0.75], [9, 0.35], [12, 0.4], [14, 0.35], [17, 0.45], [19, 0.85], [22, 0.95], [24, 0.95]], hour);
}

/** Share of the night's sleepers in bed (0..1). */
export function sleeping(hour: number): number {
  return hourly([[0, 0.95], [5.5, 1], [7, 0.5], [8, 0.1], [13, 0.15], [14, 0.1], [21.5, 0.2], [23, 0.8], [24, 0.95]], hour);
}

/** Water demand relative to the daily mean: night minimum 02:00-04:00, morning and evening peaks (MUN-3). */
export function waterDemand(hour: number, weekend = false): number {
  const h = weekend ? (hour - 1 + 24) % 24 : hour; // people get up about an hour later
  return hourly(
    [[0, 0.45], [1, 0.3], [2, 0.2], [3, 0.18], [4, 0.22], [5, 0.5], [6, 1.2], [7, 1.9], [7.5, 2.0], [8, 1.8], [9, 1.2], [11, 1.0],
      [12, 1.2], [13, 1.0], [15, 0.8], [17, 1.0], [19, 1.6], [20.5, 1.8], [21.5, 1.6], [23, 0.9], [24, 0.45]],
    h,
  );
}

/** Peak of `waterDemand`, for normalising. */
export const WATER_DEMAND_PEAK = 2.0;

/** Residential electric load relative to the evening peak (MUN-1, MUN-4). */
export function powerLoad(hour: number): number {
  return hourly([[0, 0.45], [3, 0.3], [5, 0.3], [7, 0.5], [8, 0.55], [10, 0.45], [12, 0.55], [14, 0.5], [17, 0.6], [19, 0.9], [21, 1.0], [22, 0.9], [23, 0.65], [24, 0.45]], hour);
}

/** Gas cooking activity (0..1): breakfast, lunch and the main dinner peak. */
export function cooking(hour: number): number {
  return 0.3 * bump(hour, 7.2, 0.5) + 0.6 * bump(hour, 11.8, 0.6) + 1.0 * bump(hour, 18.5, 0.7);
}

/** Showers on gas water heaters (0..1), mostly in the late evening. */
export function showers(hour: number): number {
  return 0.25 * bump(hour, 7, 0.6) + 1.0 * bump(hour, 21.5, 1.0);
}

/** Vehicles per hour through a community barrier at its busiest, scaled by this profile (0..1). */
export function vehicleTraffic(hour: number): number {
  return 0.04 + 1.0 * bump(hour, 8, 0.8) + 0.35 * bump(hour, 12.5, 1.2) + 0.9 * bump(hour, 18.7, 1.1) + 0.15 * bump(hour, 15, 3);
}

/** People passing an access door, relative (0..1). */
export function footfall(hour: number): number {
  return 0.02 + 0.8 * bump(hour, 8, 0.9) + 0.3 * bump(hour, 12, 1.5) + 1.0 * bump(hour, 18.5, 1.5) + 0.4 * bump(hour, 20.5, 1.2);
}

/** Share of garage spaces occupied at this hour (MUN-2): full at night, half empty on workdays. */
export function garageOccupancy(hour: number, weekend = false): number {
  return weekend
    ? hourly([[0, 0.92], [9, 0.88], [12, 0.7], [17, 0.72], [20, 0.88], [24, 0.92]], hour)
    : hourly([[0, 0.93], [6.5, 0.92], [9, 0.5], [17, 0.48], [19.5, 0.85], [22, 0.92], [24, 0.93]], hour);
}

/** Outdoor sound level without events, dB(A): traffic-driven, quiet at night. */
export function outdoorNoiseBase(hour: number): number {
  return hourly([[0, 42], [3, 40], [5, 40.5], [6, 45], [7.5, 52], [9, 50.5], [12, 49.5], [14, 49], [17, 51.5], [18.5, 52.5], [21, 49.5], [22, 45.5], [23, 43], [24, 42]], hour);
}

/** Bedroom sound level with windows closed, without events, dB(A). */
export function bedroomNoiseBase(hour: number): number {
  return hourly([[0, 30], [4, 28.5], [6, 30.5], [7.5, 36], [12, 37], [18, 38], [21, 37], [22, 33], [23, 31], [24, 30]], hour);
}
