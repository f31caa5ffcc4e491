/** Share of the outdoor temperature sensors, the coolest, whose mean is the heat-island reference. */
const REFERENCE_SHARE = 0.25;

/**
 * The heat-island reference temperature of a community (REQ ENV-2: heat-island intensity is the
 * outdoor temperature minus a reference): the mean of the coolest quarter (at least one) of its
 * live outdoor temperatures. A community has no rural station of its own; its coolest points (the
 * green and shaded sites the guideline asks to monitor as typical outdoor areas) stand in for one,
 * and a mean of several keeps one odd sensor from setting it. Undefined without live values.
 */
export function heatIslandReference(temperaturesC: ArrayLike<number>): number | undefined {
  const sorted = Float64Array.from(temperaturesC).sort();
  if (sorted.length === 0) return undefined;
  const n = Math.max(1, Math.round(sorted.length * REFERENCE_SHARE));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return sum / n;
}

/**
 * The community's heat-island intensity now: the warmest live outdoor temperature minus the
 * reference, °C, with the reference itself. Undefined without live values.
 */
export function heatIslandIntensity(temperaturesC: ArrayLike<number>): { intensityC: number; referenceC: number } | undefined {
  const referenceC = heatIslandReference(temperaturesC);
  if (referenceC === undefined) return undefined;
  let warmest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < temperaturesC.length; i++) warmest = Math.max(warmest, temperaturesC[i]!);
  return { intensityC: warmest - referenceC, referenceC };
}
