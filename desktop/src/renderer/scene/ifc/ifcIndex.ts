import { IfcPlacements, type Affine } from './ifcPlacement.ts';
import { parseStep, type StepEntity, type StepValue } from './stepParser.ts';

/** A property or quantity value as shown to operators. */
export type IfcPropertyValue = string | number | boolean | null;

/** A property set (or quantity set) with its values, in file order. */
export interface IfcPropertySet {
  name: string;
  properties: Array<{ name: string; value: IfcPropertyValue }>;
}

/** Identity and descriptive attributes of one object of the model. */
export interface IfcObjectInfo {
  expressId: number;
  globalId: string;
  name?: string;
  /** LongName of spatial elements, ObjectType of others. */
  longName?: string;
  description?: string;
  /** Tag of elements (the community models write the element key there). */
  tag?: string;
  predefinedType?: string;
  /** Indices into {@link IfcIndex.propertySets}. */
  propertySets: number[];
}

/** A building storey. */
export interface IfcStorey {
  expressId: number;
  name: string;
  elevationM: number;
}

/** A space, with its box when its body is an extruded rectangle. */
export interface IfcSpace {
  expressId: number;
  /** Index into {@link IfcIndex.storeys}, or -1. */
  storey: number;
  /** Unit cube centred on the origin → the space's box, in model coordinates (z up). */
  box?: Affine;
}

/** How the model says where it lies on the earth. */
export type IfcGeoreference =
  | {
      source: 'IfcMapConversion';
      crsName: string;
      mapZone?: string;
      eastingsM: number;
      northingsM: number;
      orthogonalHeightM: number;
      xAxisAbscissa: number;
      xAxisOrdinate: number;
      scale: number;
    }
  | {
      source: 'IfcSite';
      lon: number;
      lat: number;
      elevationM: number;
      /** Direction of true north in model x/y. */
      trueNorth: [number, number];
    };

/** What the scene needs from an IFC file beyond its meshes: structure, properties, georeference. */
export interface IfcIndex {
  schema?: string;
  /** Express id of the IfcBuilding, when there is one. */
  building?: number;
  /** Storeys by ascending elevation. */
  storeys: IfcStorey[];
  /** Storey index of elements, spaces and storeys, by express id. */
  storeyOf: Map<number, number>;
  spaces: IfcSpace[];
  objects: Map<number, IfcObjectInfo>;
  propertySets: IfcPropertySet[];
  georeference?: IfcGeoreference;
}

const SPATIAL_TYPES = new Set(['IFCSITE', 'IFCBUILDING', 'IFCBUILDINGSTOREY', 'IFCSPACE']);
const QUANTITY_TYPES = new Set(['IFCQUANTITYLENGTH', 'IFCQUANTITYAREA', 'IFCQUANTITYVOLUME', 'IFCQUANTITYCOUNT', 'IFCQUANTITYWEIGHT', 'IFCQUANTITYTIME']);

