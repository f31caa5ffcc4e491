import type { SceneCatalog } from '../sceneCatalog.ts';
import type { SceneStrings } from '../sceneStrings.ts';
import type { Selection } from '../sceneStore.ts';

/** One thing search can find. */
export interface SearchEntry {
  /** Main text: the id. */
  id: string;
  /** Name, and what kind of thing it is. */
  detail: string;
  selection: Selection;
  /** Lower-case text searched: ids, names, GlobalIds. */
  haystack: string;
}

/**
 * Indexes everything loaded by id and name: buildings, storeys (`B01/F12`), spaces and elements
 * (GlobalId, tag), network features, sensors, cameras and site features.
 */
export function buildSearchIndex(catalog: SceneCatalog, s: SceneStrings, lang: string): SearchEntry[] {
  const en = lang.startsWith('en');
  const entries: SearchEntry[] = [];
  const add = (id: string, name: string | undefined, kind: string, selection: Selection, ...more: Array<string | undefined>) =>
    entries.push({ id, detail: name === undefined ? kind : `${name} · ${kind}`, selection, haystack: [id, name, ...more].filter(Boolean).join(' ').toLowerCase() });
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  for (const b of catalog.buildings.values()) {
    const p = b.footprint?.properties ?? {};
    add(b.id, str(en ? p['nameEn'] : p['name']), s.kinds.building, { kind: 'building', building: b.id }, str(p['name']), str(p['nameEn']), str(p['ifcGlobalId']));
    const model = b.model;
    if (model === undefined) continue;
    model.storeys.forEach((storey, i) => add(`${b.id}/${storey.name}`, model.objects.get(storey.expressId)?.longName, s.kinds.storey, { kind: 'storey', building: b.id, storey: i }));
    model.spaces.forEach((space, i) => {
      const info = model.objects.get(space.expressId);
      add(info?.globalId ?? `#${space.expressId}`, info?.longName ?? info?.name, s.kinds.space, { kind: 'space', building: b.id, space: i }, info?.name, `${b.id}/${info?.name ?? ''}`);
    });
    model.elements.globalIds.forEach((globalId, e) => {
      // Equipment (cameras, valves, meters) is found as itself, with its GIS or registry entry.
      if (catalog.equipment(globalId) !== undefined) return;
      const info = model.objects.get(model.elements.expressIds[e]!);
      add(info?.tag ?? globalId, info?.name ?? model.elements.types[e], s.kinds.element, { kind: 'element', building: b.id, element: e }, globalId);
    });
  }
  for (const [network, build] of catalog.networks) {
    build.features.forEach((f, feature) => add(f.id, str(en ? f.properties['nameEn'] : f.properties['name']) ?? s.featureTypes[f.featureType], s.kinds.network, { kind: 'network', network, feature }, str(f.properties['name']), str(f.properties['nameEn']), str(f.properties['ifcGlobalId'])));
  }
  catalog.sensors?.sensors.forEach((sensor, i) => add(sensor.id, en ? (sensor.nameEn ?? sensor.name) : sensor.name, s.kinds.sensor, { kind: 'sensor', sensor: i }, sensor.name, sensor.nameEn));
  catalog.cameras?.cameras.forEach((camera, i) => add(camera.id, en ? (camera.nameEn ?? camera.name) : camera.name, s.kinds.camera, { kind: 'camera', camera: i }, camera.name, camera.nameEn, camera.sensorId));
  catalog.site?.features.forEach((f, feature) => {
    if (f.featureType === 'building') return;
    add(f.id, str(en ? f.properties['nameEn'] : f.properties['name']), s.featureTypes[f.featureType] ?? s.kinds.site, { kind: 'site', feature }, str(f.properties['name']), str(f.properties['nameEn']));
  });
  return entries;
}

/**
 * Entries matching every word of `query`, best first: the exact id, then ids starting with the
 * query, then any match (shorter ids first).
 */
export function searchEntries(index: readonly SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const words = q.split(/\s+/);
  const rank = (e: SearchEntry) => {
    const id = e.id.toLowerCase();
    return id === q ? 0 : id.startsWith(q) ? 1 : 2;
  };
  return index
    .filter((e) => words.every((w) => e.haystack.includes(w)))
    .sort((a, b) => rank(a) - rank(b) || a.id.length - b.id.length || a.id.localeCompare(b.id))
    .slice(0, limit);
}
