import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmDto } from '@twin/protocol';
import { Field } from '../ui/Field.tsx';
import { AlarmActionDialog } from './AlarmActionDialog.tsx';
import { CUSTOM_MINUTES, EMPTY_SHELVE_FORM, NOTE_MAX_LENGTH, SHELVE_CHOICES, shelveRequestOf, type ShelveForm, type ShelveFormErrors } from './shelveForm.ts';

/**
 * Shelves an alarm (REQ PLAT-8): for 15 min, 1 h, 4 h, 8 h or a custom number of minutes, always
 * with a reason, which goes to the alarm's log.
 */
export function ShelveDialog(props: { alarm: AlarmDto; onShelve: (durationMs: number, reason: string) => Promise<void>; onClose: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [form, setForm] = useState<ShelveForm>(EMPTY_SHELVE_FORM);
  const [errors, setErrors] = useState<ShelveFormErrors>({});
  const set = (change: Partial<ShelveForm>) => setForm({ ...form, ...change });
  const submit = () => {
    const request = shelveRequestOf(form);
    setErrors(request.ok ? {} : request.errors);
    return request.ok ? props.onShelve(request.durationMs, request.reason) : undefined;
  };

  return (
    <AlarmActionDialog alarm={props.alarm} title={t('alarms.shelve.title')} confirm={t('alarms.shelve.confirm')} confirmTestId="alarm-shelve-confirm" onSubmit={submit} onClose={props.onClose}>
      <fieldset className="alarm-shelve-choices">
        <legend className="field-label">{t('alarms.shelve.duration')}</legend>
        {SHELVE_CHOICES.map((choice) => (
          <label key={choice} className="checkbox">
            <input type="radio" name="shelve-duration" value={choice} checked={form.choice === choice} onChange={() => set({ choice })} />
            {t(`alarms.shelve.choices.${choice}`)}
          </label>
        ))}
      </fieldset>
      {form.choice === 'custom' && (
        <Field label={t('alarms.shelve.customMinutes')} hint={t('alarms.shelve.customHint')} error={errors.minutes === true ? t('alarms.shelve.minutesError') : null}>
          <input
            className="input"
            inputMode="numeric"
            min={CUSTOM_MINUTES.min}
            max={CUSTOM_MINUTES.max}
            value={form.customMinutes}
            data-testid="alarm-shelve-minutes"
            onChange={(event) => set({ customMinutes: event.target.value })}
          />
        </Field>
      )}
      <Field label={t('alarms.shelve.reason')} error={errors.reason === true ? t('alarms.shelve.reasonError') : null}>
        <textarea
          className="input alarm-textarea"
          required
          maxLength={NOTE_MAX_LENGTH}
          rows={3}
          value={form.reason}
          data-testid="alarm-shelve-reason"
          onChange={(event) => set({ reason: event.target.value })}
        />
      </Field>
    </AlarmActionDialog>
  );
}