const refOf = (value: StepValue | undefined): number | undefined => (value !== null && typeof value === 'object' && 'ref' in value ? value.ref : undefined);
const refsOf = (value: StepValue | undefined): number[] => (Array.isArray(value) ? value.map(refOf).filter((r): r is number => r !== undefined) : []);
const text = (value: StepValue | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Indexes IFC STEP text: the spatial structure (which storey each element belongs to, spaces
 * and their boxes), every object's identity and property sets, and the georeference.
 * @throws StepSyntaxError when the text is not a STEP file.
 */
export function indexIfc(stepText: string): IfcIndex {
  const entities = parseStep(stepText);
  const schema = /FILE_SCHEMA\s*\(\s*\(\s*'([^']*)'/i.exec(stepText)?.[1];
  const index: IfcIndex = { storeys: [], storeyOf: new Map(), spaces: [], objects: new Map(), propertySets: [] };
  if (schema !== undefined) index.schema = schema;
  const placements = new IfcPlacements(entities);
  const parent = new Map<number, number>();
  const psetIndex = new Map<number, number>();
  const spaceEntities: StepEntity[] = [];

  for (const entity of entities.values()) {
    switch (entity.type) {
      case 'IFCRELAGGREGATES':
      case 'IFCRELNESTS':
        for (const child of refsOf(entity.args[5])) parent.set(child, refOf(entity.args[4])!);
        break;
      case 'IFCRELCONTAINEDINSPATIALSTRUCTURE':
        for (const child of refsOf(entity.args[4])) parent.set(child, refOf(entity.args[5])!);
        break;
      case 'IFCRELDEFINESBYPROPERTIES': {
        const set = propertySetIndex(entities, refOf(entity.args[5]), psetIndex, index.propertySets);
        if (set === undefined) break;
        for (const id of refsOf(entity.args[4])) objectInfo(index, entities, id)?.propertySets.push(set);
        break;
      }
      case 'IFCBUILDINGSTOREY':
        index.storeys.push({ expressId: entity.id, name: text(entity.args[2]) ?? `#${entity.id}`, elevationM: typeof entity.args[9] === 'number' ? entity.args[9] : 0 });
        objectInfo(index, entities, entity.id);
        break;
      case 'IFCBUILDING':
        index.building ??= entity.id;
        objectInfo(index, entities, entity.id);
        break;
      case 'IFCSPACE':
        spaceEntities.push(entity);
        objectInfo(index, entities, entity.id);
        break;
    }
  }
  index.storeys.sort((a, b) => a.elevationM - b.elevationM);
  assignStoreys(index, entities, parent);
  for (const space of spaceEntities) {
    const entry: IfcSpace = { expressId: space.id, storey: index.storeyOf.get(space.id) ?? -1 };
    const box = placements.extrudedBox(space);
    if (box !== undefined) entry.box = box;
    index.spaces.push(entry);
  }
  const georeference = readGeoreference(entities, placements);
  if (georeference !== undefined) index.georeference = georeference;
  return index;
}

/** The object's info, created on first use; undefined for ids that are not rooted objects. */
function objectInfo(index: IfcIndex, entities: Map<number, StepEntity>, id: number): IfcObjectInfo | undefined {
  const existing = index.objects.get(id);
  if (existing !== undefined) return existing;
  const entity = entities.get(id);
  const globalId = text(entity?.args[0]);
  if (entity === undefined || globalId === undefined) return undefined;
  const info: IfcObjectInfo = { expressId: id, globalId, propertySets: [] };
  const spatial = SPATIAL_TYPES.has(entity.type);
  const fields: Array<[keyof IfcObjectInfo, StepValue | undefined]> = [
    ['name', entity.args[2]],
    ['description', entity.args[3]],
    ['longName', spatial ? entity.args[7] : entity.args[4]],
    ['tag', spatial ? undefined : entity.args[7]],
  ];
  for (const [key, value] of fields) {
    const s = text(value);
    if (s !== undefined) (info as unknown as Record<string, string>)[key] = s;
  }
  const last = entity.args[entity.args.length - 1];
  if (!spatial && last !== null && typeof last === 'object' && 'enum' in last) info.predefinedType = last.enum;
  index.objects.set(id, info);
  return info;
}

function assignStoreys(index: IfcIndex, entities: Map<number, StepEntity>, parent: Map<number, number>): void {
  const storeyById = new Map(index.storeys.map((s, i) => [s.expressId, i]));
  const storeyOf = (id: number): number => {
    const known = index.storeyOf.get(id);
    if (known !== undefined) return known;
    let result = storeyById.get(id) ?? -1;
    if (result < 0) {
      index.storeyOf.set(id, -1); // guards against cycles while walking up
      const up = parent.get(id);
      if (up !== undefined) result = storeyOf(up);
    }
    index.storeyOf.set(id, result);
    return result;
  };
  for (const id of entities.keys()) if (parent.has(id) || storeyById.has(id)) storeyOf(id);
}

function propertySetIndex(entities: Map<number, StepEntity>, id: number | undefined, cache: Map<number, number>, sets: IfcPropertySet[]): number | undefined {
  if (id === undefined) return undefined;
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const set = entities.get(id);
  if (set === undefined) return undefined;
  // IfcPropertySet(…, HasProperties) and IfcElementQuantity(…, MethodOfMeasurement, Quantities).
  const members = set.type === 'IFCPROPERTYSET' ? set.args[4] : set.type === 'IFCELEMENTQUANTITY' ? set.args[5] : undefined;
  if (members === undefined) return undefined;
  const properties = refsOf(members)
    .map((ref) => entities.get(ref))
    .filter((p): p is StepEntity => p !== undefined)
    .map((p) => ({ name: text(p.args[0]) ?? `#${p.id}`, value: propertyValue(p) }));
  cache.set(id, sets.length);
  sets.push({ name: text(set.args[2]) ?? `#${id}`, properties });
  return sets.length - 1;
}

function propertyValue(property: StepEntity): IfcPropertyValue {
  if (QUANTITY_TYPES.has(property.type)) return plain(property.args[3]);
  switch (property.type) {
    case 'IFCPROPERTYSINGLEVALUE':
      return plain(property.args[2]);
    case 'IFCPROPERTYENUMERATEDVALUE':
    case 'IFCPROPERTYLISTVALUE':
      return plain(property.args[2]);
    case 'IFCPROPERTYBOUNDEDVALUE':
      return `${String(plain(property.args[3]) ?? '')}…${String(plain(property.args[2]) ?? '')}`;
    default:
      return null;
  }
}

function plain(value: StepValue | undefined): IfcPropertyValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((v) => String(plain(v) ?? '')).join(', ');
  if (typeof value !== 'object') return value;
  if ('enum' in value) return value.enum;
  if ('type' in value) return plain(value.value);
  return `#${value.ref}`;
}

