/**
 * The project and its georeferencing: SI units (metre, square metre, cubic metre, radian), the
 * 3D model context with true north, a `Body` sub-context, and the IfcMapConversion from the
 * model context to EPSG:4547.
 */
import { IFC4, type Handle } from 'web-ifc';
import type { BuildingGeoreference } from './buildingGeoreference.ts';
import { PROJECT_KEY } from './buildingElementKeys.ts';
import { MAP_GRID_CRS } from '../projection/siteProjection.ts';
import { ifcGlobalId } from './globalId.ts';
import type { IfcBuildingSpec } from './ifcBuildingSpec.ts';
import type { StepModel } from './stepModel.ts';

export interface ProjectContext {
  project: Handle<IFC4.IfcProject>;
  model: Handle<IFC4.IfcGeometricRepresentationContext>;
  body: Handle<IFC4.IfcGeometricRepresentationSubContext>;
}

/** Writes units, contexts, the project and the map conversion. */
export function writeProjectContext(step: StepModel, spec: IfcBuildingSpec, georef: BuildingGeoreference): ProjectContext {
  const metre = step.add(new IFC4.IfcSIUnit(IFC4.IfcUnitEnum.LENGTHUNIT, null, IFC4.IfcSIUnitName.METRE));
  const units = step.add(
    new IFC4.IfcUnitAssignment([
      metre,
      step.add(new IFC4.IfcSIUnit(IFC4.IfcUnitEnum.AREAUNIT, null, IFC4.IfcSIUnitName.SQUARE_METRE)),
      step.add(new IFC4.IfcSIUnit(IFC4.IfcUnitEnum.VOLUMEUNIT, null, IFC4.IfcSIUnitName.CUBIC_METRE)),
      step.add(new IFC4.IfcSIUnit(IFC4.IfcUnitEnum.PLANEANGLEUNIT, null, IFC4.IfcSIUnitName.RADIAN)),
    ]),
  );
  const model = step.add(
    new IFC4.IfcGeometricRepresentationContext(
      null,
      new IFC4.IfcLabel('Model'),
      new IFC4.IfcDimensionCount(3),
      new IFC4.IfcReal(1e-5),
      step.axis3([0, 0, 0]),
      step.direction(georef.trueNorth),
    ),
  );
  const body = step.add(
    new IFC4.IfcGeometricRepresentationSubContext(
      new IFC4.IfcLabel('Body'),
      new IFC4.IfcLabel('Model'),
      model,
      null,
      IFC4.IfcGeometricProjectionEnum.MODEL_VIEW,
      null,
    ),
  );
  step.setBodyContext(body);
  const project = step.add(
    new IFC4.IfcProject(
      new IFC4.IfcGloballyUniqueId(ifcGlobalId(PROJECT_KEY)),
      null,
      new IFC4.IfcLabel(spec.site.projectName),
      null,
      null,
      null,
      null,
      [model],
      units,
    ),
  );
  writeMapConversion(step, model, metre, georef);
  return { project, model, body };
}

function writeMapConversion(
  step: StepModel,
  model: Handle<IFC4.IfcGeometricRepresentationContext>,
  metre: Handle<IFC4.IfcSIUnit>,
  georef: BuildingGeoreference,
): void {
  const crs = step.add(
    new IFC4.IfcProjectedCRS(
      new IFC4.IfcLabel(MAP_GRID_CRS),
      new IFC4.IfcText('CGCS2000 / 3-degree Gauss-Kruger CM 114E'),
      new IFC4.IfcIdentifier('CGCS2000'),
      new IFC4.IfcIdentifier('1985 National Height Datum'),
      new IFC4.IfcIdentifier('Transverse Mercator'),
      new IFC4.IfcIdentifier('CM 114E'),
      metre,
    ),
  );
  step.add(
    new IFC4.IfcMapConversion(
      model,
      crs,
      new IFC4.IfcLengthMeasure(georef.eastingsM),
      new IFC4.IfcLengthMeasure(georef.northingsM),
      new IFC4.IfcLengthMeasure(georef.orthogonalHeightM),
      new IFC4.IfcReal(georef.xAxisAbscissa),
      new IFC4.IfcReal(georef.xAxisOrdinate),
      new IFC4.IfcReal(1),
    ),
  );
}
