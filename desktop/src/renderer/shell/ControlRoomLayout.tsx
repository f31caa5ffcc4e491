import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The regions of the control room between the top bar and the status bar: a left panel (layers,
 * devices), the centre (the 3D scene) and a right panel (details of the selection). A side
 * panel with nothing in it takes no room. `overlay` covers all three (administrative views)
 * while the centre stays mounted underneath, so the scene keeps its state.
 */
export function ControlRoomLayout(props: { left?: ReactNode; center: ReactNode; right?: ReactNode; overlay?: ReactNode }): JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="layout">
      <aside className="layout-side layout-left" aria-label={t('layout.left')}>
        {props.left}
      </aside>
      <main className="layout-center" aria-label={t('layout.scene')}>
        {props.center}
      </main>
      <aside className="layout-side layout-right" aria-label={t('layout.right')}>
        {props.right}
      </aside>
      {props.overlay != null && <div className="layout-overlay">{props.overlay}</div>}
    </div>
  );
}
