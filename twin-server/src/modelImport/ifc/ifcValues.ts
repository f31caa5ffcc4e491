/**
 * Reading attribute values of web-ifc line objects, which arrive untyped: references
 * `{ type: 5, value: id }`, labels `{ value: 'x' }`, measures whose `value` is a number,
 * enumerations `{ type: 3, value: 'METRE' }`.
 */
import { IFCCONVERSIONBASEDUNIT, IFCSIUNIT, type IfcAPI } from 'web-ifc';

/** A line object as web-ifc returns it. */
export type IfcLine = Record<string, unknown> & { expressID?: number; type?: number };

const REF = 5;

/** The instance a reference attribute points to. */
export function refOf(value: unknown): number | undefined {
  const handle = value as { type?: unknown; value?: unknown } | null | undefined;
  return handle?.type === REF && typeof handle.value === 'number' ? handle.value : undefined;
}

/** The instances an aggregate of references points to. */
export function refsOf(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value.map(refOf).filter((id): id is number => id !== undefined);
}

/** The text of a label, text or identifier attribute; null when unset or empty. */
export function textOf(value: unknown): string | null {
  const v = (value as { value?: unknown } | null | undefined)?.value;
  return typeof v === 'string' && v !== '' ? v : null;
}

/** The number of a measure attribute (also a bare number). */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const v = (value as { value?: unknown } | null | undefined)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

const SI_PREFIX: Record<string, number> = {
  EXA: 1e18, PETA: 1e15, TERA: 1e12, GIGA: 1e9, MEGA: 1e6, KILO: 1e3, HECTO: 1e2, DECA: 1e1,
  DECI: 1e-1, CENTI: 1e-2, MILLI: 1e-3, MICRO: 1e-6, NANO: 1e-9, PICO: 1e-12, FEMTO: 1e-15, ATTO: 1e-18,
};

/** A unit's name as IFC writes it: `MILLIMETRE` for an IfcSIUnit, the name of a conversion-based unit (`INCH`). */
export function describeUnit(line: IfcLine): string {
  const prefix = (line.Prefix as { value?: unknown } | null)?.value;
  const name = (line.Name as { value?: unknown } | null)?.value;
  return `${typeof prefix === 'string' ? prefix : ''}${typeof name === 'string' ? name : ''}`;
}

/** The project's length unit and its size in metres, from IfcProject.UnitsInContext. */
export function lengthUnitOf(api: IfcAPI, modelId: number, project: IfcLine): { name: string; metres: number } | undefined {
  const assignment = refOf(project.UnitsInContext);
  if (assignment === undefined) return undefined;
  for (const unitId of refsOf((api.GetLine(modelId, assignment) as IfcLine).Units)) {
    const unit = api.GetLine(modelId, unitId) as IfcLine;
    if ((unit.UnitType as { value?: unknown } | null)?.value !== 'LENGTHUNIT') continue;
    const name = describeUnit(unit);
    const metres = unitMetres(api, modelId, unit);
    return metres === undefined ? undefined : { name, metres };
  }
  return undefined;
}

function unitMetres(api: IfcAPI, modelId: number, unit: IfcLine, depth = 0): number | undefined {
  if (unit.type === IFCSIUNIT) {
    const prefix = (unit.Prefix as { value?: unknown } | null)?.value;
    return typeof prefix === 'string' ? SI_PREFIX[prefix] : 1;
  }
  if (unit.type === IFCCONVERSIONBASEDUNIT && depth < 3) {
    const factorId = refOf(unit.ConversionFactor);
    if (factorId === undefined) return undefined;
    const factor = api.GetLine(modelId, factorId) as IfcLine;
    const value = numberOf(factor.ValueComponent);
    const baseId = refOf(factor.UnitComponent);
    const base = baseId === undefined ? undefined : unitMetres(api, modelId, api.GetLine(modelId, baseId) as IfcLine, depth + 1);
    return value === undefined || base === undefined ? undefined : value * base;
  }
  return undefined;
}
