import { useEffect, useState, type JSX, type RefObject } from 'react';
import { isNightAt } from '@twin/domain';
import { SENSOR_LAYER_COLORS } from '../build/sensorMarkers.ts';
import { sceneRuntime } from '../sceneRuntime.ts';
import { useSceneStrings } from '../sceneStrings.ts';
import { useSceneState } from '../sceneStore.ts';
import { OVERLAYS, type Band, type OverlayId } from './overlayBands.ts';
import { SENSOR_STATE, SENSOR_STATE_NAMES } from './sensorState.ts';
import { stateColor } from './stateStyle.ts';
import './overlayLegend.css';

/** How often the legend checks whether day turned to night, ms. */
const PERIOD_CHECK_MS = 15_000;

const hex = (color: number) => `#${color.toString(16).padStart(6, '0')}`;
const format = (value: number, digits: number) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Label of band `i`: below the first edge, between two edges, or from the last edge up. */
function bandLabel(bands: readonly Band[], i: number, digits: number): string {
  const below = bands[i]!.below;
  if (i === 0) return `< ${format(below, digits)}`;
  const from = format(bands[i - 1]!.below, digits);
  return i === bands.length - 1 ? `≥ ${from}` : `${from}–${format(below, digits)}`;
}

/**
 * Whether the overlays draw night limits now: the live sweep's own reckoning (server time), else
 * the local clock's. Re-renders only when day turns to night or back.
 */
function useNight(): boolean {
  const read = () => sceneRuntime()?.overlay.live?.night ?? isNightAt(Date.now());
  const [night, setNight] = useState(read);
  useEffect(() => {
    const timer = setInterval(() => setNight(read()), PERIOD_CHECK_MS);
    return () => clearInterval(timer);
  }, []);
  return night;
}

/**
 * The legend over the scene or the map (REQ PLAT-3): the chosen overlay's colour bands, whose
 * edges are the guideline's limits (day or night limits, as apply now, REQ ENV-4), the limits
 * named, the heat-island intensity and its reference for the temperature overlays (REQ ENV-2),
 * and the colours of sensor states. `heatIntensity` and `heatReference` are filled in by the
 * overlay as readings arrive, never through React state.
 */
export function OverlayLegend(props: { heatIntensity: RefObject<HTMLSpanElement | null>; heatReference: RefObject<HTMLSpanElement | null> }): JSX.Element {
  const { s } = useSceneStrings();
  const overlay = useSceneState((state) => state.overlay);
  const night = useNight();
  return (
    <aside className="twin-scene-legend" aria-label={s.legend} data-overlay={overlay} data-period={night ? 'night' : 'day'}>
      {overlay !== 'none' && <FieldLegend overlay={overlay} night={night} {...props} />}
      <section>
        <h3>{s.sensorStates}</h3>
        <ul>
          {SENSOR_STATE_NAMES.map((name) => (
            <li key={name} data-state={name}>
              <span className="twin-scene-swatch" style={{ background: hex(stateColor(SENSOR_STATE[name], SENSOR_LAYER_COLORS.environment)) }} aria-hidden />
              {s.states[name]}
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}

function FieldLegend(props: { overlay: OverlayId; night: boolean; heatIntensity: RefObject<HTMLSpanElement | null>; heatReference: RefObject<HTMLSpanElement | null> }): JSX.Element {
  const { s } = useSceneStrings();
  const { overlay, night } = props;
  const spec = OVERLAYS[overlay];
  const bands = spec.bands(night);
  return (
    <section className="twin-scene-legend-field">
      <h3>
        {s.overlayChoices[overlay]} ({overlay === 'heatIsland' ? `Δ${spec.unit}` : spec.unit}) · {s.periods[night ? 'night' : 'day']}
      </h3>
      <ul>
        {bands.map((band, i) => (
          <li key={band.below} data-band={i}>
            <span className="twin-scene-swatch" style={{ background: hex(band.color) }} aria-hidden />
            {bandLabel(bands, i, spec.digits)}
          </li>
        ))}
      </ul>
      {spec.limits(night).map((limit) => (
        <p key={limit.of} className="twin-scene-legend-limit" data-limit={limit.value}>
          {s.limitNames[limit.of]} {format(limit.value, spec.digits)} {spec.unit}
        </p>
      ))}
      {(overlay === 'temperature' || overlay === 'heatIsland') && (
        <p className="twin-scene-legend-heat">
          {s.heatIntensity} <span ref={props.heatIntensity} />
          <br />
          {s.heatReference} <span ref={props.heatReference} />
        </p>
      )}
      <p className="twin-scene-muted">{s.fieldSources}</p>
    </section>
  );
}
