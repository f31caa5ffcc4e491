import type { JSX } from 'react';
import { SENSOR_KINDS } from '@twin/protocol';
import { sensorKindLabel } from './sensorKindLabel.ts';
import { SENSOR_LAYER_COLORS } from './build/sensorMarkers.ts';
import { networkColor, networkName } from './build/utilityColors.ts';
import { OverlayChoices } from './overlays/OverlayChoices.tsx';
import { useSceneStrings, type SceneStrings } from './sceneStrings.ts';
import { layerKey, sceneStore, useSceneState, type LayerVisibility } from './sceneStore.ts';

const hex = (color: number) => `#${color.toString(16).padStart(6, '0')}`;

/**
 * The left panel: every network, building category, sensor kind and the cameras as a layer to
 * show, dim or hide (REQ PLAT-3, MUN-1..6), with its colour and count; and the live overlay
 * (REQ ENV-2..5), for the 3D scene and the map alike.
 */
export function LayerPanel(): JSX.Element {
  const { s, lang } = useSceneStrings();
  const catalog = useSceneState((state) => state.catalog);
  const layers = useSceneState((state) => state.layers);
  const row = (key: string, label: string, color: number | undefined, count?: number) => <LayerRow key={key} layer={key} label={label} color={color} count={count} visibility={layers[key] ?? 'shown'} s={s} />;
  return (
    <nav className="twin-scene-panel twin-scene-layers" aria-label={s.layers}>
      <h2>{s.layers}</h2>
      <section>
        <h3>{s.overlay}</h3>
        <OverlayChoices />
      </section>
      <section>
        <h3>{s.networks}</h3>
        {catalog.networks.map((id) => row(layerKey.network(id), networkName(id, lang), networkColor(id)))}
      </section>
      <section>
        <h3>{s.buildings}</h3>
        {catalog.buildingCategories.map(([category, count]) => row(layerKey.building(category), s.categories[category] ?? category, undefined, count))}
      </section>
      <section>
        <h3>{s.sensors}</h3>
        {catalog.sensorKinds.map(([kind, count]) => row(layerKey.sensor(kind), sensorKindLabel(kind, lang), SENSOR_LAYER_COLORS[SENSOR_KINDS[kind].layer], count))}
      </section>
      <section>
        <h3>{s.site}</h3>
        {catalog.cameras > 0 && row(layerKey.cameras, s.cameras, 0x37474f, catalog.cameras)}
        {row(layerKey.site, s.site, 0x9dc183)}
      </section>
    </nav>
  );
}

function LayerRow(props: { layer: string; label: string; color: number | undefined; count: number | undefined; visibility: LayerVisibility; s: SceneStrings }): JSX.Element {
  const { layer, label, color, count, visibility, s } = props;
  return (
    <div className="twin-scene-layer" data-layer={layer}>
      <span className="twin-scene-swatch" style={color === undefined ? undefined : { background: hex(color) }} aria-hidden />
      <span className="twin-scene-layer-label">
        {label}
        {count !== undefined && <span className="twin-scene-muted"> {count}</span>}
      </span>
      <span className="twin-scene-segmented" role="radiogroup" aria-label={label}>
        {(['shown', 'dimmed', 'hidden'] as const).map((v) => (
          <button key={v} type="button" role="radio" aria-checked={visibility === v} aria-label={s[v]} title={s[v]} onClick={() => sceneStore.setLayer(layer, v)}>
            {v === 'shown' ? '●' : v === 'dimmed' ? '◐' : '○'}
          </button>
        ))}
      </span>
    </div>
  );
}
