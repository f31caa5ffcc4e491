/**
 * Writes the community's buildings as IFC4 files, one per building (`<buildingId>.ifc`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IfcAPI } from 'web-ifc';
import { sharedIfcApi } from './ifcApi.ts';
import { ifcBuildingSpecsFromLayout, type IfcLayout } from './ifcBuildingSpecsFromLayout.ts';
import { writeBuildingIfc } from './writeBuildingIfc.ts';

/** Where the kept sample's IFC files live: `models/community/ifc`. */
export const defaultIfcDir: string = fileURLToPath(new URL('../../community/ifc', import.meta.url));

/**
 * Writes `<outDir>/<buildingId>.ifc` for every building of `layout`, one after another, and
 * returns the paths written, in the layout's order. Files of buildings no longer in the layout
 * are left alone.
 *
 * @example
 * const paths = await writeCommunityIfc(communityLayout(), defaultIfcDir);
 */
export async function writeCommunityIfc(layout: IfcLayout, outDir: string, api: IfcAPI = sharedIfcApi): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const paths: string[] = [];
  for (const spec of ifcBuildingSpecsFromLayout(layout)) {
    const path = join(outDir, `${spec.id}.ifc`);
    await writeFile(path, writeBuildingIfc(spec, api));
    paths.push(path);
  }
  return paths;
}
