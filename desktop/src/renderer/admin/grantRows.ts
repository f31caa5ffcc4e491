import { SCOPE_DIMENSIONS, type Grant, type Role, type Scope } from '@twin/protocol';

/** A grant as the form edits it: a role and the scope's values as text ('' for "any"). */
export interface GrantRow {
  role: Role;
  community: string;
  zone: string;
  building: string;
  layer: string;
}

/** A new row: the least powerful role over everything. */
export function emptyGrantRow(): GrantRow {
  return { role: 'viewer', community: '', zone: '', building: '', layer: '' };
}

/** The form rows of grants. */
export function grantRowsOf(grants: readonly Grant[]): GrantRow[] {
  return grants.map(({ role, scope }) => ({ role, community: scope.community ?? '', zone: scope.zone ?? '', building: scope.building ?? '', layer: scope.layer ?? '' }));
}

/** The grants of form rows: trimmed values, empty ones left out of the scope. */
export function grantsOf(rows: readonly GrantRow[]): Grant[] {
  return rows.map((row) => {
    const scope: Scope = {};
    for (const dimension of SCOPE_DIMENSIONS) {
      const value = row[dimension].trim();
      if (value !== '') scope[dimension] = value;
    }
    return { role: row.role, scope };
  });
}