function readGeoreference(entities: Map<number, StepEntity>, placements: IfcPlacements): IfcGeoreference | undefined {
  let site: StepEntity | undefined;
  let trueNorth: number[] | undefined;
  for (const entity of entities.values()) {
    if (entity.type === 'IFCMAPCONVERSION') {
      const crs = entities.get(refOf(entity.args[1]) ?? -1);
      const [e, n, h, a, o, s] = entity.args.slice(2, 8);
      if (crs === undefined || typeof e !== 'number' || typeof n !== 'number') continue;
      const conversion: IfcGeoreference = {
        source: 'IfcMapConversion',
        crsName: text(crs.args[0]) ?? '',
        eastingsM: e,
        northingsM: n,
        orthogonalHeightM: typeof h === 'number' ? h : 0,
        xAxisAbscissa: typeof a === 'number' ? a : 1,
        xAxisOrdinate: typeof o === 'number' ? o : 0,
        scale: typeof s === 'number' ? s : 1,
      };
      const zone = text(crs.args[5]);
      if (zone !== undefined) conversion.mapZone = zone;
      return conversion;
    }
    if (entity.type === 'IFCSITE') site ??= entity;
    if (entity.type === 'IFCGEOMETRICREPRESENTATIONCONTEXT') trueNorth ??= placements.direction(entity.args[5]);
  }
  const lat = compoundAngle(site?.args[9]);
  const lon = compoundAngle(site?.args[10]);
  if (site === undefined || lat === undefined || lon === undefined) return undefined;
  const elevation = site.args[11];
  return { source: 'IfcSite', lon, lat, elevationM: typeof elevation === 'number' ? elevation : 0, trueNorth: [trueNorth?.[0] ?? 0, trueNorth?.[1] ?? 1] };
}

/** IfcCompoundPlaneAngleMeasure (degrees, minutes, seconds, millionths of a second) in degrees. */
function compoundAngle(value: StepValue | undefined): number | undefined {
  if (!Array.isArray(value) || value.length < 3 || !value.every((v) => typeof v === 'number')) return undefined;
  const [d, m, s, micro = 0] = value as number[];
  return d! + m! / 60 + (s! + micro / 1e6) / 3600;
}
