import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ALARM_SEVERITIES, type AlarmDto } from '@twin/protocol';
import { sensorKindLabel } from '../scene/sensorKindLabel.ts';
import { Field } from '../ui/Field.tsx';
import { NO_ALARM_FILTER, filterChoices, type AlarmFilter } from './alarmQuery.ts';
import { STATE_ORDER } from './alarmStates.ts';
import { knownLayer } from './alarmText.ts';

/** The states an operator filters by: every state an alarm in the list can be in. */
const FILTER_STATES = STATE_ORDER.filter((state) => state !== 'normal');

function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

/** The filters of the alarm list: severities and states as toggles, zone, layer, kind, free text. */
export function AlarmFilterBar(props: { alarms: readonly AlarmDto[]; filter: AlarmFilter; onChange: (filter: AlarmFilter) => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const { filter, onChange } = props;
  const choices = useMemo(() => filterChoices(props.alarms), [props.alarms]);
  const set = (change: Partial<AlarmFilter>) => onChange({ ...filter, ...change });

  return (
    <div className="alarm-filters" role="search" aria-label={t('alarms.filters.label')}>
      <div className="alarm-chips" role="group" aria-label={t('alarms.filters.severity')}>
        {ALARM_SEVERITIES.map((severity) => (
          <button
            key={severity}
            type="button"
            className={`alarm-chip severity-${severity}`}
            aria-pressed={filter.severities.includes(severity)}
            onClick={() => set({ severities: toggled(filter.severities, severity) })}
          >
            {t(`alarms.severities.${severity}`)}
          </button>
        ))}
      </div>
      <div className="alarm-chips" role="group" aria-label={t('alarms.filters.state')}>
        {FILTER_STATES.map((state) => (
          <button key={state} type="button" className="alarm-chip" aria-pressed={filter.states.includes(state)} onClick={() => set({ states: toggled(filter.states, state) })}>
            {t(`alarms.states.${state}`)}
          </button>
        ))}
      </div>
      <div className="alarm-filter-fields">
        <Field label={t('alarms.filters.area')}>
          <select className="input" value={filter.area} onChange={(event) => set({ area: event.target.value })}>
            <option value="">{t('alarms.filters.any')}</option>
            {choices.areas.map((area) => (
              <option key={area} value={area}>
                {area}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('alarms.filters.layer')}>
          <select className="input" value={filter.layer} onChange={(event) => set({ layer: event.target.value })}>
            <option value="">{t('alarms.filters.any')}</option>
            {choices.layers.map((layer) => {
              const known = knownLayer(layer);
              return (
                <option key={layer} value={layer}>
                  {known === undefined ? layer : t(`layers.${known}`)}
                </option>
              );
            })}
          </select>
        </Field>
        <Field label={t('alarms.filters.kind')}>
          <select className="input" value={filter.kind} onChange={(event) => set({ kind: event.target.value })}>
            <option value="">{t('alarms.filters.any')}</option>
            {choices.kinds.map((kind) => (
              <option key={kind} value={kind}>
                {sensorKindLabel(kind, i18n.language)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('alarms.filters.text')}>
          <input
            className="input"
            type="search"
            maxLength={128}
            placeholder={t('alarms.filters.textPlaceholder')}
            value={filter.text}
            data-testid="alarm-filter-text"
            onChange={(event) => set({ text: event.target.value })}
          />
        </Field>
        <button type="button" className="button" onClick={() => onChange(NO_ALARM_FILTER)}>
          {t('alarms.filters.clear')}
        </button>
      </div>
    </div>
  );
}
