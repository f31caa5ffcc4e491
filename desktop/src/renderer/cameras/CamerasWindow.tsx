import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { IdleCountdownOverlay } from '../shell/IdleCountdownOverlay.tsx';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import { useSignedInSession } from '../session/useSignedInSession.ts';
import { CAMERA_PERMISSION } from './cameraPermission.ts';
import { CamerasView } from './CamerasView.tsx';

/**
 * The camera wall in a window of its own (`#/window/cameras`, e.g. on a video wall screen): the
 * wall with a slim title bar.
 */
export function CamerasWindow(): JSX.Element {
  const { t } = useTranslation();
  const canWatch = useSignedInSession().permissions.includes(CAMERA_PERMISSION);
  return (
    <div className="cameras-window">
      <header className="cameras-window-bar">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('cameras.windowTitle')}</span>
        <span className="admin-header-spacer" />
        <LanguageSwitch />
      </header>
      {canWatch ? <CamerasView detached /> : <p className="message message-error">{t('errors.TWIN_ERR_AUTH_PERMISSION')}</p>}
      <IdleCountdownOverlay />
    </div>
  );
}
