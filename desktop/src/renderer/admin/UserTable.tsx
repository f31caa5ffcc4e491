import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@twin/protocol';
import { formatDateTime } from '../ui/formatTime.ts';
import { scopeText } from './scopeText.ts';

/** The organisation's users: name, roles with scopes, clearance, state, last sign-in, actions. */
export function UserTable(props: { users: readonly UserDto[]; serverNowMs: number; onEdit: (user: UserDto) => void; onSignOutEverywhere: (user: UserDto) => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  return (
    <table className="data-table" data-testid="user-table">
      <thead>
        <tr>
          <th scope="col">{t('users.columns.username')}</th>
          <th scope="col">{t('users.columns.displayName')}</th>
          <th scope="col">{t('users.columns.grants')}</th>
          <th scope="col">{t('users.columns.clearance')}</th>
          <th scope="col">{t('users.columns.status')}</th>
          <th scope="col">{t('users.columns.lastLogin')}</th>
          <th scope="col">{t('users.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {props.users.map((user) => {
          const locked = user.lockedUntilMs !== null && user.lockedUntilMs > props.serverNowMs;
          return (
            <tr key={user.id} data-username={user.username}>
              <td className="mono">{user.username}</td>
              <td>{user.displayName}</td>
              <td>
                <ul className="grant-list">
                  {user.grants.map((grant, index) => (
                    <li key={index} className="grant-tag">
                      <span className="grant-role">{t(`roles.${grant.role}`)}</span>
                      <span className="grant-scope">{scopeText(grant.scope, t)}</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <span className={`clearance clearance-${user.clearance}`}>{t(`clearance.${user.clearance}`)}</span>
              </td>
              <td>
                {user.disabled && <span className="badge badge-muted">{t('users.state.disabled')}</span>}
                {locked && <span className="badge badge-danger">{t('users.state.lockedUntil', { time: formatDateTime(user.lockedUntilMs ?? 0, i18n.language) })}</span>}
                {!user.disabled && !locked && <span className="badge badge-ok">{t('users.state.active')}</span>}
              </td>
              <td className="mono">{user.lastLoginAtMs === null ? t('users.neverLoggedIn') : formatDateTime(user.lastLoginAtMs, i18n.language)}</td>
              <td className="actions">
                <button type="button" className="button button-small" onClick={() => props.onEdit(user)}>
                  {t('common.edit')}
                </button>
                <button type="button" className="button button-small button-danger" onClick={() => props.onSignOutEverywhere(user)}>
                  {t('users.signOutEverywhere')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
