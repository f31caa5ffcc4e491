import { useSyncExternalStore } from 'react';
import type { SensorKind } from '@twin/protocol';
import type { OverlayChoice } from './overlays/overlayBands.ts';

/** How a layer is drawn. */
export type LayerVisibility = 'shown' | 'dimmed' | 'hidden';

/** Layer keys: `network:<id>`, `building:<category>`, `sensor:<kind>`, `cameras`, `site`. */
export const layerKey = {
  network: (id: string) => `network:${id}`,
  building: (category: string) => `building:${category}`,
  sensor: (kind: SensorKind) => `sensor:${kind}`,
  cameras: 'cameras',
  site: 'site',
} as const;

/** A section plane: `y` cuts horizontally (keeps what is below), `x` and `z` vertically (keep the west or north side). */
export interface SectionState {
  enabled: boolean;
  axis: 'x' | 'y' | 'z';
  /** Scene coordinate of the plane along its axis, metres. */
  position: number;
}

/** What is selected. Buildings and their parts by building id; the rest by index into the scene catalogue. */
export type Selection =
  | { kind: 'building'; building: string }
  | { kind: 'storey'; building: string; storey: number }
  | { kind: 'space'; building: string; space: number }
  | { kind: 'element'; building: string; element: number }
  | { kind: 'network'; network: string; feature: number }
  | { kind: 'sensor'; sensor: number }
  | { kind: 'camera'; camera: number }
  | { kind: 'site'; feature: number };

/** Whether two selections name the same thing. */
export function sameSelection(a: Selection | null | undefined, b: Selection | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b;
  const keys = Object.keys(a) as Array<keyof Selection>;
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Loading state of one model file, for its progress bar. */
export interface ModelLoad {
  path: string;
  phase: 'waiting' | 'server' | 'download' | 'decode' | 'ready' | 'error';
  /** Bytes received and expected (0 when unknown). */
  loaded: number;
  total: number;
  error?: string;
}

/** A saved camera position and target. */
export interface Viewpoint {
  name: string;
  position: [number, number, number];
  target: [number, number, number];
}

/** What the loaded community has, for the layer panel. */
export interface LayerCatalog {
  networks: string[];
  /** Building categories with their building counts. */
  buildingCategories: Array<[string, number]>;
  sensorKinds: Array<[SensorKind, number]>;
  cameras: number;
}

/** The scene's shared state: structural only (never per frame), read by the scene and both panels. */
export interface SceneState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  loads: ModelLoad[];
  catalog: LayerCatalog;
  layers: Record<string, LayerVisibility>;
  /** Ground drawn translucent, revealing buried networks. */
  xray: boolean;
  section: SectionState;
  /** Storey isolated: only its elements and spaces are drawn. */
  isolated: { building: string; storey: number } | null;
  selection: Selection | null;
  viewpoints: Viewpoint[];
  /** The live field drawn over the ground and on the storeys (REQ ENV-2..5), one at a time. */
  overlay: OverlayChoice;
}

const VIEWPOINTS_KEY = 'twin.scene.viewpoints';

function initialState(): SceneState {
  return {
    status: 'idle',
    loads: [],
    catalog: { networks: [], buildingCategories: [], sensorKinds: [], cameras: 0 },
    layers: {},
    xray: false,
    section: { enabled: false, axis: 'y', position: 30 },
    isolated: null,
    selection: null,
    viewpoints: readViewpoints(),
    overlay: 'none',
  };
}

function readViewpoints(): Viewpoint[] {
  try {
    const stored = globalThis.localStorage?.getItem(VIEWPOINTS_KEY);
    const parsed: unknown = stored ? JSON.parse(stored) : [];
    return Array.isArray(parsed) ? (parsed as Viewpoint[]).filter((v) => typeof v?.name === 'string' && Array.isArray(v.position) && Array.isArray(v.target)) : [];
  } catch {
    return [];
  }
}

/** A small external store: `getState`, `update`, `subscribe` (for `useSyncExternalStore`). */
export class SceneStore {
  private state: SceneState = initialState();
  private readonly listeners = new Set<() => void>();

  getState = (): SceneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(patch: Partial<SceneState> | ((state: SceneState) => Partial<SceneState>)): void {
    this.state = { ...this.state, ...(typeof patch === 'function' ? patch(this.state) : patch) };
    for (const listener of this.listeners) listener();
  }

  /** Back to the state of a fresh scene (saved viewpoints stay). */
  reset(): void {
    this.update(initialState());
  }

  visibility(key: string): LayerVisibility {
    return this.state.layers[key] ?? 'shown';
  }

  setLayer(key: string, visibility: LayerVisibility): void {
    this.update((s) => ({ layers: { ...s.layers, [key]: visibility } }));
  }

  setLoad(path: string, patch: Partial<ModelLoad>): void {
    this.update((s) => ({ loads: s.loads.map((l) => (l.path === path ? { ...l, ...patch } : l)) }));
  }

  select(selection: Selection | null): void {
    this.update({ selection });
  }

  saveViewpoint(viewpoint: Viewpoint): void {
    this.update((s) => ({ viewpoints: [...s.viewpoints.filter((v) => v.name !== viewpoint.name), viewpoint] }));
    this.persistViewpoints();
  }

  deleteViewpoint(name: string): void {
    this.update((s) => ({ viewpoints: s.viewpoints.filter((v) => v.name !== name) }));
    this.persistViewpoints();
  }

  private persistViewpoints(): void {
    try {
      globalThis.localStorage?.setItem(VIEWPOINTS_KEY, JSON.stringify(this.state.viewpoints));
    } catch {
      // Storage full or denied: viewpoints stay for this session.
    }
  }
}

/** The scene store shared by `CommunityScene`, `LayerPanel` and `PropertiesPanel`. */
export const sceneStore = new SceneStore();

/** Subscribes a component to a slice of the scene state (return stored references, not new objects). */
export function useSceneState<T>(select: (state: SceneState) => T): T {
  return useSyncExternalStore(sceneStore.subscribe, () => select(sceneStore.getState()));
}
