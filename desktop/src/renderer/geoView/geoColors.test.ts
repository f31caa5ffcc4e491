import { describe, expect, it } from 'vitest';
import { UTILITY_COLORS, UNKNOWN_NETWORK_COLOR } from '../scene/build/utilityColors.ts';
import { SENSOR_LAYER_COLORS } from '../scene/build/sensorMarkers.ts';
import { buildingColor, cssHexOf, networkRgba, rgbaOf, sensorRgba, siteColor } from './geoColors.ts';

describe('map colours', () => {
  it('splits 0xRRGGBB into bytes and writes them back as CSS', () => {
    expect(rgbaOf(0x1e88e5)).toEqual([0x1e, 0x88, 0xe5, 255]);
    expect(rgbaOf(0x000000, 10)).toEqual([0, 0, 0, 10]);
    expect(cssHexOf([0x1e, 0x88, 0x05, 255])).toBe('#1e8805');
  });

  it('MUN-1..5 draws every utility network in the colour the 3D scene uses for it', () => {
    for (const [network, { color }] of Object.entries(UTILITY_COLORS)) expect(networkRgba(network)).toEqual(rgbaOf(color));
    expect(networkRgba('district-heating')).toEqual(rgbaOf(UNKNOWN_NETWORK_COLOR));
  });

  it('gives sensors their layer colour, as the 3D scene does', () => {
    expect(sensorRgba('gas_lel')).toEqual(rgbaOf(SENSOR_LAYER_COLORS.gas));
    expect(sensorRgba('noise')).toEqual(rgbaOf(SENSOR_LAYER_COLORS.environment));
  });

  it('colours buildings by category, with one colour for categories it does not know', () => {
    expect(buildingColor('residential')).not.toEqual(buildingColor('school'));
    expect(buildingColor('hangar')).toEqual(buildingColor('toString'));
  });

  it('MUN-6 sets shelters apart from the green they lie in, and municipal roads from community roads', () => {
    expect(siteColor('shelter', false)).not.toEqual(siteColor('green', false));
    expect(siteColor('road', true)).not.toEqual(siteColor('road', false));
    expect(siteColor('footpath', false)).not.toEqual(siteColor('road', false));
  });
});
