import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from './Message.tsx';
import { Modal } from './Modal.tsx';
import { useErrorMessage } from './useErrorMessage.ts';

/** Asks before an action that cannot be undone; shows why it failed, if it does. */
export function ConfirmDialog(props: { title: string; message: string; confirmLabel: string; onConfirm: () => Promise<void>; onClose: () => void }): JSX.Element {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await props.onConfirm();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <Modal title={props.title} onClose={props.onClose}>
      <p className="modal-text">{props.message}</p>
      <Message kind="error" text={failure === null ? null : describe(failure)} />
      <div className="modal-actions">
        <button type="button" className="button" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void confirm()}>
          {props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
