/**
 * The IFC4 line of a planned element: its class, PredefinedType enumeration, names, placement,
 * body, and the element key as Tag.
 */
import { IFC4, type Handle, type IfcLineObject } from 'web-ifc';
import type { PlannedElement, PlannedElementClass } from './buildingPlan.ts';
import { ifcGlobalId } from './globalId.ts';

type Placement = Handle<IFC4.IfcLocalPlacement>;
type Body = Handle<IFC4.IfcProductDefinitionShape>;

/** The PredefinedType enumeration of each element class. */
const PREDEFINED_TYPES: Readonly<Record<PlannedElementClass, object>> = {
  IfcWall: IFC4.IfcWallTypeEnum,
  IfcSlab: IFC4.IfcSlabTypeEnum,
  IfcDoor: IFC4.IfcDoorTypeEnum,
  IfcWindow: IFC4.IfcWindowTypeEnum,
  IfcPump: IFC4.IfcPumpTypeEnum,
  IfcFan: IFC4.IfcFanTypeEnum,
  IfcTransportElement: IFC4.IfcTransportElementTypeEnum,
  IfcPipeSegment: IFC4.IfcPipeSegmentTypeEnum,
  IfcSensor: IFC4.IfcSensorTypeEnum,
  IfcValve: IFC4.IfcValveTypeEnum,
  IfcFlowMeter: IFC4.IfcFlowMeterTypeEnum,
  IfcAudioVisualAppliance: IFC4.IfcAudioVisualApplianceTypeEnum,
  IfcUnitaryControlElement: IFC4.IfcUnitaryControlElementTypeEnum,
};

/** Constructors of the classes whose attributes end in Tag, PredefinedType. */
const TAGGED_ELEMENTS = {
  IfcWall: IFC4.IfcWall,
  IfcSlab: IFC4.IfcSlab,
  IfcPump: IFC4.IfcPump,
  IfcFan: IFC4.IfcFan,
  IfcTransportElement: IFC4.IfcTransportElement,
  IfcPipeSegment: IFC4.IfcPipeSegment,
  IfcSensor: IFC4.IfcSensor,
  IfcValve: IFC4.IfcValve,
  IfcFlowMeter: IFC4.IfcFlowMeter,
  IfcAudioVisualAppliance: IFC4.IfcAudioVisualAppliance,
  IfcUnitaryControlElement: IFC4.IfcUnitaryControlElement,
} as const;

/** The enumeration value `name` of `ifcClass`'s PredefinedType; throws on a name IFC4 lacks. */
export function predefinedType(ifcClass: PlannedElementClass, name: string): unknown {
  const value = (PREDEFINED_TYPES[ifcClass] as Record<string, unknown>)[name];
  if (value === undefined) throw new Error(`${ifcClass} has no PredefinedType ${name} in IFC4`);
  return value;
}

/** The unwritten line of `element`. */
export function ifcElementLine(element: PlannedElement, placement: Placement, body: Body): IfcLineObject {
  const guid = new IFC4.IfcGloballyUniqueId(ifcGlobalId(element.key));
  const name = new IFC4.IfcLabel(element.name);
  const description = new IFC4.IfcText(element.nameEn);
  const tag = new IFC4.IfcIdentifier(element.key);
  const type = predefinedType(element.ifcClass, element.predefinedType);
  if (element.ifcClass === 'IfcDoor' || element.ifcClass === 'IfcWindow') {
    const { shape } = element;
    if (shape.kind !== 'box') throw new Error(`${element.key}: doors and windows are boxes`);
    const height = new IFC4.IfcPositiveLengthMeasure(shape.sz);
    const width = new IFC4.IfcPositiveLengthMeasure(Math.max(shape.sx, shape.sy));
    return element.ifcClass === 'IfcDoor'
      ? new IFC4.IfcDoor(guid, null, name, description, null, placement, body, tag, height, width, type as IFC4.IfcDoorTypeEnum, null, null)
      : new IFC4.IfcWindow(guid, null, name, description, null, placement, body, tag, height, width, type as IFC4.IfcWindowTypeEnum, null, null);
  }
  const Element = TAGGED_ELEMENTS[element.ifcClass];
  // Every class in TAGGED_ELEMENTS takes the same attributes; only the enumeration differs.
  return new Element(guid, null, name, description, null, placement, body, tag, type as never);
}
