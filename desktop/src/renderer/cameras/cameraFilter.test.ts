import { describe, expect, it } from 'vitest';
import { cameraFacets, cameraName, filterCameras, NO_CAMERA_FILTER } from './cameraFilter.ts';
import { testCamera } from './testCameras.ts';

const cameras = [
  testCamera('B01/CAM-1', { name: '1栋首层大堂大堂摄像机', nameEn: 'Building 1 lobby camera', area: 'zone-a', building: 'B01' }),
  testCamera('B10/CAM-1', { name: '10栋首层大堂摄像机', nameEn: 'Building 10 lobby camera', area: 'zone-a', building: 'B10' }),
  testCamera('B02/CAM-1', { name: '2栋首层大堂摄像机', nameEn: 'Building 2 lobby camera', area: 'zone-b', building: 'B02' }),
  testCamera('P01/CAM-3', { name: '地下车库摄像机', nameEn: 'Car park camera', area: 'zone-d', building: 'P01' }),
  testCamera('FENCE/CAM-1', { name: '围墙周界摄像机', area: 'zone-e' }),
];

describe('choosing cameras from the list (GOV-3 video surveillance)', () => {
  it('GOV-3 finds cameras by id or by either name, ignoring case', () => {
    expect(filterCameras(cameras, { ...NO_CAMERA_FILTER, text: 'p01' }).map((c) => c.id)).toEqual(['P01/CAM-3']);
    expect(filterCameras(cameras, { ...NO_CAMERA_FILTER, text: '车库' }).map((c) => c.id)).toEqual(['P01/CAM-3']);
    expect(filterCameras(cameras, { ...NO_CAMERA_FILTER, text: ' LOBBY ' }).map((c) => c.id)).toEqual(['B01/CAM-1', 'B10/CAM-1', 'B02/CAM-1']);
    expect(filterCameras(cameras, NO_CAMERA_FILTER)).toHaveLength(5);
  });

  it('GOV-3 narrows the list to a zone and a building', () => {
    expect(filterCameras(cameras, { ...NO_CAMERA_FILTER, area: 'zone-a' }).map((c) => c.id)).toEqual(['B01/CAM-1', 'B10/CAM-1']);
    expect(filterCameras(cameras, { ...NO_CAMERA_FILTER, area: 'zone-a', building: 'B10' }).map((c) => c.id)).toEqual(['B10/CAM-1']);
    expect(filterCameras(cameras, { text: 'lobby', area: 'zone-b', building: '' }).map((c) => c.id)).toEqual(['B02/CAM-1']);
  });

  it('offers the zones, and the buildings of the chosen zone, in natural order', () => {
    expect(cameraFacets(cameras, '')).toEqual({ areas: ['zone-a', 'zone-b', 'zone-d', 'zone-e'], buildings: ['B01', 'B02', 'B10', 'P01'] });
    expect(cameraFacets(cameras, 'zone-a').buildings).toEqual(['B01', 'B10']);
  });

  it('PROP-2 e names a camera in the interface language, Chinese where no English name is given', () => {
    expect(cameraName(cameras[0]!, 'zh-CN')).toBe('1栋首层大堂大堂摄像机');
    expect(cameraName(cameras[0]!, 'en')).toBe('Building 1 lobby camera');
    expect(cameraName(cameras[4]!, 'en')).toBe('围墙周界摄像机');
  });
});
