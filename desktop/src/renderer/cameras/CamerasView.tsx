import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from '../ui/Message.tsx';
import { useErrorMessage } from '../ui/useErrorMessage.ts';
import { CameraPicker } from './CameraPicker.tsx';
import './cameras.css';
import { CameraWallGrid } from './CameraWallGrid.tsx';
import { removeFromWall, setWallLayout, toggleOnWall, WALL_LAYOUTS, wallTiles } from './cameraWall.ts';
import { useCameraList } from './useCameraList.ts';
import { useCameraWall } from './useCameraWall.ts';

/**
 * The camera wall (REQ GOV-3 video surveillance; PLAT-3 one graphical console): the cameras this
 * session may watch, searchable and filtered by zone and building, beside a grid of 1, 4 or 9
 * live videos chosen from them, remembered across restarts. Used in the control room and as the
 * detached window `#/window/cameras`; `detached` hides the button that opens that window.
 */
export function CamerasView(props: { detached?: boolean }): JSX.Element {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [wall, updateWall] = useCameraWall();
  const watched = wallTiles(wall).filter((id) => id !== undefined);
  const { cameras, error } = useCameraList(watched);
  const byId = useMemo(() => (cameras === undefined ? undefined : new Map(cameras.map((camera) => [camera.id, camera]))), [cameras]);
  const [windowFailure, setWindowFailure] = useState<unknown>(null);
  const shell = props.detached === true ? undefined : window.twinShell;

  return (
    <section className="cameras-view" aria-label={t('cameras.title')} data-testid="cameras-view">
      <header className="cameras-header">
        <h1 className="admin-title">{t('cameras.title')}</h1>
        <div className="camera-layouts" role="group" aria-label={t('cameras.layout')}>
          {WALL_LAYOUTS.map((layout) => (
            <button key={layout} type="button" className="button button-small" aria-pressed={wall.layout === layout} data-layout={layout} onClick={() => updateWall((current) => setWallLayout(current, layout))}>
              {t('cameras.layoutTiles', { tiles: layout })}
            </button>
          ))}
        </div>
        <span className="admin-header-spacer" />
        {shell !== undefined && (
          <button type="button" className="button button-small" onClick={() => void shell.openWindow('cameras').catch(setWindowFailure)}>
            {t('cameras.openWindow')}
          </button>
        )}
      </header>
      <Message kind="error" text={error === null ? null : describe(error)} />
      <Message kind="error" text={windowFailure === null ? null : describe(windowFailure)} />
      <div className="cameras-body">
        <CameraPicker cameras={cameras ?? []} wall={wall} onToggle={(id) => updateWall((current) => toggleOnWall(current, id))} />
        <CameraWallGrid wall={wall} cameras={byId} onRemove={(id) => updateWall((current) => removeFromWall(current, id))} />
      </div>
    </section>
  );
}
