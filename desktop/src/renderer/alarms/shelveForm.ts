/** The shelving durations offered, and `custom` for a number of minutes the operator types. */
export const SHELVE_CHOICES = ['15m', '1h', '4h', '8h', 'custom'] as const;

/** A shelving duration choice. */
export type ShelveChoice = (typeof SHELVE_CHOICES)[number];

const MINUTE_MS = 60_000;

/** The duration of each fixed choice, ms. */
export const SHELVE_DURATIONS_MS: Record<Exclude<ShelveChoice, 'custom'>, number> = {
  '15m': 15 * MINUTE_MS,
  '1h': 60 * MINUTE_MS,
  '4h': 240 * MINUTE_MS,
  '8h': 480 * MINUTE_MS,
};

/** Bounds of a custom duration, minutes: shelving is always temporary (ISA-18.2 §11.6). */
export const CUSTOM_MINUTES = { min: 1, max: 1440 } as const;

/** Longest shelving reason or comment kept, characters. */
export const NOTE_MAX_LENGTH = 500;

/** What the shelve dialog holds. */
export interface ShelveForm {
  choice: ShelveChoice;
  /** Minutes as typed, for `custom`. */
  customMinutes: string;
  reason: string;
}

/** The dialog's starting values. */
export const EMPTY_SHELVE_FORM: ShelveForm = { choice: '1h', customMinutes: '', reason: '' };

/** What is wrong with a form: `minutes` (custom duration not a whole number in range), `reason` (empty). */
export interface ShelveFormErrors {
  minutes?: true;
  reason?: true;
}

/** The request a valid form makes (`POST /api/alarms/shelve` without the alarm id), or what is wrong with it. */
export function shelveRequestOf(form: ShelveForm): { ok: true; durationMs: number; reason: string } | { ok: false; errors: ShelveFormErrors } {
  const errors: ShelveFormErrors = {};
  let durationMs = 0;
  if (form.choice === 'custom') {
    const minutes = /^\d+$/.test(form.customMinutes.trim()) ? Number(form.customMinutes.trim()) : NaN;
    if (Number.isInteger(minutes) && minutes >= CUSTOM_MINUTES.min && minutes <= CUSTOM_MINUTES.max) durationMs = minutes * MINUTE_MS;
    else errors.minutes = true;
  } else {
    durationMs = SHELVE_DURATIONS_MS[form.choice];
  }
  const reason = form.reason.trim();
  if (reason === '') errors.reason = true;
  if (errors.minutes === true || errors.reason === true) return { ok: false, errors };
  return { ok: true, durationMs, reason: reason.slice(0, NOTE_MAX_LENGTH) };
}
