import { sensorKindLabel } from '../sensorKindLabel.ts';
import { networkName } from '../build/utilityColors.ts';
import type { BuildingModel } from '../ifc/buildingModel.ts';
import { sameStorey } from '../ifc/sameStorey.ts';
import { gisAttributeLabel, gisAttributeValue } from './gisAttributeText.ts';
import type { SceneCatalog } from '../sceneCatalog.ts';
import type { SceneStrings } from '../sceneStrings.ts';
import type { Selection } from '../sceneStore.ts';

/** One labelled value. */
export interface PropertyRow {
  label: string;
  value: string;
}

/** A titled group of rows (a property set, the GIS attributes). */
export interface PropertyGroup {
  title: string;
  rows: PropertyRow[];
}

/** What the properties panel shows for a selection. */
export interface SelectionDescription {
  kind: string;
  title: string;
  ids: PropertyRow[];
  groups: PropertyGroup[];
  /** Bound sensors (indices in registry order), whose latest values the panel fetches. */
  sensors: number[];
  /** The storey the selection is on, which can be isolated. */
  storey?: { building: string; storey: number };
}

/** GIS attributes shown as identity or title rather than as attributes. */
const IDENTITY_KEYS = new Set(['id', 'name', 'nameEn', 'featureType', 'network', 'ifcGlobalId']);

