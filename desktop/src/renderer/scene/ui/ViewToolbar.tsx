import { useState, type JSX } from 'react';
import { isOverlayId, OVERLAY_IDS } from '../overlays/overlayBands.ts';
import { sceneRuntime } from '../sceneRuntime.ts';
import { useSceneStrings } from '../sceneStrings.ts';
import { sceneStore, useSceneState, type SectionState } from '../sceneStore.ts';

/** Range of the section plane along each axis, metres (scene coordinates). */
const SECTION_RANGE: Record<SectionState['axis'], [number, number]> = { y: [-6, 110], x: [-400, 400], z: [-400, 400] };

/** X-ray ground, section plane, storey isolation, whole-site view, saved viewpoints and the live overlay (REQ ENV-2..5). */
export function ViewToolbar(): JSX.Element {
  const { s } = useSceneStrings();
  const overlay = useSceneState((state) => state.overlay);
  const xray = useSceneState((state) => state.xray);
  const section = useSceneState((state) => state.section);
  const isolated = useSceneState((state) => state.isolated);
  const viewpoints = useSceneState((state) => state.viewpoints);
  const [name, setName] = useState('');
  const setSection = (patch: Partial<SectionState>) => sceneStore.update((state) => ({ section: { ...state.section, ...patch } }));
  const [min, max] = SECTION_RANGE[section.axis];
  return (
    <div className="twin-scene-toolbar">
      <button type="button" aria-pressed={xray} onClick={() => sceneStore.update({ xray: !xray })}>
        {s.xray}
      </button>
      <button type="button" aria-pressed={section.enabled} onClick={() => setSection({ enabled: !section.enabled })}>
        {s.section}
      </button>
      {section.enabled && (
        <>
          <select aria-label={s.section} value={section.axis} onChange={(e) => setSection({ axis: e.target.value as SectionState['axis'], position: e.target.value === 'y' ? 30 : 0 })}>
            {(['y', 'x', 'z'] as const).map((axis) => (
              <option key={axis} value={axis}>
                {s.sectionAxis[axis]}
              </option>
            ))}
          </select>
          <input type="range" aria-label={s.sectionPosition} min={min} max={max} step={0.5} value={section.position} onChange={(e) => setSection({ position: Number(e.target.value) })} />
        </>
      )}
      {isolated !== null && (
        <button type="button" aria-pressed onClick={() => sceneStore.update({ isolated: null })}>
          {s.showAll}
        </button>
      )}
      <button type="button" onClick={() => sceneRuntime()?.fitAll()}>
        {s.fitAll}
      </button>
      <select className="twin-scene-overlay" aria-label={s.overlay} title={s.overlay} value={overlay} onChange={(e) => sceneStore.update({ overlay: isOverlayId(e.target.value) ? e.target.value : 'none' })}>
        {(['none', ...OVERLAY_IDS] as const).map((id) => (
          <option key={id} value={id}>
            {s.overlayChoices[id]}
          </option>
        ))}
      </select>
      <details className="twin-scene-viewpoints">
        <summary>{s.viewpoints}</summary>
        <ul>
          {viewpoints.map((v) => (
            <li key={v.name}>
              <button type="button" onClick={() => sceneRuntime()?.rig.goTo(v)}>
                {v.name}
              </button>
              <button type="button" aria-label={`${s.deleteViewpoint} ${v.name}`} onClick={() => sceneStore.deleteViewpoint(v.name)}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const rig = sceneRuntime()?.rig;
            if (rig === undefined || name.trim() === '') return;
            sceneStore.saveViewpoint({ name: name.trim(), ...rig.view() });
            setName('');
          }}
        >
          <input value={name} placeholder={s.viewpointName} aria-label={s.viewpointName} onChange={(e) => setName(e.target.value)} />
          <button type="submit">{s.saveViewpoint}</button>
        </form>
      </details>
    </div>
  );
}
