import { useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmDto } from '@twin/protocol';
import { Field } from '../ui/Field.tsx';
import { Message } from '../ui/Message.tsx';
import { Modal } from '../ui/Modal.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { alarmMessage } from './alarmText.ts';
import { NOTE_MAX_LENGTH } from './shelveForm.ts';

/** Adds an operator's note to an alarm's log (REQ PLAT-8: what was done about it). */
export function CommentDialog(props: { alarm: AlarmDto; onComment: (note: string) => Promise<void>; onClose: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const [note, setNote] = useState('');
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    setEmpty(text === '');
    if (text === '') return;
    setBusy(true);
    setFailure(null);
    try {
      await props.onComment(text);
      props.onClose();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <Modal title={t('alarms.comment.title')} onClose={props.onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="modal-text">
          <span className="mono">{props.alarm.sourceId}</span> · {alarmMessage(props.alarm, i18n.language)}
        </p>
        <Field label={t('alarms.comment.note')} error={empty ? t('alarms.comment.noteError') : null}>
          <textarea
            className="input alarm-textarea"
            required
            maxLength={NOTE_MAX_LENGTH}
            rows={4}
            value={note}
            data-testid="alarm-comment-note"
            onChange={(event) => setNote(event.target.value)}
          />
        </Field>
        <Message kind="error" text={failure === null ? null : describe(failure)} />
        <div className="modal-actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="alarm-comment-confirm">
            {t('alarms.comment.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
