import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { communityLayout } from '../communityLayout.ts';
import { buildingElementKeys } from './buildingElementKeys.ts';
import { footprintErrorM } from './footprintCheck.ts';
import { ifcGlobalId } from './globalId.ts';
import { sharedIfcApi as api } from './ifcApi.ts';
import { ifcBuildingSpecsFromLayout } from './ifcBuildingSpecsFromLayout.ts';
import { countOf, globalIdsByClass, meshStats, openIfc, readMapConversion } from './ifcModelReader.ts';
import { defaultIfcDir } from './writeCommunityIfc.ts';

const layout = communityLayout();
const specs = ifcBuildingSpecsFromLayout(layout);

describe.skipIf(!existsSync(defaultIfcDir))('the kept IFC files in models/community/ifc', () => {
  it('hold every building of the plan, each small enough to commit', () => {
    let total = 0;
    for (const spec of specs) {
      const path = join(defaultIfcDir, `${spec.id}.ifc`);
      expect(existsSync(path), `${path} is missing: run models/src/ifc/writeIfcMain.ts`).toBe(true);
      const { size } = statSync(path);
      expect(size, spec.id).toBeLessThan(1.5e6);
      total += size;
    }
    expect(total).toBeLessThan(25e6);
  });

  it(
    'reopen in web-ifc as IFC4 with geometry, every element key, and a footprint where the plan draws it',
    () => {
      for (const spec of specs) {
        const model = openIfc(api, readFileSync(join(defaultIfcDir, `${spec.id}.ifc`)));
        try {
          expect(model.schema, spec.id).toBe('IFC4');
          expect(countOf(api, model.modelID, 'IfcBuildingStorey'), spec.id).toBe(spec.storeys + spec.basements);
          expect(meshStats(api, model.modelID).meshes, spec.id).toBeGreaterThan(0);
          const keys = buildingElementKeys(spec);
          const found = globalIdsByClass(api, model.modelID, keys.map((k) => k.ifcClass));
          const stale = keys.filter((k) => found.get(ifcGlobalId(k.key)) !== k.ifcClass).map((k) => k.key);
          expect(stale, `${spec.id} is out of date: run models/src/ifc/writeIfcMain.ts`).toEqual([]);
          expect(found.size, spec.id).toBe(keys.length);
          const conversion = readMapConversion(api, model.modelID);
          const building = layout.buildings.find((b) => b.id === spec.id)!;
          expect(footprintErrorM(conversion!, spec.widthM, spec.depthM, building.footprint, layout.origin), spec.id).toBeLessThan(1);
        } finally {
          model.close();
        }
      }
    },
    60_000,
  );
});
