const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: string, timeZone: string | undefined, kind: 'seconds' | 'minutes' | 'date'): Intl.DateTimeFormat {
  const key = `${language}|${timeZone ?? ''}|${kind}`;
  let cached = formats.get(key);
  if (cached === undefined) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date' ? { month: 'short', day: 'numeric' } : { hour: '2-digit', minute: '2-digit', ...(kind === 'seconds' ? { second: '2-digit' } : {}), hourCycle: 'h23' };
    cached = new Intl.DateTimeFormat(language, { ...options, ...(timeZone === undefined ? {} : { timeZone }) });
    formats.set(key, cached);
  }
  return cached;
}

/**
 * Labels of time-axis ticks `ticksMs` spaced `stepMs` apart, in the console's language
 * (`zh-CN`: `14:30`, `11月24日`): times of day with seconds below a minute's step, without them
 * from there, with the date on a second line under the first tick and wherever the day changes;
 * dates alone from a day's step on. `timeZone` defaults to the browser's.
 */
export function timeTickLabels(ticksMs: readonly number[], stepMs: number, language: string, timeZone?: string): string[] {
  const date = format(language, timeZone, 'date');
  if (stepMs >= DAY_MS) return ticksMs.map((t) => date.format(t));
  const time = format(language, timeZone, stepMs < MINUTE_MS ? 'seconds' : 'minutes');
  let previousDay = '';
  return ticksMs.map((t) => {
    const day = date.format(t);
    const label = day === previousDay ? time.format(t) : `${time.format(t)}\n${day}`;
    previousDay = day;
    return label;
  });
}
