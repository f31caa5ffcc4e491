import type { JSX } from 'react';

/** A one-line message: errors are announced at once (`alert`), the rest politely (`status`). */
export function Message(props: { kind: 'error' | 'success' | 'info'; text: string | null }): JSX.Element | null {
  if (props.text === null || props.text === '') return null;
  return (
    <p className={`message message-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.text}
    </p>
  );
}
