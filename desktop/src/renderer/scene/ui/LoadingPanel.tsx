import type { JSX } from 'react';
import { useSceneStrings } from '../sceneStrings.ts';
import { useSceneState } from '../sceneStore.ts';

/** A progress bar per model file while the community loads; errors stay listed. */
export function LoadingPanel(): JSX.Element | null {
  const { s } = useSceneStrings();
  const loads = useSceneState((state) => state.loads);
  const status = useSceneState((state) => state.status);
  const error = useSceneState((state) => state.error);
  const pending = loads.filter((l) => l.phase !== 'ready' || l.error !== undefined);
  if (status === 'error') {
    return (
      <div className="twin-scene-loading" role="alert">
        <strong>{s.loadFailed}</strong>
        <div>{error}</div>
      </div>
    );
  }
  if (pending.length === 0) return null;
  const done = loads.length - pending.length;
  return (
    <div className="twin-scene-loading" aria-live="polite">
      <strong>
        {s.loading} {done}/{loads.length}
      </strong>
      <ul>
        {pending.map((load) => {
          const share = load.phase === 'ready' ? 1 : load.phase === 'decode' ? 0.98 : load.total > 0 ? Math.min(0.97, load.loaded / load.total) : 0;
          return (
            <li key={load.path} className={load.phase === 'error' || load.error !== undefined ? 'twin-scene-load-error' : undefined} title={load.error}>
              <span className="twin-scene-load-name">{load.path}</span>
              <progress max={1} value={load.phase === 'server' ? undefined : share} />
              <span className="twin-scene-load-phase">{s.loadPhases[load.phase]}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
