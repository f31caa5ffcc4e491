import { SCOPE_DIMENSIONS, type Scope } from '@twin/protocol';

/** A target's value for a dimension it spans entirely (the site spans every zone and building). */
export const SPANS_ALL = '*';

/**
 * Where a piece of data sits, dimension by dimension: a value, `SPANS_ALL` when it covers every
 * value of the dimension (a community-wide base map), or absent when it has no value there (an
 * outdoor sensor is in no building).
 */
export type ScopeTarget = Partial<Record<(typeof SCOPE_DIMENSIONS)[number], string>>;

/**
 * Whether `scope` covers `target` (REQ PLAT-8 domain-based allocation): every dimension the scope
 * names must be the target's value there, or spanned by the target. A target without a value in
 * a dimension the scope names is outside it.
 */
export function scopeCovers(scope: Scope, target: ScopeTarget): boolean {
  for (const dimension of SCOPE_DIMENSIONS) {
    const wanted = scope[dimension];
    if (wanted === undefined) continue;
    const value = target[dimension];
    if (value !== SPANS_ALL && value !== wanted) return false;
  }
  return true;
}

/** Whether any of `scopes` covers `target`. */
export function anyScopeCovers(scopes: readonly Scope[], target: ScopeTarget): boolean {
  return scopes.some((scope) => scopeCovers(scope, target));
}

/**
 * Whether two scopes can hold common data: every dimension both name has the same value. A grant
 * applies within its organisation's domain, so it must overlap one of the domain's scopes (an
 * empty grant scope means the whole domain).
 */
export function scopesOverlap(a: Scope, b: Scope): boolean {
  return SCOPE_DIMENSIONS.every((dimension) => a[dimension] === undefined || b[dimension] === undefined || a[dimension] === b[dimension]);
}

/** A scope in words, for messages and audit entries: `zone=zone-a,layer=gas` or `*`. */
export function describeScope(scope: Scope): string {
  const parts = SCOPE_DIMENSIONS.filter((d) => scope[d] !== undefined).map((d) => `${d}=${scope[d]}`);
  return parts.length === 0 ? '*' : parts.join(',');
}
