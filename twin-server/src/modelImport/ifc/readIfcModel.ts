/**
 * Reads what the twin needs from a model open in web-ifc: instance counts of the IFC classes of
 * interest, the spatial structure, property-set statistics, the length unit and the
 * georeferencing entities (IfcMapConversion, IfcSite reference point).
 */
import {
  IFCBUILDINGSTOREY,
  IFCELEMENTQUANTITY,
  IFCMAPCONVERSION,
  IFCPRODUCT,
  IFCPROJECT,
  IFCPROPERTYSET,
  IFCRELAGGREGATES,
  IFCRELCONTAINEDINSPATIALSTRUCTURE,
  IFCRELDEFINESBYPROPERTIES,
  IFCSITE,
  IFCSPACE,
  IFCSPATIALELEMENT,
  IFCSPATIALSTRUCTUREELEMENT,
  InheritanceDef,
  SchemaNames,
  type IfcAPI,
} from 'web-ifc';
import type { ErrorWhere, GeodeticPoint, MapConversion, SpatialNode } from '../importReport.ts';
import type { WarningList } from '../warningList.ts';
import { compoundAngleToDegrees, xAxisRotationDeg } from './ifcGeoreference.ts';
import type { IfcSchema } from './prevalidateStep.ts';
import { describeUnit, lengthUnitOf, numberOf, refOf, refsOf, textOf, type IfcLine } from './ifcValues.ts';

/** What `readIfcModel` learns. */
export interface IfcModelFacts {
  counts: Record<string, number>;
  entities: number;
  spatialStructure: SpatialNode[];
  propertySets: { propertySets: number; properties: number; quantitySets: number; objectsWithProperties: number };
  lengthUnit?: string;
  mapConversion?: MapConversion;
  /** The IfcSite reference point, when the site gives one. */
  siteOrigin?: GeodeticPoint & { entity: string };
}

/** Locates instance `label` for warnings. */
export type WhereOf = (label: number) => ErrorWhere;

/** The deepest spatial structure followed (a guard against cyclic aggregation). */
const MAX_SPATIAL_DEPTH = 16;

/** Reads the facts of open model `modelId`, of schema `schema`. */
export function readIfcModel(api: IfcAPI, modelId: number, schema: IfcSchema, warnings: WarningList, whereOf: WhereOf): IfcModelFacts {
  const model = new ModelView(api, modelId, schema);
  const facts: IfcModelFacts = {
    counts: model.counts(),
    entities: api.GetAllLines(modelId).size(),
    spatialStructure: spatialStructure(model, warnings, whereOf),
    propertySets: propertySetStatistics(model),
  };
  const project = model.ids(IFCPROJECT)[0];
  const lengthUnit = project === undefined ? undefined : lengthUnitOf(api, modelId, model.line(project));
  if (lengthUnit !== undefined) facts.lengthUnit = lengthUnit.name;
  const mapConversion = readMapConversion(model, warnings, whereOf);
  if (mapConversion !== undefined) facts.mapConversion = mapConversion;
  const siteOrigin = readSiteOrigin(model, lengthUnit?.metres ?? 1, warnings, whereOf);
  if (siteOrigin !== undefined) facts.siteOrigin = siteOrigin;
  return facts;
}

/** A model with its schema's class tables at hand. */
class ModelView {
  readonly typeNames = new Map<number, string>();
  readonly productTypes: Set<number>;
  readonly spatialTypes: Set<number>;

  constructor(
    readonly api: IfcAPI,
    readonly modelId: number,
    schema: IfcSchema,
  ) {
    const schemaIndex = SchemaNames.findIndex((names) => names?.[0] === schema);
    const inheritance = (InheritanceDef as Record<number, Record<number, number[] | undefined>>)[schemaIndex] ?? {};
    this.productTypes = new Set(inheritance[IFCPRODUCT] ?? []);
    this.spatialTypes = new Set([...(inheritance[IFCSPATIALSTRUCTUREELEMENT] ?? []), ...(inheritance[IFCSPATIALELEMENT] ?? [])]);
    for (const { typeID, typeName } of api.GetAllTypesOfModel(modelId)) this.typeNames.set(typeID, typeName);
  }

  ids(type: number): number[] {
    return [...this.api.GetLineIDsWithType(this.modelId, type)];
  }

