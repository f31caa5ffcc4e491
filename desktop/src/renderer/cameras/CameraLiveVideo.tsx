import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInSession } from '../session/useSignedInSession.ts';
import { hashOfView } from '../shell/views.ts';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { CAMERA_PERMISSION } from './cameraPermission.ts';
import { CameraPlayer } from './CameraPlayer.tsx';
import { addToWall, wallTiles } from './cameraWall.ts';
import { useCameraList } from './useCameraList.ts';
import { useCameraWall } from './useCameraWall.ts';

/**
 * The live video of the camera selected in the scene, for the properties panel (REQ GOV-3; PLAT-3
 * point and get), with buttons that put it on the camera wall and open the wall. Nothing for a
 * session without the permission to watch cameras.
 */
export function CameraLiveVideo(props: { cameraId: string }): JSX.Element | null {
  const canWatch = useSignedInSession().permissions.includes(CAMERA_PERMISSION);
  return canWatch ? <LiveVideo cameraId={props.cameraId} /> : null;
}

function LiveVideo({ cameraId }: { cameraId: string }): JSX.Element {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { cameras, error } = useCameraList([cameraId]);
  const [wall, updateWall] = useCameraWall();
  const camera = cameras?.find((candidate) => candidate.id === cameraId);
  const onWall = wallTiles(wall).includes(cameraId);
  return (
    <section className="camera-live" data-testid="camera-live">
      <h3>{t('cameras.live')}</h3>
      {camera !== undefined ? (
        <CameraPlayer key={camera.id} camera={camera} />
      ) : (
        <p className="twin-scene-muted">{error !== null ? describe(error) : cameras === undefined ? t('common.loading') : t('cameras.unavailable', { id: cameraId })}</p>
      )}
      <div className="twin-scene-actions">
        <button type="button" data-testid="camera-add-to-wall" disabled={onWall || camera === undefined} onClick={() => updateWall((current) => addToWall(current, cameraId))}>
          {onWall ? t('cameras.onWall') : t('cameras.addToWall')}
        </button>
        <button type="button" onClick={() => (window.location.hash = hashOfView('cameras'))}>
          {t('cameras.openWall')}
        </button>
      </div>
    </section>
  );
}
