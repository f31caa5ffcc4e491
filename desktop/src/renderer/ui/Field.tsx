import type { JSX, ReactNode } from 'react';

/** A labelled form control with an optional hint and its validation message. */
export function Field(props: { label: string; hint?: string; error?: string | null; children: ReactNode }): JSX.Element {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      {props.children}
      {props.hint !== undefined && <span className="field-hint">{props.hint}</span>}
      {props.error != null && (
        <span className="field-error" role="alert">
          {props.error}
        </span>
      )}
    </label>
  );
}
