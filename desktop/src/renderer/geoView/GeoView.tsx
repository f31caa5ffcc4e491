import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { SceneApi } from '../scene/load/fetchBytes.ts';
import { OverlayLegend } from '../scene/overlays/OverlayLegend.tsx';
import { sceneRuntime } from '../scene/sceneRuntime.ts';
import { sceneStore } from '../scene/sceneStore.ts';
import type { GeoMap } from './geoMap.ts';
import { geoLayers } from './geoLayers.ts';
import { loadGeoSources } from './loadGeoSources.ts';
import type { GeoOverlay } from './overlayLayer.ts';
import './geoView.css';

/**
 * The community on a map, in its real coordinates (REQ PLAT-3, MUN-1..6): buildings extruded to
 * their heights, roads, every utility network, sensors, cameras and facilities, emergency shelters
 * with their capacity. Offline: Cesium and its imagery come from the app's origin. Shares the
 * selection and the layer switches with the 3D scene through `sceneStore`, so switching views
 * keeps what is selected and the properties panel shows what is clicked here. The scene's live
 * overlay shows here too: its field on the ground and sensors in their state's colour.
 * Cesium is loaded when the view first mounts, not with the app.
 */
export function GeoView(props: { api: SceneApi }): JSX.Element {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<GeoMap>();
  const [problem, setProblem] = useState<string>();
  const heatIntensity = useRef<HTMLSpanElement>(null);
  const heatReference = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    let mounted: GeoMap | undefined;
    let overlay: GeoOverlay | undefined;
    Promise.all([import('./geoMap.ts'), import('./overlayLayer.ts'), loadGeoSources(props.api, abort.signal)]).then(
      ([{ GeoMap }, { GeoOverlay }, sources]) => {
        if (abort.signal.aborted || container.current === null) return;
        const layers = geoLayers(sources);
        mounted = new GeoMap(container.current, layers, { picked: (selection) => sceneStore.select(selection) });
        const source = { live: () => sceneRuntime()?.overlay.live, overlay: () => sceneStore.getState().overlay };
        overlay = new GeoOverlay(mounted.viewer, layers.extent, source, (heat) => {
          if (heatIntensity.current !== null) heatIntensity.current.textContent = heat === undefined ? '—' : `${heat.intensityC >= 0 ? '+' : ''}${heat.intensityC.toFixed(1)} °C`;
          if (heatReference.current !== null) heatReference.current.textContent = heat === undefined ? '—' : `${heat.referenceC.toFixed(1)} °C`;
        });
        setMap(mounted);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setProblem(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      abort.abort();
      overlay?.dispose();
      mounted?.destroy();
    };
  }, [props.api]);

  useEffect(() => {
    if (map === undefined) return;
    const apply = () => {
      const { selection, layers } = sceneStore.getState();
      map.select(selection);
      map.setLayers(layers);
    };
    apply();
    return sceneStore.subscribe(apply);
  }, [map]);

  const english = i18n.language.startsWith('en');
  useEffect(() => {
    map?.setShelterText((label) => t('geoView.shelterCapacity', { name: english ? label.name.en : label.name.zh, count: label.capacityPersons.toLocaleString(i18n.language) }));
  }, [map, t, english, i18n.language]);

  const status = problem !== undefined ? 'error' : map === undefined ? 'loading' : 'ready';
  return (
    <section className="geo-view" aria-label={t('geoView.label')} data-status={status}>
      <div ref={container} className="geo-view-map" />
      {map !== undefined && <OverlayLegend heatIntensity={heatIntensity} heatReference={heatReference} />}
      {status === 'loading' && (
        <div className="geo-view-message" role="status">
          {t('geoView.loading')}
        </div>
      )}
      {problem !== undefined && (
        <div className="geo-view-message" role="alert">
          {t('geoView.loadFailed', { message: problem })}
        </div>
      )}
    </section>
  );
}
