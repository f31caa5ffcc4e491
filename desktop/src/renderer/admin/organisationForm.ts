import type { OrganisationDto, OrganisationUpdate } from '@twin/protocol';

/** The numeric settings of the organisation form, with their unit and the range the server accepts. */
export const ORGANISATION_SETTINGS = {
  idleTimeout: { field: 'idleTimeoutS', unitS: 60, min: 1, max: 1440 },
  sessionLifetime: { field: 'sessionLifetimeS', unitS: 60, min: 5, max: 7 * 1440 },
  lockoutThreshold: { field: 'lockoutThreshold', unitS: 1, min: 3, max: 20 },
  lockoutDuration: { field: 'lockoutS', unitS: 60, min: 1, max: 1440 },
} as const satisfies Record<string, { field: keyof OrganisationUpdate; unitS: number; min: number; max: number }>;

/** A numeric setting of the form. */
export type OrganisationSetting = keyof typeof ORGANISATION_SETTINGS;

/** What the form edits, as typed. */
export type OrganisationForm = { name: string } & Record<OrganisationSetting, string>;

const SETTINGS = Object.keys(ORGANISATION_SETTINGS) as OrganisationSetting[];

/** The form of an organisation: durations in whole minutes. */
export function organisationFormOf(organisation: OrganisationDto): OrganisationForm {
  const form = { name: organisation.name } as OrganisationForm;
  for (const setting of SETTINGS) {
    const { field, unitS } = ORGANISATION_SETTINGS[setting];
    form[setting] = String(Math.round(organisation[field] / unitS));
  }
  return form;
}

/** The settings whose text is not a whole number in range. */
export function invalidSettings(form: OrganisationForm): OrganisationSetting[] {
  return SETTINGS.filter((setting) => {
    const { min, max } = ORGANISATION_SETTINGS[setting];
    const text = form[setting].trim();
    const value = Number(text);
    return !/^\d+$/.test(text) || value < min || value > max;
  });
}

/**
 * The body of `PATCH /api/admin/organisation`: only what changed, so a setting the form cannot
 * show exactly (e.g. an idle timeout of 90 s shown as 2 minutes) stays as it is unless edited.
 */
export function organisationUpdateOf(form: OrganisationForm, organisation: OrganisationDto): OrganisationUpdate {
  const update: OrganisationUpdate = {};
  const name = form.name.trim();
  if (name !== organisation.name) update.name = name;
  const shown = organisationFormOf(organisation);
  for (const setting of SETTINGS) {
    if (form[setting].trim() === shown[setting]) continue;
    const { field, unitS } = ORGANISATION_SETTINGS[setting];
    update[field] = Number(form[setting]) * unitS;
  }
  return update;
}
