import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraDto } from '@twin/protocol';
import { cameraName } from './cameraFilter.ts';
import { CameraPlayer } from './CameraPlayer.tsx';
import { wallColumns, wallTiles, type CameraWall } from './cameraWall.ts';

/**
 * The tiles of a camera wall (REQ GOV-3): 1, 2 × 2 or 3 × 3 live videos, each with its name and a
 * button that takes it off; empty tiles invite a choice from the list.
 *
 * @param cameras - the cameras this session may watch, by id; undefined while they load.
 */
export function CameraWallGrid(props: { wall: CameraWall; cameras: ReadonlyMap<string, CameraDto> | undefined; onRemove: (cameraId: string) => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const columns = wallColumns(props.wall.layout);
  return (
    <div className="camera-wall-grid" data-layout={props.wall.layout} data-testid="camera-wall" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${columns}, minmax(0, 1fr))` }}>
      {wallTiles(props.wall).map((cameraId, i) => {
        if (cameraId === undefined) {
          return (
            <div key={`empty-${i}`} className="camera-tile camera-tile-empty">
              {t('cameras.emptyTile')}
            </div>
          );
        }
        const camera = props.cameras?.get(cameraId);
        return (
          <div key={cameraId} className="camera-tile" data-camera-id={cameraId}>
            {camera !== undefined ? (
              <CameraPlayer camera={camera} title={cameraName(camera, i18n.language)} />
            ) : (
              <div className="camera-tile-empty">{props.cameras === undefined ? t('common.loading') : t('cameras.unavailable', { id: cameraId })}</div>
            )}
            <button type="button" className="camera-tile-remove" aria-label={t('cameras.remove')} title={t('cameras.remove')} onClick={() => props.onRemove(cameraId)}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
