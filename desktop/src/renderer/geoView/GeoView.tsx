import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { SceneApi } from '../scene/load/fetchBytes.ts';
import { sceneStore } from '../scene/sceneStore.ts';
import type { GeoMap } from './geoMap.ts';
import { geoLayers } from './geoLayers.ts';
import { loadGeoSources } from './loadGeoSources.ts';
import './geoView.css';

/**
 * The community on a map, in its real coordinates (REQ PLAT-3, MUN-1..6): buildings extruded to
 * their heights, roads, every utility network, sensors, cameras and facilities, emergency shelters
 * with their capacity. Offline: Cesium and its imagery come from the app's origin. Shares the
 * selection and the layer switches with the 3D scene through `sceneStore`, so switching views
 * keeps what is selected and the properties panel shows what is clicked here.
 * Cesium is loaded when the view first mounts, not with the app.
 */
export function GeoView(props: { api: SceneApi }): JSX.Element {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<GeoMap>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    const abort = new AbortController();
    let mounted: GeoMap | undefined;
    Promise.all([import('./geoMap.ts'), loadGeoSources(props.api, abort.signal)]).then(
      ([{ GeoMap }, sources]) => {
        if (abort.signal.aborted || container.current === null) return;
        mounted = new GeoMap(container.current, geoLayers(sources), { picked: (selection) => sceneStore.select(selection) });
        setMap(mounted);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setProblem(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      abort.abort();
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
