import type { TFunction } from 'i18next';
import { SCOPE_DIMENSIONS, type Scope } from '@twin/protocol';
import { SCOPE_LAYERS, type ScopeLayer } from './scopeLayers.ts';

/** A scope in words: `片区 A · 图层 燃气`, or "everything" for the empty scope. */
export function scopeText(scope: Scope, t: TFunction): string {
  const parts = SCOPE_DIMENSIONS.flatMap((dimension) => {
    const value = scope[dimension];
    if (value === undefined) return [];
    if (dimension === 'layer' && SCOPE_LAYERS.includes(value as ScopeLayer)) return [t('scope.layer', { value: t(`layers.${value as ScopeLayer}`) })];
    return [t(`scope.${dimension}`, { value })];
  });
  return parts.length === 0 ? t('scope.everything') : parts.join(' · ');
}