/** Displays a property value: numbers to at most three decimals, booleans as yes/no. */
export function formatValue(value: unknown, lang: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
  if (typeof value === 'boolean') return lang.startsWith('en') ? (value ? 'yes' : 'no') : value ? '是' : '否';
  if (Array.isArray(value)) return value.map((v) => formatValue(v, lang)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const localName = (p: Record<string, unknown>, lang: string) => (lang.startsWith('en') && typeof p['nameEn'] === 'string' ? p['nameEn'] : typeof p['name'] === 'string' ? p['name'] : undefined);

/**
 * Describes a selection: its identifiers (ids, IFC GlobalIds and entity numbers), attributes
 * (GIS attributes, IFC property sets) and bound sensors (by GlobalId, network element id, or
 * building and storey).
 */
export function describeSelection(selection: Selection, catalog: SceneCatalog, s: SceneStrings, lang: string): SelectionDescription | undefined {
  const f = s.fields;
  const attributes = (title: string, props: Record<string, unknown>): PropertyGroup => ({
    title,
    rows: Object.entries(props)
      // `managerEn` is the English of `manager`: one row, in the language shown.
      .filter(([k]) => !IDENTITY_KEYS.has(k) && !(k.endsWith('En') && Object.hasOwn(props, k.slice(0, -2))))
      .map(([key, value]) => {
        const local = lang.startsWith('en') && typeof props[`${key}En`] === 'string' ? props[`${key}En`] : value;
        return { label: gisAttributeLabel(key, lang), value: gisAttributeValue(key, local, lang) ?? formatValue(local, lang) };
      }),
  });
  switch (selection.kind) {
    case 'building': {
      const entry = catalog.buildings.get(selection.building);
      if (entry === undefined) return undefined;
      const model = entry.model;
      const building = model?.buildingExpressId === undefined ? undefined : model.objects.get(model.buildingExpressId);
      const groups: PropertyGroup[] = [];
      if (entry.footprint !== undefined) groups.push(attributes(s.attributes, entry.footprint.properties));
      if (model !== undefined) groups.push(ifcSummary(model, s, lang), ...propertySets(model, model.buildingExpressId, lang));
      return {
        kind: s.kinds.building,
        title: (entry.footprint && localName(entry.footprint.properties, lang)) ?? building?.name ?? entry.id,
        ids: rows(lang, [[f.id, entry.id], [f.globalId, building?.globalId ?? entry.footprint?.properties['ifcGlobalId']], [f.expressId, building && `#${building.expressId}`], [f.category, s.categories[entry.category] ?? entry.category]]),
        groups,
        sensors: catalog.sensorsOfBuilding(entry.id),
      };
    }
    case 'storey': {
      const model = catalog.buildings.get(selection.building)?.model;
      const storey = model?.storeys[selection.storey];
      if (model === undefined || storey === undefined) return undefined;
      const info = model.objects.get(storey.expressId);
      const sensors = catalog.sensorsOfBuilding(selection.building).filter((i) => sameStorey(catalog.sensors!.sensors[i]!.location.storey ?? '', storey.name));
      return {
        kind: s.kinds.storey,
        title: `${selection.building} · ${info?.longName ?? storey.name}`,
        ids: rows(lang, [[f.name, storey.name], [f.globalId, info?.globalId], [f.expressId, `#${storey.expressId}`]]),
        groups: [
          { title: s.attributes, rows: rows(lang, [[f.elevation, formatValue(storey.y, lang)], [f.elements, count(model.elements.storeys, selection.storey)], [f.spaces, model.spaces.filter((sp) => sp.storey === selection.storey).length]]) },
          ...propertySets(model, storey.expressId, lang),
        ],
        sensors,
        storey: { building: selection.building, storey: selection.storey },
      };
    }
    case 'space': {
      const model = catalog.buildings.get(selection.building)?.model;
      const space = model?.spaces[selection.space];
      if (model === undefined || space === undefined) return undefined;
      const info = model.objects.get(space.expressId);
      return {
        kind: s.kinds.space,
        title: info?.longName ?? info?.name ?? `#${space.expressId}`,
        ids: rows(lang, [[f.name, info?.name], [f.globalId, info?.globalId], [f.expressId, `#${space.expressId}`], [f.storey, model.storeys[space.storey]?.name]]),
        groups: propertySets(model, space.expressId, lang),
        sensors: info === undefined ? [] : catalog.sensorsOfGlobalId(info.globalId),
        ...(space.storey >= 0 ? { storey: { building: selection.building, storey: space.storey } } : {}),
      };
    }
    case 'element': {
      const model = catalog.buildings.get(selection.building)?.model;
      if (model === undefined || selection.element >= model.elements.types.length) return undefined;
      const e = selection.element;
      const expressId = model.elements.expressIds[e]!;
      const info = model.objects.get(expressId);
      const globalId = model.elements.globalIds[e]!;
      const storey = model.elements.storeys[e]!;
      return {
        kind: s.kinds.element,
        title: info?.name ?? model.elements.types[e]!,
        ids: rows(lang, [[f.globalId, globalId], [f.expressId, `#${expressId}`], [f.tag, info?.tag], [f.building, selection.building]]),
        groups: [
          { title: s.attributes, rows: rows(lang, [[f.ifcClass, model.elements.types[e]], [f.predefinedType, info?.predefinedType], [f.storey, model.storeys[storey]?.name], [f.name, info?.longName]]) },
          ...propertySets(model, expressId, lang),
        ],
        sensors: catalog.sensorsOfGlobalId(globalId),
        ...(storey >= 0 ? { storey: { building: selection.building, storey } } : {}),
      };
    }
    case 'network': {
      const feature = catalog.networks.get(selection.network)?.features[selection.feature];
      if (feature === undefined) return undefined;
      const globalId = feature.properties['ifcGlobalId'];
      const sensors = new Set([...catalog.sensorsOfNetworkElement(feature.id), ...(typeof globalId === 'string' ? catalog.sensorsOfGlobalId(globalId) : [])]);
      // The same equipment in its building's IFC model (an IfcValve, IfcFlowMeter): its class and property sets.
      const building = feature.properties['building'];
      const model = typeof building === 'string' && typeof globalId === 'string' ? catalog.buildings.get(building)?.model : undefined;
      const element = model?.elements.globalIds.indexOf(globalId as string) ?? -1;
      const expressId = element >= 0 ? model!.elements.expressIds[element] : undefined;
      return {
        kind: `${networkName(selection.network, lang)} · ${s.featureTypes[feature.featureType] ?? feature.featureType}`,
        title: localName(feature.properties, lang) ?? feature.id,
        ids: rows(lang, [[f.id, feature.id], [f.globalId, globalId], [f.expressId, expressId && `#${expressId}`], [f.ifcClass, element >= 0 ? model!.elements.types[element] : undefined], [f.network, networkName(selection.network, lang)], [f.featureType, s.featureTypes[feature.featureType] ?? feature.featureType]]),
        groups: [attributes(s.attributes, feature.properties), ...(model === undefined ? [] : propertySets(model, expressId, lang))],
        sensors: [...sensors],
      };
    }
    case 'sensor': {
      const sensor = catalog.sensors?.sensors[selection.sensor];
      if (sensor === undefined) return undefined;
      const { location } = sensor;
      return {
        kind: s.kinds.sensor,
        title: (lang.startsWith('en') ? sensor.nameEn : undefined) ?? sensor.name,
        ids: rows(lang, [[f.id, sensor.id], [f.globalId, location.ifcGlobalId], [f.networkElement, location.networkElement]]),
        groups: [
          {
            title: s.attributes,
            rows: rows(lang, [[f.kind, sensorKindLabel(sensor.kind, lang)], [f.unit, sensor.unit], [f.position, `${location.lon.toFixed(6)}, ${location.lat.toFixed(6)}`], [f.heightM, location.heightM], [f.building, location.building], [f.storey, location.storey], [f.area, location.area], [f.sensorPlacement, s.placements[location.placement]], [f.samplingIntervalS, sensor.samplingIntervalS]]),
          },
        ],
        sensors: [selection.sensor],
      };
    }
    case 'camera': {
      const camera = catalog.cameras?.cameras[selection.camera];
      if (camera === undefined) return undefined;
      const status = camera.sensorId === undefined ? undefined : catalog.sensorIndex(camera.sensorId);
      const { id, name, nameEn, sensorId, position, ...rest } = camera;
      return {
        kind: s.kinds.camera,
        title: (lang.startsWith('en') ? nameEn : name) ?? id,
        ids: rows(lang, [[f.id, id], [f.sensorId, sensorId], [f.globalId, camera['ifcGlobalId']]]),
        groups: [attributes(s.attributes, { ...rest, position: `${position.lon.toFixed(6)}, ${position.lat.toFixed(6)}, ${position.heightM} m` })],
        sensors: status === undefined ? [] : [status],
      };
    }
    case 'site': {
      const feature = catalog.site?.features[selection.feature];
      if (feature === undefined) return undefined;
      return {
        kind: s.featureTypes[feature.featureType] ?? s.kinds.site,
        title: localName(feature.properties, lang) ?? feature.id,
        ids: rows(lang, [[f.id, feature.id], [f.globalId, feature.properties['ifcGlobalId']]]),
        groups: [attributes(s.attributes, feature.properties)],
        sensors: catalog.sensorsOfNetworkElement(feature.id),
      };
    }
  }
}

function rows(lang: string, entries: Array<[string, unknown]>): PropertyRow[] {
  return entries.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([label, value]) => ({ label, value: formatValue(value, lang) }));
}

function count(values: Int16Array, of: number): number {
  let n = 0;
  for (const v of values) if (v === of) n++;
  return n;
}

function ifcSummary(model: BuildingModel, s: SceneStrings, lang: string): PropertyGroup {
  const classes = new Map<string, number>();
  for (const type of model.elements.types) classes.set(type, (classes.get(type) ?? 0) + 1);
  return {
    title: 'IFC',
    rows: rows(lang, [[s.fields.schema, model.schema], [s.fields.placement, model.placementSource], [s.fields.storey, model.storeys.length], [s.fields.spaces, model.spaces.length], ...[...classes].sort((a, b) => b[1] - a[1]).map(([k, v]): [string, unknown] => [k, v])]),
  };
}

function propertySets(model: BuildingModel, expressId: number | undefined, lang: string): PropertyGroup[] {
  const info = expressId === undefined ? undefined : model.objects.get(expressId);
  return (info?.propertySets ?? []).map((i) => model.propertySets[i]!).map((set) => ({ title: set.name, rows: set.properties.map((p) => ({ label: p.name, value: formatValue(p.value, lang) })) }));
}
