import { InstancedMesh, Matrix4, MeshBasicMaterial, SphereGeometry } from 'three';
import { gasZoneRadiusM } from './sensorState.ts';
import { STATE_COLORS } from './stateStyle.ts';

/** Opacity of a gas zone, from the low to the top of a pulse. */
const OPACITY = { low: 0.22, high: 0.42 } as const;

const unitSphere = new SphereGeometry(1, 24, 16);
const scratch = new Matrix4();

/**
 * The zones around leaking gas detectors (REQ MUN-5): a translucent red sphere on each, its
 * radius by concentration (`gasZoneRadiusM`), pulsing with the detector's marker. One instanced
 * draw call; the instance count is the number of leaks, rewritten in place each frame.
 */
export class GasZones {
  readonly mesh: InstancedMesh<SphereGeometry, MeshBasicMaterial>;

  /** @param capacity - most zones at once: the number of gas detectors. */
  constructor(capacity: number) {
    const material = new MeshBasicMaterial({ color: STATE_COLORS.gasLeak, transparent: true, opacity: OPACITY.low, depthWrite: false, toneMapped: false });
    this.mesh = new InstancedMesh(unitSphere, material, Math.max(1, capacity));
    this.mesh.name = 'overlay-gas-zones';
    this.mesh.renderOrder = 3;
    this.mesh.count = 0;
    this.mesh.frustumCulled = false;
  }

  /**
   * Draws a zone at each of the first `count` detectors of `leaks` that `shown` accepts, centred at
   * its position (`positions`, 3 floats a marker) and sized by its reading (`lel`), with the pulse
   * `strength` (0..1).
   */
  update(leaks: Uint32Array, count: number, positions: Float32Array, lel: (marker: number) => number, shown: (marker: number) => boolean, strength: number): void {
    let n = 0;
    for (let k = 0; k < count && n < this.mesh.instanceMatrix.count; k++) {
      const i = leaks[k]!;
      if (!shown(i)) continue;
      const r = gasZoneRadiusM(lel(i));
      scratch.makeScale(r, r, r).setPosition(positions[3 * i]!, positions[3 * i + 1]!, positions[3 * i + 2]!);
      this.mesh.setMatrixAt(n++, scratch);
    }
    this.mesh.count = n;
    this.mesh.instanceMatrix.needsUpdate = true;
    this.mesh.material.opacity = OPACITY.low + (OPACITY.high - OPACITY.low) * strength;
  }

  dispose(): void {
    this.mesh.dispose();
    this.mesh.material.dispose();
  }
}
