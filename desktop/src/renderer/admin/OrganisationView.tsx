import { useCallback, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationDto } from '@twin/protocol';
import { isOrganisationDto } from '../api/dtoGuards.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { Field } from '../ui/Field.tsx';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { useLoad } from '../ui/useLoad.ts';
import { AdminPanel } from './AdminPanel.tsx';
import { invalidSettings, ORGANISATION_SETTINGS, organisationFormOf, organisationUpdateOf, type OrganisationForm, type OrganisationSetting } from './organisationForm.ts';
import { scopeText } from './scopeText.ts';

const HINTS: Partial<Record<OrganisationSetting, 'organisation.idleTimeoutHint' | 'organisation.sessionLifetimeHint'>> = {
  idleTimeout: 'organisation.idleTimeoutHint',
  sessionLifetime: 'organisation.sessionLifetimeHint',
};

/** The organisation's settings (`org.configure`): idle lock (PLAT-8), session lifetime, lockout. */
export function OrganisationView(): JSX.Element {
  const { t } = useTranslation();
  const { api } = useConsole();
  const describe = useErrorMessage();
  const loaded = useLoad(useCallback((signal: AbortSignal) => api.getJson('/api/admin/organisation', isOrganisationDto, { signal }), [api]));
  return (
    <AdminPanel title={t('organisation.title')}>
      <Message kind="error" text={loaded.error === null ? null : describe(loaded.error)} />
      {loaded.data === undefined ? loaded.loading && <p className="muted">{t('common.loading')}</p> : <OrganisationSettingsForm key={loaded.data.id} organisation={loaded.data} />}
    </AdminPanel>
  );
}

function OrganisationSettingsForm(props: { organisation: OrganisationDto }): JSX.Element {
  const { t } = useTranslation();
  const { api, session } = useConsole();
  const describe = useErrorMessage();
  const [organisation, setOrganisation] = useState(props.organisation);
  const [form, setForm] = useState<OrganisationForm>(() => organisationFormOf(props.organisation));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const invalid = checked ? invalidSettings(form) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setSaved(false);
    if (invalidSettings(form).length > 0 || form.name.trim() === '') return;
    setBusy(true);
    setFailure(null);
    try {
      const updated = await api.patchJson('/api/admin/organisation', organisationUpdateOf(form, organisation), isOrganisationDto);
      setOrganisation(updated);
      setForm(organisationFormOf(updated));
      setSaved(true);
      // The idle timeout and lifetime of this very session may have changed.
      await session.refresh();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form settings-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form-row">
        <Field label={t('organisation.name')} error={checked && form.name.trim() === '' ? t('validation.displayName') : null}>
          <input className="input" name="name" maxLength={64} value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
        </Field>
        <Field label={t('organisation.kind')}>
          <input className="input" value={t(`orgKinds.${organisation.kind}`)} readOnly />
        </Field>
      </div>
      <Field label={t('organisation.domain')}>
        <ul className="grant-list">
          {organisation.domain.map((scope, index) => (
            <li key={index} className="grant-tag">
              <span className="grant-scope">{scopeText(scope, t)}</span>
            </li>
          ))}
        </ul>
      </Field>
      <div className="form-grid">
        {(Object.keys(ORGANISATION_SETTINGS) as OrganisationSetting[]).map((setting) => {
          const { min, max } = ORGANISATION_SETTINGS[setting];
          const hint = HINTS[setting];
          return (
            <Field key={setting} label={t(`organisation.${setting}`)} hint={hint === undefined ? undefined : t(hint)} error={invalid.includes(setting) ? t('validation.integer', { min, max }) : null}>
              <input className="input" name={setting} type="number" inputMode="numeric" min={min} max={max} step={1} value={form[setting]} onChange={(event) => setForm({ ...form, [setting]: event.target.value })} />
            </Field>
          );
        })}
      </div>
      <Message kind="error" text={failure === null ? null : describe(failure)} />
      {saved && <Message kind="success" text={t('organisation.saved')} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
