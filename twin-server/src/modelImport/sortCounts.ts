/**
 * The order counts are reported in: totals first (`features`, `nodes`, `edges`), then types
 * (`LineString`), then property classes (`highway=primary`), each group alphabetically.
 */
export function sortCounts(counts: Record<string, number>): Record<string, number> {
  const rank = (key: string): number => (key === 'features' || key === 'nodes' || key === 'edges' ? 0 : key.includes('=') ? 2 : 1);
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
}
