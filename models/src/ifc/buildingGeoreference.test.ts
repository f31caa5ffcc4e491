import { describe, expect, it } from 'vitest';
import { communityLayout } from '../communityLayout.ts';
import { toLonLat } from '../projection/siteProjection.ts';
import { buildingGeoreference, fromCompoundAngle, toCompoundAngle } from './buildingGeoreference.ts';
import { footprintErrorM } from './footprintCheck.ts';
import { sharedIfcApi as api } from './ifcApi.ts';
import { ifcBuildingSpecsFromLayout } from './ifcBuildingSpecsFromLayout.ts';
import { openIfc, readMapConversion } from './ifcModelReader.ts';
import { writeBuildingIfc } from './writeBuildingIfc.ts';

const layout = communityLayout();
const specs = ifcBuildingSpecsFromLayout(layout);
const buildingOf = (id: string) => layout.buildings.find((b) => b.id === id)!;

describe('buildingGeoreference', () => {
  it('lands every building of the plan on its footprint to within a centimetre', () => {
    for (const spec of specs) {
      const georef = buildingGeoreference(spec);
      const conversion = { ...georef, scale: 1 };
      const error = footprintErrorM(conversion, spec.widthM, spec.depthM, buildingOf(spec.id).footprint, layout.origin);
      expect(error, spec.id).toBeLessThan(0.01);
    }
  });

  it('turns the map conversion by the building rotation plus the meridian convergence, about 0.02° here', () => {
    for (const spec of specs) {
      const { xAxisAbscissa, xAxisOrdinate } = buildingGeoreference(spec);
      const gridDeg = (Math.atan2(xAxisOrdinate, xAxisAbscissa) * 180) / Math.PI;
      expect(Math.abs(gridDeg - spec.rotationDeg - 0.023), spec.id).toBeLessThan(0.01);
      expect(Math.hypot(xAxisAbscissa, xAxisOrdinate)).toBeCloseTo(1, 9);
    }
  });

  it('puts RefLatitude and RefLongitude at the local origin, the footprint centre', () => {
    for (const spec of specs.slice(0, 5)) {
      const georef = buildingGeoreference(spec);
      const centre = toLonLat(spec.eastM, spec.northM, layout.origin);
      expect(fromCompoundAngle(georef.refLatitude)).toBeCloseTo(centre.lat, 9);
      expect(fromCompoundAngle(georef.refLongitude)).toBeCloseTo(centre.lon, 9);
    }
  });

  it('writes compound angles as degrees, minutes, seconds and millionths, all of one sign', () => {
    expect(toCompoundAngle(22.54)).toEqual([22, 32, 24, 0]);
    expect(toCompoundAngle(-0.5)).toEqual([0, -30, 0, 0]);
    expect(fromCompoundAngle(toCompoundAngle(114.0612345678))).toBeCloseTo(114.0612345678, 9);
  });
});

describe('IfcMapConversion read back with web-ifc', () => {
  it('lands the footprint corners of a few buildings on the plan to within a metre', () => {
    const sample = ['B01', 'K01', 'P02'].map((id) => specs.find((s) => s.id === id)!);
    for (const spec of sample) {
      const model = openIfc(api, writeBuildingIfc(spec));
      try {
        const conversion = readMapConversion(api, model.modelID);
        expect(conversion, spec.id).not.toBeNull();
        const error = footprintErrorM(conversion!, spec.widthM, spec.depthM, buildingOf(spec.id).footprint, layout.origin);
        expect(error, spec.id).toBeLessThan(1);
        expect(error, spec.id).toBeLessThan(0.01);
      } finally {
        model.close();
      }
    }
  });
});
