import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { GeoView } from '../geoView/GeoView.tsx';
import { CommunityScene } from '../scene/CommunityScene.tsx';
import type { SceneApi } from '../scene/load/fetchBytes.ts';
import type { LiveTelemetry } from '../telemetry/liveTelemetry.ts';
import './centerView.css';

/** What the centre shows. */
type CenterMode = 'scene' | 'map';
const MODES: readonly CenterMode[] = ['scene', 'map'];

/**
 * The centre of the control room: the 3D scene or the map, switched by a toggle. Both stay
 * mounted once shown (the map from its first showing), the other one hidden, so each keeps its
 * camera and loaded data; the selection lives in the scene store, which both read and set. The
 * scene shows the readings of `telemetry`, the console's live telemetry, when given.
 */
export function CenterView(props: { api: SceneApi; telemetry: LiveTelemetry | undefined }): JSX.Element {
  const { t } = useTranslation();
  const [mode, setMode] = useState<CenterMode>('scene');
  const [mapMounted, setMapMounted] = useState(false);
  const show = (next: CenterMode) => {
    setMode(next);
    if (next === 'map') setMapMounted(true);
  };
  return (
    <div className="center-view">
      <div className="center-view-pane" hidden={mode !== 'scene'}>
        <CommunityScene api={props.api} telemetry={props.telemetry} />
      </div>
      {mapMounted && (
        <div className="center-view-pane" hidden={mode !== 'map'}>
          <GeoView api={props.api} />
        </div>
      )}
      <div className="center-view-switch" role="group" aria-label={t('centerView.label')}>
        {MODES.map((m) => (
          <button key={m} type="button" data-center-view={m} aria-pressed={mode === m} onClick={() => show(m)}>
            {t(`centerView.${m}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
