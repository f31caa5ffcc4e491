import { useCallback, useState, type JSX } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@twin/protocol';
import { isUserList } from '../api/dtoGuards.ts';
import { useConsole } from '../session/ConsoleProvider.tsx';
import { useSignedInSession } from '../session/useSignedInSession.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { useLoad } from '../ui/useLoad.ts';
import { AdminPanel } from './AdminPanel.tsx';
import { UserDialog } from './UserDialog.tsx';
import { UserTable } from './UserTable.tsx';
import { useScopeSuggestions } from './useScopeSuggestions.ts';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserDto } | { kind: 'signOut'; user: UserDto };

/** User administration of the organisation (`users.manage`). */
export function UsersView(): JSX.Element {
  const { t } = useTranslation();
  const { api, clock } = useConsole();
  const session = useSignedInSession();
  const describe = useErrorMessage();
  const users = useLoad(useCallback((signal: AbortSignal) => api.getJson('/api/admin/users', isUserList, { signal }), [api]));
  const suggestions = useScopeSuggestions(session.permissions.includes('sensors.read'));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // A notice is kept as how to say it, so that it follows a change of language.
  const [notice, setNotice] = useState<((translate: TFunction) => string) | null>(null);
  const close = useCallback(() => setDialog(null), []);

  const saved = (say: (translate: TFunction) => string) => {
    setDialog(null);
    setNotice(() => say);
    users.reload();
  };

  return (
    <AdminPanel
      title={t('users.title')}
      summary={users.data === undefined ? undefined : t('users.count', { count: users.data.length })}
      actions={
        <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })}>
          {t('users.create')}
        </button>
      }
    >
      <Message kind="success" text={notice === null ? null : notice(t)} />
      <Message kind="error" text={users.error === null ? null : describe(users.error)} />
      {users.data === undefined ? (
        users.loading && <p className="muted">{t('common.loading')}</p>
      ) : users.data.length === 0 ? (
        <p className="muted">{t('users.empty')}</p>
      ) : (
        <UserTable users={users.data} serverNowMs={clock.now()} onEdit={(user) => setDialog({ kind: 'edit', user })} onSignOutEverywhere={(user) => setDialog({ kind: 'signOut', user })} />
      )}
      {dialog?.kind === 'create' && (
        <UserDialog suggestions={suggestions} onClose={close} onSaved={(user) => saved((translate) => translate('users.created', { username: user.username }))} />
      )}
      {dialog?.kind === 'edit' && (
        <UserDialog user={dialog.user} suggestions={suggestions} onClose={close} onSaved={(user) => saved((translate) => translate('users.saved', { username: user.username }))} />
      )}
      {dialog?.kind === 'signOut' && (
        <ConfirmDialog
          title={t('users.signOutConfirmTitle')}
          message={t('users.signOutConfirm', { displayName: dialog.user.displayName, username: dialog.user.username })}
          confirmLabel={t('users.signOutEverywhere')}
          onConfirm={async () => {
            await api.post(`/api/admin/users/${encodeURIComponent(dialog.user.id)}/logout-all`);
            saved((translate) => translate('users.signedOut', { name: dialog.user.displayName }));
          }}
          onClose={close}
        />
      )}
    </AdminPanel>
  );
}
