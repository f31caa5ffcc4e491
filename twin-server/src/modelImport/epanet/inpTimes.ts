/**
 * Checks the [TIMES] section: every option is one EPANET knows, and every value is a time it
 * reads: decimal hours, `h:mm` or `h:mm:ss`, optionally with a unit (SEC, MIN, HOURS, DAYS);
 * clock times may end with AM or PM.
 */
import type { EpanetNetwork } from './epanetNetwork.ts';
import type { InpLine } from './inpSections.ts';

/** Option keywords: the words that name the option, before its value. */
const TIME_OPTIONS: Array<{ words: string[]; clock?: boolean }> = [
  { words: ['DURATION'] },
  { words: ['HYDRAULIC', 'TIMESTEP'] },
  { words: ['QUALITY', 'TIMESTEP'] },
  { words: ['RULE', 'TIMESTEP'] },
  { words: ['PATTERN', 'TIMESTEP'] },
  { words: ['PATTERN', 'START'] },
  { words: ['REPORT', 'TIMESTEP'] },
  { words: ['REPORT', 'START'] },
  { words: ['START', 'CLOCKTIME'], clock: true },
];
const STATISTICS = new Set(['NONE', 'NO', 'AVERAGE', 'AVERAGED', 'MINIMUM', 'MAXIMUM', 'RANGE']);
const UNITS = new Set(['SEC', 'SECOND', 'SECONDS', 'MIN', 'MINUTE', 'MINUTES', 'HOUR', 'HOURS', 'DAY', 'DAYS']);
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;
const CLOCK = /^\d+:[0-5]?\d(:[0-5]?\d)?$/;

/** Whether `fields` (the value and an optional unit or AM/PM) make a time EPANET reads. */
export function isInpTime(fields: string[], clock = false): boolean {
  const [value, suffix, extra] = fields.map((f) => f.toUpperCase());
  if (value === undefined || extra !== undefined) return false;
  const isDecimal = DECIMAL.test(value);
  if (!isDecimal && !CLOCK.test(value)) return false;
  if (suffix === undefined) return true;
  if (suffix === 'AM' || suffix === 'PM') return clock;
  return !clock && isDecimal && UNITS.has(suffix);
}

export function checkTimes(lines: InpLine[], network: EpanetNetwork): void {
  for (const line of lines) {
    const words = line.fields.map((f) => f.toUpperCase());
    const where = network.where(line, 'TIMES');
    if (words[0] === 'STATISTIC') {
      if (words[1] === undefined || !STATISTICS.has(words[1])) network.fail(`the statistic '${line.fields[1] ?? ''}' is not NONE, AVERAGED, MINIMUM, MAXIMUM or RANGE`, where);
      continue;
    }
    const option = TIME_OPTIONS.find((o) => o.words.every((w, k) => words[k] === w));
    if (option === undefined) network.fail(`'${line.text}' is not a [TIMES] option`, where);
    const value = line.fields.slice(option.words.length);
    if (!isInpTime(value, option.clock)) {
      network.fail(`${line.fields.slice(0, option.words.length).join(' ')}: '${value.join(' ')}' is not a time (decimal hours, h:mm or h:mm:ss${option.clock ? ', with AM or PM' : ''})`, where);
    }
  }
}
