import { describe, expect, it } from 'vitest';
import { gridCrsParams } from './gridCrs.ts';

describe('gridCrsParams', () => {
  it('knows CGCS2000 / 3-degree Gauss-Krüger CM 114E (EPSG:4547) of the community models', () => {
    expect(gridCrsParams('EPSG:4547')).toMatchObject({ lon0Deg: 114, falseEastingM: 500_000, k0: 1 });
  });

  it('puts the zone number in the easting of the zoned grids', () => {
    expect(gridCrsParams('EPSG:4526')).toMatchObject({ lon0Deg: 114, falseEastingM: 38_500_000 });
    expect(gridCrsParams('EPSG:4497')).toMatchObject({ lon0Deg: 111, falseEastingM: 19_500_000 });
  });

  it('knows UTM zones north and south', () => {
    expect(gridCrsParams('EPSG:32650')).toMatchObject({ lon0Deg: 117, k0: 0.9996, falseNorthingM: 0 });
    expect(gridCrsParams('EPSG:32750')).toMatchObject({ lon0Deg: 117, falseNorthingM: 10_000_000 });
  });

  it('falls back to a central meridian written as the map zone', () => {
    expect(gridCrsParams('Local grid', 'CM 117E')).toMatchObject({ lon0Deg: 117, falseEastingM: 500_000 });
    expect(gridCrsParams('Local grid')).toBeUndefined();
  });
});
