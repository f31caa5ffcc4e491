import type { JSX, ReactNode } from 'react';

/** The frame of an administrative view: title, figures and actions on one line, then the content. */
export function AdminPanel(props: { title: string; summary?: string; actions?: ReactNode; children: ReactNode }): JSX.Element {
  return (
    <section className="admin-panel" aria-label={props.title}>
      <header className="admin-header">
        <h1 className="admin-title">{props.title}</h1>
        {props.summary !== undefined && <span className="admin-summary">{props.summary}</span>}
        <span className="admin-header-spacer" />
        {props.actions}
      </header>
      <div className="admin-body">{props.children}</div>
    </section>
  );
}
