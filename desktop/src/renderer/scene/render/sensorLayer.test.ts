import { describe, expect, it } from 'vitest';
import { Color, type InstancedMesh } from 'three';
import { buildSensorMarkers, SENSOR_LAYER_COLORS, SENSOR_MARKER_SIZE_M } from '../build/sensorMarkers.ts';
import { sceneFrame } from '../geo/sceneFrame.ts';
import { SENSOR_STATE } from '../overlays/sensorState.ts';
import { STATE_COLORS } from '../overlays/stateStyle.ts';
import { HIGHLIGHT_COLOR } from './sceneMaterials.ts';
import { SensorLayer } from './sensorLayer.ts';

const frame = sceneFrame({ origin: { lon: 114.06, lat: 22.54 }, ground: { e0: 0, slopeX: 0, slopeZ: 0 } });
const sensor = (id: string, kind: string, unit: string) => ({ id, kind, unit, name: id, location: { lon: 114.06, lat: 22.54, heightM: 1, area: 'zone-a', placement: 'indoor' }, samplingIntervalS: 5 });
const markers = buildSensorMarkers([sensor('N', 'noise', 'dBA'), sensor('L', 'gas_lel', '%LEL'), sensor('P', 'pm25', 'ug/m3')], frame);

function layerWith(states: number[]) {
  const layer = new SensorLayer(markers, false);
  const mesh = layer.object as InstancedMesh;
  layer.setStates(Uint8Array.from(states));
  const colour = (i: number) => new Color().fromArray(mesh.instanceColor!.array, 3 * i).getHex();
  const size = (i: number) => mesh.instanceMatrix.array[16 * i]!;
  return { layer, mesh, colour, size };
}

describe('SensorLayer live states (PLAT-3, MUN-5)', () => {
  it('PLAT-3 colours and sizes each marker by its state, in place', () => {
    const { colour, size } = layerWith([SENSOR_STATE.normal, SENSOR_STATE.gasLeak, SENSOR_STATE.stale]);
    expect(colour(0)).toBe(SENSOR_LAYER_COLORS.environment);
    expect(colour(1)).toBe(STATE_COLORS.gasLeak);
    expect(colour(2)).toBe(STATE_COLORS.stale);
    expect(size(0)).toBeCloseTo(SENSOR_MARKER_SIZE_M, 6);
    expect(size(1)).toBeGreaterThan(size(0));
  });

  it('MUN-5 keeps an alarm\'s colour on the selected marker; a normal selected marker takes the highlight', () => {
    const { layer, colour } = layerWith([SENSOR_STATE.normal, SENSOR_STATE.gasLeak, SENSOR_STATE.normal]);
    layer.setHighlight(1);
    expect(colour(1)).toBe(STATE_COLORS.gasLeak);
    layer.setHighlight(0);
    expect(colour(0)).toBe(HIGHLIGHT_COLOR);
  });

  it('MUN-5 swells and brightens only the pulsing markers, uploading just their instances after the first time', () => {
    const { layer, mesh, size, colour } = layerWith([SENSOR_STATE.normal, SENSOR_STATE.gasLeak, SENSOR_STATE.normal]);
    const rest = size(1);
    layer.pulse(Uint32Array.of(1), 1, 1);
    expect(size(1)).toBeGreaterThan(rest);
    expect(size(0)).toBeCloseTo(SENSOR_MARKER_SIZE_M, 6);
    expect(colour(1)).not.toBe(STATE_COLORS.gasLeak);
    expect(mesh.instanceMatrix.updateRanges).toEqual([]);
    layer.pulse(Uint32Array.of(1), 1, 0.5);
    expect(mesh.instanceMatrix.updateRanges).toEqual([{ start: 16, count: 11 }]);
    expect(mesh.instanceColor!.updateRanges).toEqual([{ start: 3, count: 3 }]);
  });
});
