/**
 * Event kinds, reported as codes (`EVENT_CODES`): doors and gates 0 closed, 1 open, 2 forced;
 * parking 0 free, 1 occupied; cameras 0 offline, 1 online, 2 degraded. A door or gate that
 * opened at any time since the previous report is reported open, so no passage goes unseen.
 */
import { EVENT_CODES } from '@twin/protocol';
import { fires } from '../episodes.ts';
import { isWeekend, localHour } from '../localTime.ts';
import { footfall, garageOccupancy, vehicleTraffic } from '../profiles.ts';
import { hashUnit } from '../random.ts';
import type { SensorState } from '../sensorState.ts';
import type { Rng } from '../random.ts';
import type { SignalModel } from './signalModel.ts';

const DAY_H = 24;

/** Shared logic of doors and gates: passages at `ratePerHour`, break-ins at `forcedPerHour`. */
function accessPoint(tMs: number, dtMs: number, state: SensorState, rng: Rng, ratePerHour: number, forcedPerHour: number, openMs: [number, number]): number {
  const codes = EVENT_CODES.door;
  if (fires(forcedPerHour, dtMs, rng)) state.forcedUntilMs = tMs + rng.range(30_000, 120_000);
  if ((state.forcedUntilMs ?? 0) > tMs) return codes.forced;
  const passed = fires(ratePerHour, dtMs, rng);
  if (passed) state.openUntilMs = Math.max(state.openUntilMs ?? 0, tMs + rng.range(openMs[0], openMs[1]));
  return passed || (state.openUntilMs ?? 0) > tMs ? codes.open : codes.closed;
}

/** Access doors: busy at commuting hours; pedestrian gates outdoors see three times the traffic. */
export const door: SignalModel = (sensor, tMs, dtMs, state, rng) => {
  const busiest = (sensor.location.placement === 'outdoor' ? 120 : 40) * (0.3 + 0.7 * hashUnit(state.sensorKey, 3));
  return accessPoint(tMs, dtMs, state, rng, busiest * footfall(localHour(tMs)), 1 / (20 * DAY_H), [4_000, 12_000]);
};

/** Vehicle barriers: morning outflow and evening inflow peaks. */
export const gate: SignalModel = (_sensor, tMs, dtMs, state, rng) => {
  const busiest = 40 * (0.5 + 0.5 * hashUnit(state.sensorKey, 3));
  return accessPoint(tMs, dtMs, state, rng, busiest * vehicleTraffic(localHour(tMs)), 1 / (60 * DAY_H), [6_000, 15_000]);
};

/**
 * Parking spaces: a two-state process whose long-run occupancy follows the garage's daily
 * profile, with cars staying for hours (MUN-2).
 */
export const parking: SignalModel = (_sensor, tMs, dtMs, state, rng) => {
  const codes = EVENT_CODES.parking;
  const target = Math.min(0.95, Math.max(0.05, garageOccupancy(localHour(tMs), isWeekend(tMs))));
  if (state.code === undefined) return (state.code = rng.chance(target) ? codes.occupied : codes.free);
  const cycleH = 3;
  const leaveRate = 1 / (target * cycleH);
  const arriveRate = 1 / ((1 - target) * cycleH);
  if (state.code === codes.occupied && fires(leaveRate, dtMs, rng)) state.code = codes.free;
  else if (state.code === codes.free && fires(arriveRate, dtMs, rng)) state.code = codes.occupied;
  return state.code;
};

/**
 * Camera status: mostly online; now and then degraded (about every three days, for minutes) or
 * offline (about every ten days, for most of an hour).
 */
export const cameraStatus: SignalModel = (_sensor, _tMs, dtMs, state, rng) => {
  const codes = EVENT_CODES.camera_status;
  const code = state.code ?? codes.online;
  if (code === codes.online) {
    if (fires(1 / (10 * DAY_H), dtMs, rng)) state.code = codes.offline;
    else if (fires(1 / (3 * DAY_H), dtMs, rng)) state.code = codes.degraded;
    else state.code = codes.online;
  } else if (code === codes.degraded && fires(4, dtMs, rng)) state.code = codes.online;
  else if (code === codes.offline && fires(1.5, dtMs, rng)) state.code = codes.online;
  return state.code ?? code;
};
