import { useEffect, useMemo, useState, useSyncExternalStore, type JSX } from 'react';
import { CameraLiveVideo } from '../cameras/CameraLiveVideo.tsx';
import { sensorKindLabel } from './sensorKindLabel.ts';
import { describeSelection, type PropertyRow } from './properties/describeSelection.ts';
import { formatReading } from './properties/formatReading.ts';
import { fetchLatestReadings, type LatestReading } from './properties/latestReadings.ts';
import { LiveReadings } from './properties/liveReadings.ts';
import { sceneRuntime } from './sceneRuntime.ts';
import { useSceneStrings } from './sceneStrings.ts';
import { sceneStore, useSceneState } from './sceneStore.ts';
import type { LiveTelemetry } from '../telemetry/liveTelemetry.ts';
import { TrendButton } from '../trends/TrendButton.tsx';

/** Bound sensors whose latest values are fetched and listed. */
const SENSORS_SHOWN = 12;
const REFRESH_MS = 30_000;

/** What a panel without the console's telemetry reads: no live readings, ever. */
const NO_READINGS: ReadonlyMap<string, LatestReading> = new Map();
const noReadings = () => NO_READINGS;
const noChanges = () => () => undefined;

/**
 * The right panel: identifiers, GIS attributes, IFC property sets and bound sensors with their
 * latest values of what is selected in the scene (REQ PLAT-3 point and get; MUN-1 metering). A
 * bound sensor shows its live value from `telemetry`, the console's live telemetry, when that has
 * one, else the latest stored reading.
 */
export function PropertiesPanel(props: { telemetry?: LiveTelemetry | undefined }): JSX.Element {
  const { s, lang } = useSceneStrings();
  const selection = useSceneState((state) => state.selection);
  const isolated = useSceneState((state) => state.isolated);
  const runtime = sceneRuntime();
  const description = useMemo(() => (selection === null || runtime === undefined ? undefined : describeSelection(selection, runtime.catalog, s, lang)), [selection, runtime, s, lang]);
  const sensors = useMemo(() => (description?.sensors ?? []).slice(0, SENSORS_SHOWN).map((i) => runtime!.catalog.sensors!.sensors[i]!), [description, runtime]);
  const ids = sensors.map((sensor) => sensor.id);
  const latest = useLatest(ids);
  const live = useLiveReadings(props.telemetry, ids);

  if (description === undefined) {
    return (
      <aside className="twin-scene-panel twin-scene-properties" aria-label={s.properties}>
        <h2>{s.properties}</h2>
        <p className="twin-scene-muted">{s.nothingSelected}</p>
      </aside>
    );
  }
  return (
    <aside className="twin-scene-panel twin-scene-properties" aria-label={s.properties} data-selection={selection?.kind}>
      <h2>{description.title}</h2>
      <div className="twin-scene-muted">{description.kind}</div>
      <div className="twin-scene-actions">
        <button type="button" onClick={() => selection && sceneRuntime()?.flyTo(selection)}>
          {s.flyTo}
        </button>
        {description.storey !== undefined && (isolated === null || isolated.storey !== description.storey.storey || isolated.building !== description.storey.building) && (
          <button type="button" onClick={() => sceneStore.update({ isolated: description.storey })}>
            {s.isolate}
          </button>
        )}
        {isolated !== null && (
          <button type="button" onClick={() => sceneStore.update({ isolated: null })}>
            {s.showAll}
          </button>
        )}
        <button type="button" onClick={() => sceneStore.select(null)}>
          {s.clearSelection}
        </button>
      </div>
      {selection?.kind === 'camera' && <CameraLiveVideo cameraId={runtime!.catalog.cameras!.cameras[selection.camera]!.id} />}
      <Rows title={s.ids} rows={description.ids} className="twin-scene-ids" />
      {sensors.length > 0 && (
        <section>
          <h3>{s.boundSensors}</h3>
          <table className="twin-scene-sensors">
            <tbody>
              {sensors.map((sensor) => {
                const reading = live.get(sensor.id) ?? latest?.get(sensor.id);
                return (
                  <tr key={sensor.id}>
                    <td title={sensor.name}>{sensor.id}</td>
                    <td>{sensorKindLabel(sensor.kind, lang)}</td>
                    <td className="twin-scene-value" title={reading === undefined ? undefined : new Date(reading.tsMs).toLocaleString(lang)}>
                      {reading === undefined ? <span className="twin-scene-muted">{s.noReading}</span> : formatReading(sensor.kind, sensor.unit, reading.value, lang)}
                    </td>
                    <td>
                      <TrendButton sensorIds={[sensor.id]} title={sensor.name} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {description.sensors.length > SENSORS_SHOWN && <div className="twin-scene-muted">{s.more(description.sensors.length - SENSORS_SHOWN)}</div>}
        </section>
      )}
      {description.groups.map((group, i) => (
        <Rows key={`${group.title}-${i}`} title={group.title} rows={group.rows} />
      ))}
    </aside>
  );
}

function Rows({ title, rows, className }: { title: string; rows: PropertyRow[]; className?: string }): JSX.Element | null {
  if (rows.length === 0) return null;
  return (
    <section className={className}>
      <h3>{title}</h3>
      <dl>
        {rows.map((row, i) => (
          <div key={`${row.label}-${i}`}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Live readings of `ids` from the console's telemetry store, re-rendering at most once a second. */
function useLiveReadings(telemetry: LiveTelemetry | undefined, ids: string[]): ReadonlyMap<string, LatestReading> {
  const key = ids.join(',');
  const readings = useMemo(() => (telemetry === undefined || key === '' ? undefined : new LiveReadings(telemetry, key.split(','))), [telemetry, key]);
  useEffect(() => readings?.start(), [readings]);
  return useSyncExternalStore(readings?.subscribe ?? noChanges, readings?.getSnapshot ?? noReadings);
}

/** Latest stored readings of `ids`, refreshed while they are shown. */
function useLatest(ids: string[]): Map<string, LatestReading> | undefined {
  const key = ids.join(',');
  const [latest, setLatest] = useState<{ key: string; values: Map<string, LatestReading> }>();
  useEffect(() => {
    const api = sceneRuntime()?.api;
    if (api === undefined || key === '') return;
    const abort = new AbortController();
    const load = () =>
      fetchLatestReadings(api, key.split(','), Date.now(), abort.signal).then(
        (values) => setLatest({ key, values }),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [key]);
  return latest?.key === key ? latest.values : undefined;
}
