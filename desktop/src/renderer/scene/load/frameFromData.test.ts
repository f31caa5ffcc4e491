import { describe, expect, it } from 'vitest';
import siteText from '../../../../../models/community/site.geojson?raw';
import rainText from '../../../../../models/community/rain.geojson?raw';
import { sceneFrame } from '../geo/sceneFrame.ts';
import { frameFromData } from './frameFromData.ts';
import { parseFeatureCollection } from './geoJson.ts';

describe('frameFromData', () => {
  const site = parseFeatureCollection(JSON.parse(siteText));
  const rain = parseFeatureCollection(JSON.parse(rainText));

  it('centres the scene on the sample site plan (Futian, 114.06°E 22.54°N)', () => {
    const { origin } = frameFromData([site, rain]);
    expect(origin.lon).toBeCloseTo(114.06, 4);
    expect(origin.lat).toBeCloseTo(22.54, 4);
  });

  it('fits the ground to the rims: 8.5 m at the centre, falling 0.3 % to the south', () => {
    const params = frameFromData([site, rain]);
    expect(params.ground.e0).toBeCloseTo(8.5, 1);
    // Scene z points south.
    expect(params.ground.slopeZ).toBeCloseTo(-0.003, 3);
    expect(sceneFrame(params).groundY(0, 0)).toBe(0);
  });

  it('is level at the site ground elevation without rims, and at the origin of the data without a site', () => {
    expect(frameFromData([site]).ground).toEqual({ e0: 8.5, slopeX: 0, slopeZ: 0 });
    expect(frameFromData([undefined, rain]).origin.lon).toBeCloseTo(114.06, 2);
  });
});