  line(id: number): IfcLine {
    return this.api.GetLine(this.modelId, id) as IfcLine;
  }

  typeOf(id: number): number {
    return this.api.GetLineType(this.modelId, id) as number;
  }

  /** Instance counts of products, IfcProject and the property and quantity sets, by class name, sorted. */
  counts(): Record<string, number> {
    const wanted = (type: number): boolean => this.productTypes.has(type) || type === IFCPROJECT || type === IFCPROPERTYSET || type === IFCELEMENTQUANTITY;
    const entries = [...this.typeNames].filter(([type]) => wanted(type)).map(([type, name]) => [name, this.ids(type).length] as const);
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
}

function spatialStructure(model: ModelView, warnings: WarningList, whereOf: WhereOf): SpatialNode[] {
  const children = new Map<number, number[]>();
  for (const rel of model.ids(IFCRELAGGREGATES)) {
    const line = model.line(rel);
    const parent = refOf(line.RelatingObject);
    if (parent === undefined) continue;
    const list = children.get(parent) ?? [];
    list.push(...refsOf(line.RelatedObjects));
    children.set(parent, list);
  }
  const contained = containedElements(model, warnings, whereOf);
  const visited = new Set<number>();
  const node = (id: number, depth: number): SpatialNode => {
    visited.add(id);
    const line = model.line(id);
    const type = model.typeOf(id);
    const kids = (children.get(id) ?? []).filter((child) => model.spatialTypes.has(model.typeOf(child)));
    const spaces = kids.filter((child) => model.typeOf(child) === IFCSPACE);
    for (const space of spaces) visited.add(space);
    const result: SpatialNode = {
      type: model.typeNames.get(type) ?? String(type),
      entity: `#${id}`,
      name: textOf(line.Name),
      elements: contained.get(id) ?? 0,
      spaces: spaces.length,
      children: [],
    };
    const longName = textOf(line.LongName);
    if (longName !== null) result.longName = longName;
    const elevation = type === IFCBUILDINGSTOREY ? numberOf(line.Elevation) : undefined;
    if (elevation !== undefined) result.elevation = elevation;
    for (const child of kids) {
      if (model.typeOf(child) === IFCSPACE) continue;
      if (visited.has(child) || depth >= MAX_SPATIAL_DEPTH) {
        warnings.add('ifc:spatial-cycle', `the spatial structure aggregates #${child} more than once or too deeply`, whereOf(child));
        continue;
      }
      result.children.push(node(child, depth + 1));
    }
    return result;
  };
  const roots = model.ids(IFCPROJECT).map((project) => node(project, 0));
  const orphans = [...model.typeNames.keys()].filter((type) => model.spatialTypes.has(type)).flatMap((type) => model.ids(type)).filter((id) => !visited.has(id));
  for (const id of orphans) {
    const type = model.typeNames.get(model.typeOf(id));
    warnings.add('ifc:spatial-orphan', `${type} #${id} is not in the project's spatial structure (no IfcRelAggregates chain leads to it from the IfcProject)`, whereOf(id));
  }
  return roots;
}

/** Elements per spatial element (IfcRelContainedInSpatialStructure), checking what is contained is a product. */
function containedElements(model: ModelView, warnings: WarningList, whereOf: WhereOf): Map<number, number> {
  const counts = new Map<number, number>();
  for (const rel of model.ids(IFCRELCONTAINEDINSPATIALSTRUCTURE)) {
    const line = model.line(rel);
    const structure = refOf(line.RelatingStructure);
    const related = refsOf(line.RelatedElements);
    const unique = new Set(related);
    if (unique.size < related.length) warnings.add('ifc:containment-duplicate', `#${rel} lists the same element more than once in RelatedElements`, whereOf(rel));
    let elements = 0;
    for (const element of unique) {
      const type = model.typeOf(element);
      if (!model.productTypes.has(type)) {
        warnings.add('ifc:containment-type', `#${rel} places #${element} (${model.typeNames.get(type) ?? 'an undefined instance'}) in a spatial structure, but only products can be placed`, whereOf(rel));
        continue;
      }
      elements++;
    }
    if (structure !== undefined) counts.set(structure, (counts.get(structure) ?? 0) + elements);
  }
  return counts;
}

function propertySetStatistics(model: ModelView): IfcModelFacts['propertySets'] {
  let properties = 0;
  const sets = model.ids(IFCPROPERTYSET);
  for (const set of sets) properties += refsOf(model.line(set).HasProperties).length;
  const objects = new Set<number>();
  for (const rel of model.ids(IFCRELDEFINESBYPROPERTIES)) for (const object of refsOf(model.line(rel).RelatedObjects)) objects.add(object);
  return { propertySets: sets.length, properties, quantitySets: model.ids(IFCELEMENTQUANTITY).length, objectsWithProperties: objects.size };
}

function readMapConversion(model: ModelView, warnings: WarningList, whereOf: WhereOf): MapConversion | undefined {
  const ids = model.ids(IFCMAPCONVERSION);
  const id = ids[0];
  if (id === undefined) return undefined;
  if (ids.length > 1) warnings.add('ifc:map-conversions', `the model has ${ids.length} IfcMapConversion instances; the first, #${id}, is used`, whereOf(id));
  const line = model.line(id);
  const crsId = refOf(line.TargetCRS);
  const crs = crsId === undefined ? undefined : model.line(crsId);
  const abscissa = numberOf(line.XAxisAbscissa) ?? 1;
  const ordinate = numberOf(line.XAxisOrdinate) ?? 0;
  const conversion: MapConversion = {
    entity: `#${id}`,
    eastings: numberOf(line.Eastings) ?? 0,
    northings: numberOf(line.Northings) ?? 0,
    orthogonalHeight: numberOf(line.OrthogonalHeight) ?? 0,
    xAxisAbscissa: abscissa,
    xAxisOrdinate: ordinate,
    rotationDeg: xAxisRotationDeg(abscissa, ordinate),
    scale: numberOf(line.Scale) ?? 1,
    targetCrs: { name: textOf(crs?.Name) ?? '' },
  };
  if (crs !== undefined) {
    for (const key of ['Description', 'GeodeticDatum', 'VerticalDatum', 'MapProjection', 'MapZone'] as const) {
      const value = textOf(crs[key]);
      if (value !== null) conversion.targetCrs[(key.charAt(0).toLowerCase() + key.slice(1)) as 'description'] = value;
    }
    const unitId = refOf(crs.MapUnit);
    if (unitId !== undefined) conversion.targetCrs.mapUnit = describeUnit(model.line(unitId));
  }
  if (conversion.targetCrs.name === '') warnings.add('ifc:map-crs', `IfcMapConversion #${id} names no target CRS`, whereOf(id));
  return conversion;
}

/** The first IfcSite reference point; RefElevation (in project length units) becomes metres with `unitMetres`. */
function readSiteOrigin(model: ModelView, unitMetres: number, warnings: WarningList, whereOf: WhereOf): (GeodeticPoint & { entity: string }) | undefined {
  for (const id of model.ids(IFCSITE)) {
    const line = model.line(id);
    const latParts = (line.RefLatitude as { value?: unknown } | null)?.value;
    const lonParts = (line.RefLongitude as { value?: unknown } | null)?.value;
    if (!Array.isArray(latParts) || !Array.isArray(lonParts)) continue;
    const lat = compoundAngleToDegrees(latParts as number[]);
    const lon = compoundAngleToDegrees(lonParts as number[]);
    if (lat === undefined || lon === undefined || Math.abs(lat.degrees) > 90 || Math.abs(lon.degrees) > 180) {
      warnings.add('ifc:site-reference', `IfcSite #${id} has a RefLatitude/RefLongitude that is not a valid compound angle; it is ignored`, whereOf(id));
      continue;
    }
    const problem = lat.problem ?? lon.problem;
    if (problem !== undefined) warnings.add('ifc:site-reference-sign', `IfcSite #${id}: a reference angle is doubtful (${problem})`, whereOf(id));
    const origin: GeodeticPoint & { entity: string } = { entity: `#${id}`, lonDeg: lon.degrees, latDeg: lat.degrees };
    const height = numberOf(line.RefElevation);
    // `+ 0` turns the -0 some exporters write (`-0.`) into 0.
    if (height !== undefined) origin.heightM = height * unitMetres + 0;
    return origin;
  }
  return undefined;
}
