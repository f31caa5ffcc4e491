/**
 * Property sets as plain data, so the building plan stays free of web-ifc and the writer can
 * share identical sets between elements.
 */

/** A property value with its IFC measure type. Lengths in metres, areas in square metres. */
export type PropertyValue =
  | { kind: 'label' | 'identifier' | 'text'; value: string }
  | { kind: 'boolean' | 'logical'; value: boolean }
  | { kind: 'integer' | 'count'; value: number }
  | { kind: 'real' | 'area' | 'length' | 'positiveLength' | 'positiveRatio' | 'time' | 'frequency'; value: number };

/** One `IfcPropertySingleValue`. */
export interface PlannedProperty {
  name: string;
  value: PropertyValue;
  /** Why the value is what it is (a clause, a unit); written as the property's Description. */
  description?: string;
}

/** One `IfcPropertySet`. */
export interface PlannedPropertySet {
  name: string;
  properties: PlannedProperty[];
}

/** The product's own property set: its element key and the clauses it serves. */
export const ELEMENT_PSET = 'SmartCommunity_Element';

export const label = (value: string): PropertyValue => ({ kind: 'label', value });
export const identifier = (value: string): PropertyValue => ({ kind: 'identifier', value });
export const text = (value: string): PropertyValue => ({ kind: 'text', value });
export const bool = (value: boolean): PropertyValue => ({ kind: 'boolean', value });
export const logical = (value: boolean): PropertyValue => ({ kind: 'logical', value });
export const integer = (value: number): PropertyValue => ({ kind: 'integer', value });
export const count = (value: number): PropertyValue => ({ kind: 'count', value });
export const real = (value: number): PropertyValue => ({ kind: 'real', value });
export const area = (value: number): PropertyValue => ({ kind: 'area', value });
export const positiveLength = (value: number): PropertyValue => ({ kind: 'positiveLength', value });
export const positiveRatio = (value: number): PropertyValue => ({ kind: 'positiveRatio', value });
export const time = (value: number): PropertyValue => ({ kind: 'time', value });
export const frequency = (value: number): PropertyValue => ({ kind: 'frequency', value });

/** A property without a description. */
export function prop(name: string, value: PropertyValue, description?: string): PlannedProperty {
  return description === undefined ? { name, value } : { name, value, description };
}

/**
 * The product's own set: the element key (also the seed of the GlobalId), the requirement
 * clauses the element serves, and any extra properties.
 */
export function elementPset(key: string, clauses: readonly string[], extra: PlannedProperty[] = []): PlannedPropertySet {
  const properties = [prop('ElementKey', identifier(key))];
  if (clauses.length > 0) properties.push(prop('Requirements', label(clauses.join(' '))));
  return { name: ELEMENT_PSET, properties: [...properties, ...extra] };
}
