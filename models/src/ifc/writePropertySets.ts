/**
 * Property sets: identical sets (same name, same values) are written once and related to every
 * object that carries them by one IfcRelDefinesByProperties, which keeps tall towers small.
 */
import { IFC4, type Handle } from 'web-ifc';
import { ifcGlobalId } from './globalId.ts';
import type { PlannedProperty, PlannedPropertySet, PropertyValue } from './plannedProperty.ts';
import type { StepModel } from './stepModel.ts';

/** An object and the property sets it carries. */
export interface PsetHolder {
  handle: Handle<IFC4.IfcObjectDefinition>;
  psets: readonly PlannedPropertySet[];
}

/**
 * Writes the property sets of `holders`. GlobalIds derive from `scope` (the building id) and
 * each set's content, so they stay put when unrelated objects come or go.
 */
export function writePropertySets(step: StepModel, scope: string, holders: readonly PsetHolder[]): void {
  const groups = new Map<string, { pset: PlannedPropertySet; objects: Handle<IFC4.IfcObjectDefinition>[] }>();
  for (const { handle, psets } of holders) {
    for (const pset of psets) {
      const id = `${pset.name}|${JSON.stringify(pset.properties)}`;
      const group = groups.get(id);
      if (group === undefined) groups.set(id, { pset, objects: [handle] });
      else group.objects.push(handle);
    }
  }
  for (const [id, { pset, objects }] of groups) {
    const set = step.add(
      new IFC4.IfcPropertySet(
        new IFC4.IfcGloballyUniqueId(ifcGlobalId(`${scope}/PSET/${id}`)),
        null,
        new IFC4.IfcLabel(pset.name),
        null,
        pset.properties.map((property) => step.add(singleValue(property))),
      ),
    );
    step.add(new IFC4.IfcRelDefinesByProperties(new IFC4.IfcGloballyUniqueId(ifcGlobalId(`${scope}/REL/PSET/${id}`)), null, null, null, objects, set));
  }
}

function singleValue(property: PlannedProperty): IFC4.IfcPropertySingleValue {
  return new IFC4.IfcPropertySingleValue(
    new IFC4.IfcIdentifier(property.name),
    property.description === undefined ? null : new IFC4.IfcText(property.description),
    ifcValue(property.value),
    null,
  );
}

function ifcValue(property: PropertyValue): IFC4.IfcValue {
  // Twelve significant digits: 0.2 × 0.05 is written 0.01, not 0.010000000000000002.
  const value = typeof property.value === 'number' ? { ...property, value: Number(property.value.toPrecision(12)) } : property;
  switch (value.kind) {
    case 'label':
      return new IFC4.IfcLabel(value.value);
    case 'identifier':
      return new IFC4.IfcIdentifier(value.value);
    case 'text':
      return new IFC4.IfcText(value.value);
    case 'boolean':
      return new IFC4.IfcBoolean(value.value);
    case 'logical':
      return new IFC4.IfcLogical(value.value);
    case 'integer':
      return new IFC4.IfcInteger(value.value);
    case 'count':
      return new IFC4.IfcCountMeasure(value.value);
    case 'real':
      return new IFC4.IfcReal(value.value);
    case 'area':
      return new IFC4.IfcAreaMeasure(value.value);
    case 'length':
      return new IFC4.IfcLengthMeasure(value.value);
    case 'positiveLength':
      return new IFC4.IfcPositiveLengthMeasure(value.value);
    case 'positiveRatio':
      return new IFC4.IfcPositiveRatioMeasure(value.value);
    case 'time':
      return new IFC4.IfcTimeMeasure(value.value);
    case 'frequency':
      return new IFC4.IfcFrequencyMeasure(value.value);
  }
}
