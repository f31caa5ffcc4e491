import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@twin/protocol';
import { useSignedInSession } from '../session/useSignedInSession.ts';
import { IdleCountdownOverlay } from './IdleCountdownOverlay.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import './detachedWindow.css';

/**
 * A view in a window of its own (`#/window/<name>`, e.g. on a second screen): a slim title bar
 * with the language switch, the view when the session carries `permission`, and the idle warning.
 */
export function DetachedWindow(props: { name: string; title: string; permission: Permission; children: ReactNode }): JSX.Element {
  const { t } = useTranslation();
  const allowed = useSignedInSession().permissions.includes(props.permission);
  return (
    <div className={`detached-window ${props.name}-window`}>
      <header className={`detached-window-bar ${props.name}-window-bar`}>
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{props.title}</span>
        <span className="admin-header-spacer" />
        <LanguageSwitch />
      </header>
      {allowed ? props.children : <p className="message message-error">{t('errors.TWIN_ERR_AUTH_PERMISSION')}</p>}
      <IdleCountdownOverlay />
    </div>
  );
}
