import { MathUtils, Vector3, type PerspectiveCamera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { Bounds } from './communityModel.ts';

/** A camera position and the point it looks at. */
export interface View {
  position: [number, number, number];
  target: [number, number, number];
}

const FLY_MS = 700;
/** Lowest elevation a fly-to looks down from, degrees. */
const DEFAULT_MIN_ELEVATION_DEG = 25;

/** How {@link CameraRig.frame} flies. */
export interface FrameOptions {
  durationMs?: number;
  minElevationDeg?: number;
  /** Whether the view from `position` to `target` is unobstructed. */
  clear?: (position: Vector3, target: Vector3) => boolean;
}

/**
 * Orbit (left drag), pan parallel to the ground (right drag), zoom to the cursor (wheel), and
 * animated flights. Renders only on demand: every change calls `invalidate` and tells listeners
 * (north arrow, scale bar), which update the DOM directly, never through React state.
 */
export class CameraRig {
  readonly controls: OrbitControls;
  private readonly listeners = new Set<() => void>();
  private flight: number | undefined;

  constructor(
    readonly camera: PerspectiveCamera,
    private readonly element: HTMLElement,
    private readonly invalidate: () => void,
  ) {
    this.controls = new OrbitControls(camera, element);
    this.controls.screenSpacePanning = false;
    this.controls.zoomToCursor = true;
    this.controls.maxPolarAngle = MathUtils.degToRad(89);
    this.controls.minDistance = 2;
    this.controls.maxDistance = 6000;
    this.controls.addEventListener('change', () => this.changed());
  }

  private changed(): void {
    const distance = this.camera.position.distanceTo(this.controls.target);
    // Depth precision follows the distance: layers a few centimetres apart never fight.
    const near = MathUtils.clamp(distance / 400, 0.05, 5);
    if (Math.abs(near - this.camera.near) > 1e-3) {
      this.camera.near = near;
      this.camera.far = Math.max(8000, distance * 20);
      this.camera.updateProjectionMatrix();
    }
    this.invalidate();
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after every camera change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  view(): View {
    return { position: this.camera.position.toArray() as View['position'], target: this.controls.target.toArray() as View['target'] };
  }

  /**
   * Flies to a view (or jumps, with `durationMs` 0). The canvas carries `data-flight="moving"`
   * while it flies, for whoever waits for the view to settle.
   */
  goTo(view: View, durationMs = FLY_MS): void {
    if (this.flight !== undefined) cancelAnimationFrame(this.flight);
    this.element.dataset['flight'] = 'moving';
    const [fromPosition, fromTarget] = [this.camera.position.clone(), this.controls.target.clone()];
    const [toPosition, toTarget] = [new Vector3(...view.position), new Vector3(...view.target)];
    const started = performance.now();
    const step = () => {
      const k = durationMs <= 0 ? 1 : Math.min(1, (performance.now() - started) / durationMs);
      const eased = k < 0.5 ? 2 * k * k : 1 - (-2 * k + 2) ** 2 / 2;
      this.camera.position.lerpVectors(fromPosition, toPosition, eased);
      this.controls.target.lerpVectors(fromTarget, toTarget, eased);
      this.controls.update();
      this.changed();
      this.flight = k < 1 ? requestAnimationFrame(step) : undefined;
      if (this.flight === undefined) delete this.element.dataset['flight'];
    };
    step();
  }

  /**
   * Flies to look at `bounds` whole: from the current heading when `clear` says nothing stands
   * in the way (or no `clear` is given), else from the first clear one of eight headings and
   * three elevations; never from lower than `minElevationDeg`.
   */
  frame(bounds: Bounds, options: FrameOptions = {}): void {
    const centre = new Vector3((bounds[0]! + bounds[3]!) / 2, (bounds[1]! + bounds[4]!) / 2, (bounds[2]! + bounds[5]!) / 2);
    const radius = Math.max(4, Math.hypot(bounds[3]! - bounds[0]!, bounds[4]! - bounds[1]!, bounds[5]! - bounds[2]!) / 2);
    // A box fills its bounding sphere loosely: fit the radius to the view height, a little tighter than the sphere.
    const distance = (radius / Math.tan(MathUtils.degToRad(this.camera.fov) / 2)) * 0.9;
    const current = this.camera.position.clone().sub(this.controls.target);
    const heading = Math.atan2(current.x, current.z);
    const minElevation = MathUtils.degToRad(options.minElevationDeg ?? DEFAULT_MIN_ELEVATION_DEG);
    const elevation = Math.max(minElevation, Math.asin(MathUtils.clamp(current.normalize().y, -1, 1)));
    const candidates: Array<[number, number]> = [];
    for (const e of [elevation, Math.max(elevation, MathUtils.degToRad(55)), MathUtils.degToRad(80)]) {
      for (const turn of [0, 45, -45, 90, -90, 135, -135, 180]) candidates.push([heading + MathUtils.degToRad(turn), e]);
    }
    const positionOf = ([h, e]: [number, number]) => centre.clone().add(new Vector3(Math.sin(h) * Math.cos(e), Math.sin(e), Math.cos(h) * Math.cos(e)).multiplyScalar(distance));
    // Nothing clear: from nearly straight above, where the least stands in the way.
    const chosen = candidates.find((c) => options.clear?.(positionOf(c), centre) ?? true) ?? candidates[candidates.length - 8]!;
    this.goTo({ position: positionOf(chosen).toArray() as View['position'], target: centre.toArray() as View['target'] }, options.durationMs ?? FLY_MS);
  }

  /** Heading of the view, radians clockwise from north (0 looking north). */
  heading(): number {
    const d = this.controls.target.clone().sub(this.camera.position);
    return Math.atan2(d.x, -d.z);
  }

  /** Metres per CSS pixel at the target, for the scale bar. */
  metresPerPixel(heightPx: number): number {
    const distance = this.camera.position.distanceTo(this.controls.target);
    return (2 * distance * Math.tan(MathUtils.degToRad(this.camera.fov) / 2)) / Math.max(1, heightPx);
  }

  dispose(): void {
    if (this.flight !== undefined) cancelAnimationFrame(this.flight);
    this.controls.dispose();
    this.listeners.clear();
  }
}
