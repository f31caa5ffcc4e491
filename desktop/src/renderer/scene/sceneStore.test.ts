import { describe, expect, it } from 'vitest';
import { layerKey, sameSelection, SceneStore } from './sceneStore.ts';

describe('SceneStore', () => {
  it('tells subscribers about every update and keeps untouched slices', () => {
    const store = new SceneStore();
    const layers = store.getState().layers;
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.update({ xray: true });
    expect(store.getState().xray).toBe(true);
    expect(store.getState().layers).toBe(layers);
    unsubscribe();
    store.update({ xray: false });
    expect(calls).toBe(1);
  });

  it('shows layers by default and remembers dimmed and hidden ones', () => {
    const store = new SceneStore();
    expect(store.visibility(layerKey.network('gas'))).toBe('shown');
    store.setLayer(layerKey.network('gas'), 'hidden');
    store.setLayer(layerKey.sensor('noise'), 'dimmed');
    expect(store.visibility('network:gas')).toBe('hidden');
    expect(store.visibility('sensor:noise')).toBe('dimmed');
  });

  it('replaces a viewpoint saved under an existing name', () => {
    const store = new SceneStore();
    store.saveViewpoint({ name: 'North gate', position: [0, 10, 0], target: [0, 0, 0] });
    store.saveViewpoint({ name: 'North gate', position: [1, 10, 0], target: [0, 0, 0] });
    expect(store.getState().viewpoints).toEqual([{ name: 'North gate', position: [1, 10, 0], target: [0, 0, 0] }]);
    store.deleteViewpoint('North gate');
    expect(store.getState().viewpoints).toEqual([]);
  });
});

describe('sameSelection', () => {
  it('compares selections by what they name', () => {
    expect(sameSelection({ kind: 'network', network: 'gas', feature: 3 }, { feature: 3, network: 'gas', kind: 'network' } as never)).toBe(true);
    expect(sameSelection({ kind: 'network', network: 'gas', feature: 3 }, { kind: 'network', network: 'water', feature: 3 })).toBe(false);
    expect(sameSelection({ kind: 'sensor', sensor: 1 }, { kind: 'camera', camera: 1 })).toBe(false);
    expect(sameSelection(null, null)).toBe(true);
    expect(sameSelection(null, { kind: 'sensor', sensor: 1 })).toBe(false);
  });
});
