import { Matrix4, Quaternion, Vector3 } from 'three';
import type { SceneFrame } from '../geo/sceneFrame.ts';

/** A camera of the catalogue (`cameras.json`). */
export interface CameraRecord {
  id: string;
  sensorId?: string;
  name?: string;
  nameEn?: string;
  building?: string;
  position: { lon: number; lat: number; heightM: number };
  /** Clockwise from north, degrees. */
  headingDeg: number;
  /** Up positive, degrees. */
  pitchDeg: number;
  fovDeg: number;
  [attribute: string]: unknown;
}

/** Cameras as view cones: apex at the camera, opening the way it looks, as wide as its field of view. */
export interface CameraMarkers {
  cameras: CameraRecord[];
  /** 16 floats per camera: the unit cone (radius 1, height 1, apex +Y) onto the view cone. */
  matrices: Float32Array;
  /** 3 floats per camera: its position. */
  positions: Float32Array;
}

/** Length of a drawn view cone, metres. */
export const CAMERA_CONE_LENGTH_M = 1.6;

/** Reads the camera catalogue (`{ cameras: [...] }`), skipping entries without a position. */
export function parseCameraCatalog(json: unknown): CameraRecord[] {
  const list = (json as { cameras?: unknown } | null)?.cameras;
  if (!Array.isArray(list)) return [];
  return list.filter((c): c is CameraRecord => {
    const p = (c as Partial<CameraRecord> | null)?.position;
    return typeof (c as Partial<CameraRecord>).id === 'string' && typeof p?.lon === 'number' && typeof p.lat === 'number';
  });
}

/** The view direction of a heading (clockwise from north) and pitch, in scene axes (x east, z south). */
export function viewDirection(headingDeg: number, pitchDeg: number): [number, number, number] {
  const h = (headingDeg * Math.PI) / 180;
  const p = (pitchDeg * Math.PI) / 180;
  return [Math.sin(h) * Math.cos(p), Math.sin(p), -Math.cos(h) * Math.cos(p)];
}

/** Places every camera and orients its view cone. */
export function buildCameraMarkers(cameras: CameraRecord[], frame: SceneFrame): CameraMarkers {
  const matrices = new Float32Array(16 * cameras.length);
  const positions = new Float32Array(3 * cameras.length);
  const [at, dir, centre, scale, q, m] = [new Vector3(), new Vector3(), new Vector3(), new Vector3(), new Quaternion(), new Matrix4()];
  cameras.forEach((camera, i) => {
    const [x, z] = frame.toXZ(camera.position.lon, camera.position.lat);
    at.set(x, frame.groundY(x, z) + (camera.position.heightM ?? 0), z);
    dir.set(...viewDirection(camera.headingDeg ?? 0, camera.pitchDeg ?? 0));
    // The cone's apex (+Y) points back at the camera.
    q.setFromUnitVectors(new Vector3(0, 1, 0), dir.clone().negate());
    const radius = Math.min(CAMERA_CONE_LENGTH_M * Math.tan((Math.min(camera.fovDeg ?? 60, 150) * Math.PI) / 360), CAMERA_CONE_LENGTH_M);
    centre.copy(at).addScaledVector(dir, CAMERA_CONE_LENGTH_M / 2);
    m.compose(centre, q, scale.set(radius, CAMERA_CONE_LENGTH_M, radius));
    matrices.set(m.elements, 16 * i);
    positions.set([at.x, at.y, at.z], 3 * i);
  });
  return { cameras, matrices, positions };
}
