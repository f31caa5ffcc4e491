import { Color, Group, type MeshLambertMaterial } from 'three';
import type { NetworkBuild, NetworkInstances } from '../build/networkBuild.ts';
import { networkColor } from '../build/utilityColors.ts';
import type { LayerVisibility } from '../sceneStore.ts';
import { InstancedParts, unitCylinder } from './instancedParts.ts';
import { pickSegments, type PickRay } from './rayPick.ts';
import { applyVisibility, createPipeMaterial, type PixelUniforms } from './sceneMaterials.ts';

/**
 * One utility network: its pipes and its nodes as instanced unit cylinders, two draw calls,
 * to scale near by and a few pixels wide at least from afar (see `createPipeMaterial`).
 */
export class NetworkLayer {
  readonly object = new Group();
  private readonly pipes: InstancedParts;
  private readonly nodes: InstancedParts;
  private readonly material: MeshLambertMaterial;
  private readonly pipeColors: Float32Array;
  private readonly nodeColors: Float32Array;
  private visible = true;

  constructor(readonly build: NetworkBuild, naive: boolean, pixels: PixelUniforms) {
    const color = new Color(networkColor(build.network));
    this.object.name = `network:${build.network}`;
    // Instanced: colour per instance on a white material. Naive: one coloured material for all.
    this.material = createPipeMaterial(naive ? color.getHex() : 0xffffff, pixels);
    this.material.name = this.object.name;
    this.pipeColors = shadedColors(color, build.pipes);
    this.nodeColors = shadedColors(color, build.nodes);
    this.pipes = new InstancedParts(unitCylinder, this.material, build.pipes.matrices, this.pipeColors, naive);
    this.nodes = new InstancedParts(unitCylinder, this.material, build.nodes.matrices, this.nodeColors, naive);
    this.object.add(this.pipes.object, this.nodes.object);
    // After the ground (-1), which x-ray mode draws translucent.
    this.pipes.object.renderOrder = 1;
    this.nodes.object.renderOrder = 1;
  }

  apply(visibility: LayerVisibility): void {
    this.visible = visibility !== 'hidden';
    applyVisibility(this.object, this.material, visibility);
  }

  /** The feature whose pipe or node the ray passes nearest to (within a radius or `tolerance` radians). */
  pick(ray: PickRay, tolerance: number): { feature: number; t: number } | undefined {
    if (!this.visible) return undefined;
    const { pipes, nodes } = this.build;
    const pipe = pickSegments(ray, pipes.ends, (i) => pipes.radii[i]!, tolerance, () => true);
    // Nodes first at equal distance: a valve sits on its pipe.
    const node = pickSegments(ray, nodes.ends, (i) => nodes.radii[i]!, tolerance * 1.5, () => true);
    if (node !== undefined && node.t <= (pipe?.t ?? Infinity) + 0.5) return { feature: nodes.feature[node.index]!, t: node.t };
    return pipe === undefined ? undefined : { feature: pipes.feature[pipe.index]!, t: pipe.t };
  }

  /** Highlights every instance of one feature (nothing for undefined). */
  setHighlight(feature: number | undefined): void {
    const of = (instances: NetworkInstances) => new Set(feature === undefined ? [] : [...instances.feature.keys()].filter((i) => instances.feature[i] === feature));
    this.pipes.setColors(this.pipeColors, of(this.build.pipes));
    this.nodes.setColors(this.nodeColors, of(this.build.nodes));
  }

  /** Scene bounds of a feature's instances. */
  bounds(feature: number): number[] | undefined {
    const box = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
    for (const instances of [this.build.pipes, this.build.nodes]) {
      instances.feature.forEach((f, i) => {
        if (f !== feature) return;
        const r = instances.radii[i]!;
        for (let a = 0; a < 3; a++) {
          box[a] = Math.min(box[a]!, instances.ends[6 * i + a]! - r, instances.ends[6 * i + 3 + a]! - r);
          box[a + 3] = Math.max(box[a + 3]!, instances.ends[6 * i + a]! + r, instances.ends[6 * i + 3 + a]! + r);
        }
      });
    }
    return Number.isFinite(box[0]) ? box : undefined;
  }

  dispose(): void {
    this.pipes.dispose();
    this.nodes.dispose();
    this.material.dispose();
  }
}

function shadedColors(color: Color, instances: NetworkInstances): Float32Array {
  const out = new Float32Array(3 * instances.count);
  const c = new Color();
  for (let i = 0; i < instances.count; i++) {
    const shade = instances.shades[i]!;
    // Above 1, lighten towards white; below, darken.
    if (shade >= 1) c.copy(color).lerp(new Color(0xffffff), Math.min(1, shade - 1));
    else c.copy(color).multiplyScalar(shade);
    c.toArray(out, 3 * i);
  }
  return out;
}
