import { useId, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@twin/protocol';
import { emptyGrantRow, type GrantRow } from './grantRows.ts';
import { SCOPE_LAYERS, type ScopeLayer } from './scopeLayers.ts';
import type { ScopeSuggestions } from './useScopeSuggestions.ts';

/**
 * Edits a user's grants: each a role over a scope narrowed by zone, building and layer (REQ
 * PLAT-8 multi-level permissions with domain-based allocation). At least one grant stays.
 */
export function GrantsEditor(props: { rows: GrantRow[]; onChange: (rows: GrantRow[]) => void; suggestions: ScopeSuggestions; error: string | null }): JSX.Element {
  const { t } = useTranslation();
  const listId = useId();
  const { rows, onChange } = props;
  const update = (index: number, change: Partial<GrantRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <fieldset className="grants">
      <legend className="field-label">{t('userForm.grants')}</legend>
      <datalist id={`${listId}-zones`}>
        {props.suggestions.zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <datalist id={`${listId}-buildings`}>
        {props.suggestions.buildings.map((building) => (
          <option key={building} value={building} />
        ))}
      </datalist>
      <table className="grants-table">
        <thead>
          <tr>
            <th scope="col">{t('userForm.role')}</th>
            <th scope="col">{t('userForm.zone')}</th>
            <th scope="col">{t('userForm.building')}</th>
            <th scope="col">{t('userForm.layer')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('userForm.removeGrant')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} data-testid="grant-row">
              <td>
                <select className="input" aria-label={t('userForm.role')} value={row.role} onChange={(event) => update(index, { role: event.target.value as Role })}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input className="input" aria-label={t('userForm.zone')} list={`${listId}-zones`} placeholder={t('userForm.anyValue')} maxLength={64} value={row.zone} onChange={(event) => update(index, { zone: event.target.value })} />
              </td>
              <td>
                <input className="input" aria-label={t('userForm.building')} list={`${listId}-buildings`} placeholder={t('userForm.anyValue')} maxLength={64} value={row.building} onChange={(event) => update(index, { building: event.target.value })} />
              </td>
              <td>
                <select className="input" aria-label={t('userForm.layer')} value={row.layer} onChange={(event) => update(index, { layer: event.target.value })}>
                  <option value="">{t('userForm.anyValue')}</option>
                  {row.layer !== '' && !SCOPE_LAYERS.includes(row.layer as ScopeLayer) && <option value={row.layer}>{row.layer}</option>}
                  {SCOPE_LAYERS.map((layer) => (
                    <option key={layer} value={layer}>
                      {t(`layers.${layer}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" className="button button-small" disabled={rows.length === 1} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                  {t('userForm.removeGrant')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="grants-footer">
        <button type="button" className="button button-small" onClick={() => onChange([...rows, emptyGrantRow()])}>
          {t('userForm.addGrant')}
        </button>
        <span className="field-hint">{t('userForm.scopeHint')}</span>
      </div>
      {props.error !== null && (
        <span className="field-error" role="alert">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
