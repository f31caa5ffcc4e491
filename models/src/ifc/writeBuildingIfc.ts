/**
 * One building as an IFC4 file: project, georeferenced site, building, storeys, spaces, the
 * envelope and the operations equipment, each with its property sets. The same spec always
 * gives the same bytes: GlobalIds come from element keys, express ids from the write order, and
 * the header's time stamp is fixed.
 */
import { IFC4, Schemas, type Handle, type IfcAPI } from 'web-ifc';
import { buildingGeoreference, type BuildingGeoreference } from './buildingGeoreference.ts';
import { SITE_KEY } from './buildingElementKeys.ts';
import { planBuilding, type BuildingPlan } from './buildingPlan.ts';
import { CATEGORY_PROFILES } from './categoryProfiles.ts';
import { ifcGlobalId } from './globalId.ts';
import { sharedIfcApi } from './ifcApi.ts';
import type { IfcBuildingSpec } from './ifcBuildingSpec.ts';
import { ifcElementLine } from './ifcElementLine.ts';
import { StepModel } from './stepModel.ts';
import { writeProjectContext } from './writeProjectContext.ts';
import { writePropertySets, type PsetHolder } from './writePropertySets.ts';

/** The header's fixed time stamp: the files do not change when regenerated. */
export const IFC_HEADER_TIMESTAMP = '2025-01-01T00:00:00';
const HEADER_AUTHOR = 'Smart community digital twin';
const HEADER_ORGANIZATION = 'Futian sample community';
const ORIGINATING_SYSTEM = 'smart-community-twin @twin/models';

type Placement = Handle<IFC4.IfcLocalPlacement>;

interface SpatialNode {
  handle: Handle<IFC4.IfcSpatialElement>;
  placement: Placement;
}

/**
 * The IFC4 file of one building, as bytes.
 *
 * @example
 * writeFileSync('B03.ifc', writeBuildingIfc(spec));
 */
export function writeBuildingIfc(spec: IfcBuildingSpec, api: IfcAPI = sharedIfcApi): Uint8Array {
  const plan = planBuilding(spec);
  const georef = buildingGeoreference(spec);
  const modelID = api.CreateModel({
    schema: Schemas.IFC4,
    name: `${spec.id}.ifc`,
    description: ['ViewDefinition [ReferenceView_V1.2]'],
    authors: [HEADER_AUTHOR],
    organizations: [HEADER_ORGANIZATION],
  });
  if (modelID < 0) throw new Error(`web-ifc could not create a model for ${spec.id}`);
  try {
    writeModel(new StepModel(api, modelID), plan, georef);
    return withFixedHeader(api.SaveModel(modelID), spec.id, String(api.GetVersion()));
  } finally {
    api.CloseModel(modelID);
  }
}

function writeModel(step: StepModel, plan: BuildingPlan, georef: BuildingGeoreference): void {
  const { spec } = plan;
  const { project } = writeProjectContext(step, spec, georef);
  const holders: PsetHolder[] = [];
  const guid = (key: string): IFC4.IfcGloballyUniqueId => new IFC4.IfcGloballyUniqueId(ifcGlobalId(key));

  const sitePlacement = step.placement(null, [0, 0, 0]);
  const site = step.add(
    new IFC4.IfcSite(guid(SITE_KEY), null, new IFC4.IfcLabel(spec.site.siteName), null, null, sitePlacement, null, null,
      IFC4.IfcElementCompositionEnum.ELEMENT, new IFC4.IfcCompoundPlaneAngleMeasure(georef.refLatitude),
      new IFC4.IfcCompoundPlaneAngleMeasure(georef.refLongitude), new IFC4.IfcLengthMeasure(georef.refElevationM), null, null),
  );
  step.add(new IFC4.IfcRelAggregates(guid('PROJECT/REL/AGGREGATES'), null, null, null, project, [site]));

  const profile = CATEGORY_PROFILES[spec.category];
  const buildingPlacement = step.placement(sitePlacement, [0, 0, 0]);
  const building = step.add(
    new IFC4.IfcBuilding(guid(plan.building.key), null, new IFC4.IfcLabel(plan.building.name), new IFC4.IfcText(plan.building.nameEn),
      new IFC4.IfcLabel(profile.en), buildingPlacement, null, new IFC4.IfcLabel(profile.zh), IFC4.IfcElementCompositionEnum.ELEMENT,
      new IFC4.IfcLengthMeasure(spec.groundElevationM), new IFC4.IfcLengthMeasure(spec.groundElevationM), null),
  );
  step.add(new IFC4.IfcRelAggregates(guid(`${SITE_KEY}/REL/AGGREGATES/${spec.id}`), null, null, null, site, [building]));
  holders.push({ handle: building, psets: plan.building.psets });

  const containers = new Map<string, SpatialNode>();
  for (const storey of plan.storeys) {
    const placement = step.placement(buildingPlacement, [0, 0, storey.elevationM]);
    const handle = step.add(
      new IFC4.IfcBuildingStorey(guid(storey.key), null, new IFC4.IfcLabel(storey.code), new IFC4.IfcText(storey.nameEn), null, placement,
        null, new IFC4.IfcLabel(storey.name), IFC4.IfcElementCompositionEnum.ELEMENT, new IFC4.IfcLengthMeasure(storey.elevationM)),
    );
    containers.set(storey.key, { handle, placement });
    holders.push({ handle, psets: storey.psets });
  }
  step.add(new IFC4.IfcRelAggregates(guid(`${spec.id}/REL/AGGREGATES`), null, null, null, building, [...containers.values()].map((c) => c.handle)));

  writeSpaces(step, plan, containers, holders);
  writeElements(step, plan, containers, holders);
  writePropertySets(step, spec.id, holders);
}

