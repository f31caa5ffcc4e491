import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmDto } from '@twin/protocol';
import { Field } from '../ui/Field.tsx';
import { AlarmActionDialog } from './AlarmActionDialog.tsx';
import { NOTE_MAX_LENGTH } from './shelveForm.ts';

/** Adds an operator's note to an alarm's log (REQ PLAT-8: what was done about it). */
export function CommentDialog(props: { alarm: AlarmDto; onComment: (note: string) => Promise<void>; onClose: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = () => {
    const text = note.trim();
    setEmpty(text === '');
    return text === '' ? undefined : props.onComment(text);
  };
  return (
    <AlarmActionDialog alarm={props.alarm} title={t('alarms.comment.title')} confirm={t('alarms.comment.confirm')} confirmTestId="alarm-comment-confirm" onSubmit={submit} onClose={props.onClose}>
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
    </AlarmActionDialog>
  );
}
