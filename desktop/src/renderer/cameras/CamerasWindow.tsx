import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { DetachedWindow } from '../shell/DetachedWindow.tsx';
import { CAMERA_PERMISSION } from './cameraPermission.ts';
import { CamerasView } from './CamerasView.tsx';

/** The camera wall in a window of its own (`#/window/cameras`, e.g. on a video wall screen). */
export function CamerasWindow(): JSX.Element {
  const { t } = useTranslation();
  return (
    <DetachedWindow name="cameras" title={t('cameras.windowTitle')} permission={CAMERA_PERMISSION}>
      <CamerasView detached />
    </DetachedWindow>
  );
}
