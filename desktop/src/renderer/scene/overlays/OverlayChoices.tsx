import type { JSX } from 'react';
import { useSceneStrings } from '../sceneStrings.ts';
import { sceneStore, useSceneState } from '../sceneStore.ts';
import { OVERLAY_IDS } from './overlayBands.ts';
import './overlayLegend.css';

/** The live overlay to draw, one at a time (REQ ENV-2..5), as radio buttons for the layer panel. */
export function OverlayChoices(): JSX.Element {
  const { s } = useSceneStrings();
  const overlay = useSceneState((state) => state.overlay);
  return (
    <div role="radiogroup" aria-label={s.overlay} className="twin-scene-overlay-choices">
      {(['none', ...OVERLAY_IDS] as const).map((id) => (
        <label key={id} className="twin-scene-overlay-choice">
          <input type="radio" name="twin-scene-overlay" value={id} checked={overlay === id} onChange={() => sceneStore.update({ overlay: id })} />
          {s.overlayChoices[id]}
        </label>
      ))}
    </div>
  );
}
