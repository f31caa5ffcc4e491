import { describe, expect, it } from 'vitest';
import manifestText from '../../../../../models/community/manifest.json?raw';
import { buildingIdOf, communityFiles, ManifestError } from './modelManifest.ts';

const manifest: unknown = JSON.parse(manifestText);

describe('communityFiles', () => {
  it('sorts the sample manifest into site, roads, five networks, 34 buildings and cameras', () => {
    const files = communityFiles(manifest);
    expect(files.site?.path).toBe('site.geojson');
    expect(files.roads?.path).toBe('roads.geojson');
    expect(files.cameras?.path).toBe('cameras.json');
    expect([...files.networks.keys()].sort()).toEqual(['gas', 'power', 'rain', 'sewage', 'water']);
    expect(files.buildings).toHaveLength(34);
    expect(files.buildings[0]).toMatchObject({ path: 'ifc/B01.ifc', building: 'B01', crs: 'EPSG:4547' });
  });

  it('rejects a manifest without files or with a file lacking its role', () => {
    expect(() => communityFiles({})).toThrow(ManifestError);
    expect(() => communityFiles({ files: [{ path: 'a.geojson' }] })).toThrow(ManifestError);
  });

  it('names a building by its manifest id, else by its file name', () => {
    expect(buildingIdOf({ path: 'ifc/B01.ifc', role: 'building', building: 'B01' })).toBe('B01');
    expect(buildingIdOf({ path: 'models/Tower.IFCZIP', role: 'building' })).toBe('Tower');
  });
});
