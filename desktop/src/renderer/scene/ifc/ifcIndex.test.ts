import { describe, expect, it } from 'vitest';
import communityServiceCenter from '../../../../../models/community/ifc/C01.ifc?raw';
import { indexIfc } from './ifcIndex.ts';

const tiny = `ISO-10303-21;
HEADER;FILE_SCHEMA(('IFC4'));ENDSEC;
DATA;
#1=IFCCARTESIANPOINT((0.,0.,0.));
#2=IFCAXIS2PLACEMENT3D(#1,$,$);
#3=IFCDIRECTION((0.,1.));
#4=IFCGEOMETRICREPRESENTATIONCONTEXT($,'Model',3,1E-05,#2,#3);
#5=IFCLOCALPLACEMENT($,#2);
#6=IFCSITE('site000000000000000001',$,'Site',$,$,#5,$,$,.ELEMENT.,(22,32,30,0),(114,3,36,0),8.5,$,$);
#7=IFCBUILDING('bldg000000000000000001',$,'B9',$,$,#5,$,'Tower 9',.ELEMENT.,$,$,$);
#8=IFCBUILDINGSTOREY('stry000000000000000002',$,'F2',$,$,#5,$,'2F',.ELEMENT.,3.);
#9=IFCBUILDINGSTOREY('stry000000000000000001',$,'F1',$,$,#5,$,'1F',.ELEMENT.,0.);
#10=IFCRELAGGREGATES('rel0000000000000000001',$,$,$,#6,(#7));
#11=IFCRELAGGREGATES('rel0000000000000000002',$,$,$,#7,(#9,#8));
#12=IFCWALL('wall000000000000000001',$,'Wall',$,$,#5,$,'B9/F2/WALL-1',.SOLIDWALL.);
#13=IFCRELCONTAINEDINSPATIALSTRUCTURE('rel0000000000000000003',$,$,$,(#12),#8);
#14=IFCPROPERTYSINGLEVALUE('IsExternal',$,IFCBOOLEAN(.T.),$);
#15=IFCPROPERTYSINGLEVALUE('ElementKey',$,IFCIDENTIFIER('B9/F2/WALL-1'),$);
#16=IFCPROPERTYSET('pset000000000000000001',$,'Pset_WallCommon',$,(#14,#15));
#17=IFCRELDEFINESBYPROPERTIES('rel0000000000000000004',$,$,$,(#12),#16);
#18=IFCQUANTITYLENGTH('Height',$,$,3.,$);
#19=IFCELEMENTQUANTITY('qset000000000000000001',$,'Qto_WallBaseQuantities',$,$,(#18));
#20=IFCRELDEFINESBYPROPERTIES('rel0000000000000000005',$,$,$,(#12),#19);
ENDSEC;
END-ISO-10303-21;`;

describe('indexIfc', () => {
  it('orders storeys by elevation and finds the storey of contained elements', () => {
    const index = indexIfc(tiny);
    expect(index.schema).toBe('IFC4');
    expect(index.storeys.map((s) => s.name)).toEqual(['F1', 'F2']);
    expect(index.storeyOf.get(12)).toBe(1);
    expect(index.building).toBe(7);
    expect(index.objects.get(7)).toMatchObject({ globalId: 'bldg000000000000000001', name: 'B9', longName: 'Tower 9' });
  });

  it('collects property and quantity sets with plain values, and element tags and types', () => {
    const index = indexIfc(tiny);
    const wall = index.objects.get(12)!;
    expect(wall).toMatchObject({ tag: 'B9/F2/WALL-1', predefinedType: 'SOLIDWALL' });
    expect(wall.propertySets.map((i) => index.propertySets[i])).toEqual([
      { name: 'Pset_WallCommon', properties: [{ name: 'IsExternal', value: true }, { name: 'ElementKey', value: 'B9/F2/WALL-1' }] },
      { name: 'Qto_WallBaseQuantities', properties: [{ name: 'Height', value: 3 }] },
    ]);
  });

  it('falls back to the IfcSite reference point and true north without a map conversion', () => {
    expect(indexIfc(tiny).georeference).toEqual({ source: 'IfcSite', lon: 114 + 3 / 60 + 36 / 3600, lat: 22 + 32 / 60 + 30 / 3600, elevationM: 8.5, trueNorth: [0, 1] });
  });

  it('indexes the community service center of the sample: map conversion, storeys, space boxes', () => {
    const index = indexIfc(communityServiceCenter);
    expect(index.georeference).toMatchObject({ source: 'IfcMapConversion', crsName: 'EPSG:4547', mapZone: 'CM 114E', eastingsM: 506212.0145, orthogonalHeightM: 8.39 });
    expect(index.storeys.map((s) => [s.name, s.elevationM])).toEqual([['F1', 0], ['F2', 4.2], ['F3', 8.4], ['F4', expect.closeTo(12.6, 6)]]);
    const hall = index.spaces.find((s) => index.objects.get(s.expressId)?.name === 'F1-S01')!;
    expect(hall.storey).toBe(0);
    expect(index.objects.get(hall.expressId)!.longName).toBe('服务大厅');
    // 18.5 m × 9.11 m × 4 m, centred 18.5 m west and 7.195 m south of the building origin.
    const corner = (x: number, y: number, z: number) => [0, 1, 2].map((r) => Number((hall.box![4 * r]! * x + hall.box![4 * r + 1]! * y + hall.box![4 * r + 2]! * z + hall.box![4 * r + 3]!).toFixed(3)));
    expect(corner(0, 0, 0)).toEqual([-18.5, -7.195, 2]);
    expect(corner(0.5, 0.5, 0.5)).toEqual([-9.25, -2.64, 4]);
  });
});
