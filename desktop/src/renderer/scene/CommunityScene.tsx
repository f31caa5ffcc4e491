import { useMemo, useRef, type JSX } from 'react';
import { Canvas } from '@react-three/fiber';
import type { SceneApi } from './load/fetchBytes.ts';
import { OverlayLegend } from './overlays/OverlayLegend.tsx';
import { softwareRendering } from './render/softwareRendering.ts';
import { SceneContent, type SceneOverlays } from './SceneContent.tsx';
import { useSceneStrings } from './sceneStrings.ts';
import { useSceneState } from './sceneStore.ts';
import { LoadingPanel } from './ui/LoadingPanel.tsx';
import { SearchBox } from './ui/SearchBox.tsx';
import { ViewToolbar } from './ui/ViewToolbar.tsx';
import type { LiveTelemetry } from '../telemetry/liveTelemetry.ts';
import './sceneStyles.css';

export { LayerPanel } from './LayerPanel.tsx';
export { PropertiesPanel } from './PropertiesPanel.tsx';
export type { SceneApi } from './load/fetchBytes.ts';

/**
 * The 3D scene of the community: buildings (IFC), site and roads, the buried water, rain,
 * sewage, gas and power networks at their depth, sensors and cameras where they are (REQ
 * PLAT-3: visual, point and get; MUN-1..6). Shares its state with `LayerPanel` and
 * `PropertiesPanel` through `sceneStore`. With `telemetry`, the console's live telemetry, sensors
 * show their live state and the chosen overlay its field (REQ ENV-2..5, MUN-5). Renders on demand:
 * nothing redraws while nothing moves.
 */
export function CommunityScene(props: { api: { get(path: string, init?: RequestInit): Promise<Response> }; telemetry?: LiveTelemetry | undefined }): JSX.Element {
  const api: SceneApi = props.api;
  const { s, lang } = useSceneStrings();
  const status = useSceneState((state) => state.status);
  const tooltip = useRef<HTMLDivElement>(null);
  const northArrow = useRef<HTMLDivElement>(null);
  const scaleBar = useRef<HTMLDivElement>(null);
  const scaleLabel = useRef<HTMLSpanElement>(null);
  const heatIntensity = useRef<HTMLSpanElement>(null);
  const heatReference = useRef<HTMLSpanElement>(null);
  const language = useRef(lang);
  language.current = lang;
  const overlays = useMemo<SceneOverlays>(() => ({ tooltip, northArrow, scaleBar, scaleLabel, language, heatIntensity, heatReference }), []);

  return (
    <div className="twin-scene" data-status={status}>
      <Canvas className="twin-scene-canvas" flat frameloop="demand" dpr={[1, 2]} camera={{ fov: 45, near: 0.5, far: 8000, position: [0, 500, 600] }} gl={{ antialias: !softwareRendering() }}>
        <color attach="background" args={['#dfe7ef']} />
        <hemisphereLight args={['#ffffff', '#8d8a80', 1.2]} />
        <directionalLight position={[-300, 600, 200]} intensity={1.2} />
        <SceneContent api={api} overlays={overlays} telemetry={props.telemetry} />
      </Canvas>
      <div className="twin-scene-top">
        <SearchBox />
        <ViewToolbar />
      </div>
      <LoadingPanel />
      <OverlayLegend heatIntensity={heatIntensity} heatReference={heatReference} />
      <div className="twin-scene-compass" title={s.north}>
        <div ref={northArrow} className="twin-scene-north">
          <span>{s.north}</span>
        </div>
      </div>
      <div className="twin-scene-scale">
        <div ref={scaleBar} className="twin-scene-scale-bar" />
        <span ref={scaleLabel} />
      </div>
      <div ref={tooltip} className="twin-scene-tooltip" hidden />
    </div>
  );
}
