import { BufferAttribute, BufferGeometry, Group, Mesh, MeshBasicMaterial, type Material, type Plane } from 'three';
import { mergeBuildingSurfaces, type MergedSurfaces } from '../build/mergeBuildings.ts';
import type { BuildingModel } from '../ifc/buildingModel.ts';
import { layerKey, type SceneState } from '../sceneStore.ts';
import { mergedGeometry, mergedMesh } from './mergedMesh.ts';
import { pickParts, type PickRay } from './rayPick.ts';
import { applyClipping, applyVisibility, createBuildingMaterial, HIGHLIGHT_COLOR, type BuildingUniforms } from './sceneMaterials.ts';
import { SpaceBoxes } from './spaceBoxes.ts';

/** Merged surfaces of one category and transparency, drawn. */
interface Drawn {
  data: MergedSurfaces;
  geometry: BufferGeometry;
  object: Mesh;
}

/** The buildings of one category: two materials, so the category dims on its own. */
interface Category {
  group: Group;
  opaque: Material;
  translucent: Material;
  drawn: Drawn[];
}

/** A building hit: slot, element index in its model, distance. */
export interface BuildingHit {
  building: string;
  element: number;
  t: number;
}

/** What to highlight in the buildings. */
export type BuildingTarget = { building: string; element?: number; storey?: number };


/**
 * All buildings, merged per category (residential, school, …) into one opaque and one
 * translucent geometry: a handful of draw calls for the whole community. Storey isolation is a
 * shader uniform, the section plane a clipping plane; picking walks element bounds, then triangles.
 */
export class BuildingLayer {
  readonly object = new Group();
  readonly spaces = new SpaceBoxes();
  private readonly uniforms: BuildingUniforms = { isolatedStorey: { value: -1 } };
  private readonly models: Array<{ model: BuildingModel; category: string; storeyBase: number }> = [];
  private readonly slotOf = new Map<string, number>();
  private readonly categories = new Map<string, Category>();
  private readonly dirty = new Set<string>();
  private readonly highlight = new Group();
  private readonly highlightMaterial = new MeshBasicMaterial({ color: HIGHLIGHT_COLOR, transparent: true, opacity: 0.6, depthWrite: false, polygonOffset: true, polygonOffsetFactor: -2, polygonOffsetUnits: -2 });
  private planes: Plane[] = [];
  private nextStoreyBase = 0;

  constructor(private readonly naive: boolean) {
    this.object.add(this.highlight, this.spaces.object);
  }

  /** Adds a loaded building; it is drawn after the next {@link flush}. */
  add(model: BuildingModel, category: string): void {
    if (this.slotOf.has(model.building)) return;
    this.slotOf.set(model.building, this.models.length);
    this.models.push({ model, category, storeyBase: this.nextStoreyBase });
    this.nextStoreyBase += model.storeys.length;
    this.dirty.add(category);
  }

  /** Re-merges the categories that received buildings. */
  flush(): void {
    for (const name of this.dirty) this.rebuild(name);
    this.dirty.clear();
  }

  model(building: string): BuildingModel | undefined {
    const slot = this.slotOf.get(building);
    return slot === undefined ? undefined : this.models[slot]!.model;
  }

  private rebuild(name: string): void {
    let category = this.categories.get(name);
    if (category === undefined) {
      category = { group: new Group(), opaque: createBuildingMaterial(false, this.uniforms), translucent: createBuildingMaterial(true, this.uniforms), drawn: [] };
      category.group.name = layerKey.building(name);
      category.opaque.name = `${category.group.name}:opaque`;
      category.translucent.name = `${category.group.name}:translucent`;
      applyClipping([category.opaque, category.translucent], this.planes);
      this.categories.set(name, category);
      this.object.add(category.group);
    }
    for (const drawn of category.drawn) this.disposeDrawn(category.group, drawn);
    category.drawn = [];
    const members = this.models.flatMap((m, slot) => (m.category === name ? [{ slot, m }] : []));
    for (const translucent of [false, true]) {
      const data = mergeBuildingSurfaces(members.map(({ slot, m }) => ({ slot, surfaces: translucent ? m.model.translucent : m.model.opaque, storeyBase: m.storeyBase })));
      if (data.indices.length === 0) continue;
      const geometry = mergedGeometry(data);
      const object = mergedMesh(data, geometry, translucent ? category.translucent : category.opaque, this.naive);
      if (translucent) object.renderOrder = 1;
      category.group.add(object);
      category.drawn.push({ data, geometry, object });
    }
  }

  private disposeDrawn(group: Group, drawn: Drawn): void {
    group.remove(drawn.object);
    drawn.geometry.dispose();
  }