function writeSpaces(step: StepModel, plan: BuildingPlan, containers: Map<string, SpatialNode>, holders: PsetHolder[]): void {
  for (const storey of plan.storeys) {
    const parent = containers.get(storey.key)!;
    const spaces = plan.spaces.filter((space) => space.storeyKey === storey.key);
    if (spaces.length === 0) continue;
    const handles = spaces.map((space) => {
      const { shape } = space;
      const placement = step.placement(parent.placement, [shape.x, shape.y, shape.z]);
      const handle = step.add(
        new IFC4.IfcSpace(new IFC4.IfcGloballyUniqueId(ifcGlobalId(space.key)), null, new IFC4.IfcLabel(space.code), new IFC4.IfcText(space.nameEn),
          null, placement, step.body(shape, 'space'), new IFC4.IfcLabel(space.name), IFC4.IfcElementCompositionEnum.ELEMENT,
          IFC4.IfcSpaceTypeEnum[space.predefinedType], null),
      );
      containers.set(space.key, { handle, placement });
      holders.push({ handle, psets: space.psets });
      return handle;
    });
    step.add(new IFC4.IfcRelAggregates(new IFC4.IfcGloballyUniqueId(ifcGlobalId(`${storey.key}/REL/AGGREGATES`)), null, null, null, parent.handle, handles));
  }
}

function writeElements(step: StepModel, plan: BuildingPlan, containers: Map<string, SpatialNode>, holders: PsetHolder[]): void {
  const contents = new Map<string, Handle<IFC4.IfcProduct>[]>();
  for (const element of plan.elements) {
    const storey = containers.get(element.storeyKey);
    if (storey === undefined) throw new Error(`${element.key}: no storey ${element.storeyKey}`);
    const { shape } = element;
    const placement = step.placement(storey.placement, [shape.x, shape.y, shape.z]);
    const handle = step.add(ifcElementLine(element, placement, step.body(shape, element.style)));
    const list = contents.get(element.containerKey) ?? [];
    list.push(handle);
    contents.set(element.containerKey, list);
    holders.push({ handle, psets: element.psets });
  }
  for (const [containerKey, elements] of contents) {
    const container = containers.get(containerKey);
    if (container === undefined) throw new Error(`no storey or space ${containerKey}`);
    step.add(
      new IFC4.IfcRelContainedInSpatialStructure(new IFC4.IfcGloballyUniqueId(ifcGlobalId(`${containerKey}/REL/CONTAINS`)), null, null, null,
        elements, container.handle),
    );
  }
}

/**
 * web-ifc stamps FILE_NAME with the wall-clock time and names itself as the originating system;
 * the header is rewritten with a fixed time stamp and this product's name.
 */
function withFixedHeader(bytes: Uint8Array, buildingId: string, webIfcVersion: string): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const pattern = /^FILE_NAME\(.*\);$/m;
  const matches = text.match(new RegExp(pattern.source, 'gm')) ?? [];
  if (matches.length !== 1) throw new Error(`expected one FILE_NAME header line, found ${matches.length}`);
  const fileName =
    `FILE_NAME('${buildingId}.ifc','${IFC_HEADER_TIMESTAMP}',('${HEADER_AUTHOR}'),('${HEADER_ORGANIZATION}'),` +
    `'web-ifc ${webIfcVersion}','${ORIGINATING_SYSTEM}',$);`;
  return new TextEncoder().encode(text.replace(pattern, fileName));
}
