import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { useSignedInSession } from '../session/useSignedInSession.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { ChangePasswordDialog } from './ChangePasswordDialog.tsx';

/** The signed-in user's menu: change password, sign out, sign out everywhere. */
export function UserMenu(): JSX.Element {
  const { t } = useTranslation();
  const { session: controller } = useConsole();
  const session = useSignedInSession();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<'password' | 'everywhere' | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  const choose = (action: () => void) => {
    setOpen(false);
    action();
  };
  const roles = [...new Set(session.user.grants.map((grant) => grant.role))].map((role) => t(`roles.${role}`)).join(' / ');

  return (
    <div className="user-menu" ref={root}>
      <button type="button" className="user-menu-button" aria-haspopup="menu" aria-expanded={open} aria-label={t('userMenu.label')} onClick={() => setOpen(!open)}>
        <span className="user-avatar" aria-hidden="true">
          {session.user.displayName.slice(0, 1)}
        </span>
        <span className="user-menu-text">
          <span className="user-menu-name">{session.user.displayName}</span>
          <span className="user-menu-roles">{roles}</span>
        </span>
      </button>
      {open && (
        <div className="menu-popup" role="menu">
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose(() => setDialog('password'))}>
            {t('userMenu.changePassword')}
          </button>
          <button type="button" role="menuitem" className="menu-item" onClick={() => choose(() => void controller.signOut())}>
            {t('userMenu.signOut')}
          </button>
          <button type="button" role="menuitem" className="menu-item menu-item-danger" onClick={() => choose(() => setDialog('everywhere'))}>
            {t('userMenu.signOutEverywhere')}
          </button>
        </div>
      )}
      {dialog === 'password' && <ChangePasswordDialog onClose={() => setDialog(null)} />}
      {dialog === 'everywhere' && (
        <ConfirmDialog
          title={t('userMenu.signOutEverywhereTitle')}
          message={t('userMenu.signOutEverywhereConfirm')}
          confirmLabel={t('userMenu.signOutEverywhere')}
          onConfirm={() => controller.signOutEverywhere()}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