  /** Applies layer visibility, storey isolation and the section plane. */
  apply(state: SceneState, planes: Plane[]): void {
    for (const [name, category] of this.categories) {
      const visibility = state.layers[layerKey.building(name)] ?? 'shown';
      applyVisibility(category.group, category.opaque, visibility);
      applyVisibility(category.group, category.translucent, visibility);
    }
    const isolated = state.isolated;
    const slot = isolated === null ? undefined : this.slotOf.get(isolated.building);
    this.uniforms.isolatedStorey.value = slot === undefined || isolated === null ? -1 : this.models[slot]!.storeyBase + isolated.storey;
    this.planes = planes;
    applyClipping([...[...this.categories.values()].flatMap((c) => [c.opaque, c.translucent]), this.highlightMaterial, ...this.spaces.materials()], planes);
    const model = isolated === null ? undefined : this.model(isolated.building);
    this.spaces.show(model, isolated?.storey);
  }

  /** The nearest visible element under the ray (respecting isolation and the section plane). */
  pick(ray: PickRay, state: SceneState, keep: (x: number, y: number, z: number) => boolean): BuildingHit | undefined {
    let best: BuildingHit | undefined;
    const isolatedSlot = state.isolated === null ? undefined : this.slotOf.get(state.isolated.building);
    for (const [name, category] of this.categories) {
      if ((state.layers[layerKey.building(name)] ?? 'shown') === 'hidden') continue;
      for (const { data } of category.drawn) {
        const accept = (part: number) => {
          if (isolatedSlot === undefined) return true;
          const slot = data.parts.slot[part]!;
          return slot === isolatedSlot && this.models[slot]!.model.elements.storeys[data.parts.element[part]!] === state.isolated!.storey;
        };
        const hit = pickParts(ray, data.positions, data.indices, data.parts, accept, keep);
        if (hit !== undefined && hit.t < (best?.t ?? Infinity)) {
          best = { building: this.models[data.parts.slot[hit.index]!]!.model.building, element: data.parts.element[hit.index]!, t: hit.t };
        }
      }
    }
    return best;
  }

  /** Highlights a building, one of its storeys, or one element (nothing for undefined). */
  setHighlight(target: BuildingTarget | undefined): void {
    for (const child of [...this.highlight.children]) {
      this.highlight.remove(child);
      (child as Mesh).geometry.dispose();
    }
    const slot = target === undefined ? undefined : this.slotOf.get(target.building);
    if (target === undefined || slot === undefined) return;
    const { model, category } = this.models[slot]!;
    for (const { data, geometry } of this.categories.get(category)?.drawn ?? []) {
      const ranges: number[] = [];
      for (let p = 0; p < data.parts.count; p++) {
        if (data.parts.slot[p] !== slot) continue;
        const element = data.parts.element[p]!;
        if (target.element !== undefined && element !== target.element) continue;
        if (target.storey !== undefined && model.elements.storeys[element] !== target.storey) continue;
        ranges.push(data.parts.firstIndex[p]!, data.parts.indexCount[p]!);
      }
      if (ranges.length === 0) continue;
      const count = ranges.reduce((n, v, i) => (i % 2 === 1 ? n + v : n), 0);
      const indices = new Uint32Array(count);
      let at = 0;
      for (let i = 0; i < ranges.length; i += 2) {
        indices.set(data.indices.subarray(ranges[i]!, ranges[i]! + ranges[i + 1]!), at);
        at += ranges[i + 1]!;
      }
      const overlay = new BufferGeometry();
      overlay.setAttribute('position', geometry.getAttribute('position'));
      overlay.setIndex(new BufferAttribute(indices, 1));
      overlay.boundingSphere = geometry.boundingSphere;
      const mesh = new Mesh(overlay, this.highlightMaterial);
      mesh.renderOrder = 2;
      this.highlight.add(mesh);
    }
  }

  /** Scene bounds (6 floats) of a building, a storey or an element. */
  bounds(target: BuildingTarget): number[] | undefined {
    const model = this.model(target.building);
    if (model === undefined) return undefined;
    if (target.element !== undefined) return [...model.elements.bounds.subarray(6 * target.element, 6 * target.element + 6)];
    if (target.storey === undefined) return [...model.bounds];
    const box = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
    model.elements.storeys.forEach((storey, e) => {
      if (storey !== target.storey) return;
      for (let a = 0; a < 3; a++) {
        box[a] = Math.min(box[a]!, model.elements.bounds[6 * e + a]!);
        box[a + 3] = Math.max(box[a + 3]!, model.elements.bounds[6 * e + 3 + a]!);
      }
    });
    return Number.isFinite(box[0]) ? box : undefined;
  }

  dispose(): void {
    this.setHighlight(undefined);
    for (const category of this.categories.values()) {
      for (const drawn of category.drawn) this.disposeDrawn(category.group, drawn);
      category.opaque.dispose();
      category.translucent.dispose();
    }
    this.highlightMaterial.dispose();
    this.spaces.dispose();
  }
}
