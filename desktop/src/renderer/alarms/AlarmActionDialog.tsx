import { useState, type FormEvent, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmDto } from '@twin/protocol';
import { Message } from '../ui/Message.tsx';
import { Modal } from '../ui/Modal.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { alarmMessage } from './alarmText.ts';

/**
 * A dialog acting on one alarm (comment, shelve): the alarm it is about, the fields, the server's
 * refusal if any, cancel and confirm. `onSubmit` validates the fields and returns the request to
 * send, or `undefined` when the fields need correcting; the dialog closes once the request succeeds.
 */
export function AlarmActionDialog(props: {
  alarm: AlarmDto;
  title: string;
  confirm: string;
  confirmTestId: string;
  onSubmit: () => Promise<void> | undefined;
  onClose: () => void;
  children: ReactNode;
}): JSX.Element {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = props.onSubmit();
    if (request === undefined) return;
    setBusy(true);
    setFailure(null);
    try {
      await request;
      props.onClose();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <Modal title={props.title} onClose={props.onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="modal-text">
          <span className="mono">{props.alarm.sourceId}</span> · {alarmMessage(props.alarm, i18n.language)}
        </p>
        {props.children}
        <Message kind="error" text={failure === null ? null : describe(failure)} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid={props.confirmTestId}>
            {props.confirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}
