import { describe, expect, it } from 'vitest';
import { Matrix4, Vector3 } from 'three';
import { sceneFrame } from '../geo/sceneFrame.ts';
import { buildCameraMarkers, CAMERA_CONE_LENGTH_M, parseCameraCatalog, viewDirection } from './cameraMarkers.ts';

const frame = sceneFrame({ origin: { lon: 114.06, lat: 22.54 }, ground: { e0: 8.5, slopeX: 0, slopeZ: 0 } });

describe('camera markers (GOV-3)', () => {
  it('turns heading clockwise from north and pitch into a scene direction', () => {
    const [x, y, z] = viewDirection(90, 0);
    expect([x, y, z].map((v) => Number(v.toFixed(6)) + 0)).toEqual([1, 0, 0]);
    expect(viewDirection(0, -90)[1]).toBeCloseTo(-1, 9);
    expect(viewDirection(180, 0)[2]).toBeCloseTo(1, 9);
  });

  it('puts the cone apex at the camera and its base the cone length along the view', () => {
    const cameras = parseCameraCatalog({ cameras: [{ id: 'B01/CAM-1', position: { lon: 114.06, lat: 22.54, heightM: 2.8 }, headingDeg: 90, pitchDeg: -20, fovDeg: 90 }, { id: 'broken' }] });
    expect(cameras.map((c) => c.id)).toEqual(['B01/CAM-1']);
    const markers = buildCameraMarkers(cameras, frame);
    const m = new Matrix4().fromArray(markers.matrices);
    const apex = new Vector3(0, 0.5, 0).applyMatrix4(m);
    expect(apex.distanceTo(new Vector3(0, 2.8, 0))).toBeLessThan(1e-5);
    const base = new Vector3(0, -0.5, 0).applyMatrix4(m);
    const [dx, dy, dz] = viewDirection(90, -20);
    expect(base.distanceTo(new Vector3(dx * CAMERA_CONE_LENGTH_M, 2.8 + dy * CAMERA_CONE_LENGTH_M, dz * CAMERA_CONE_LENGTH_M))).toBeLessThan(1e-5);
    expect([...markers.positions].map((v) => Number(v.toFixed(5)) + 0)).toEqual([0, 2.8, 0]);
  });
});
