import { useMemo, useState, type JSX } from 'react';
import { buildSearchIndex, searchEntries, type SearchEntry } from '../search/searchIndex.ts';
import { sceneRuntime } from '../sceneRuntime.ts';
import { useSceneStrings } from '../sceneStrings.ts';
import { useSceneState } from '../sceneStore.ts';

/** Search by name or id; choosing a result selects it and flies the camera there. */
export function SearchBox(): JSX.Element {
  const { s, lang } = useSceneStrings();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  // Rebuilt when loading progresses (the catalogue grows) or the language changes.
  const loads = useSceneState((state) => state.loads);
  const status = useSceneState((state) => state.status);
  const index = useMemo(() => {
    const catalog = sceneRuntime()?.catalog;
    return catalog === undefined ? [] : buildSearchIndex(catalog, s, lang);
  }, [loads, status, s, lang]);
  const results = useMemo(() => searchEntries(index, query), [index, query]);
  const choose = (entry: SearchEntry | undefined) => {
    if (entry === undefined) return;
    sceneRuntime()?.flyTo(entry.selection);
    setOpen(false);
  };
  return (
    <div className="twin-scene-search">
      <input
        type="search"
        value={query}
        placeholder={s.search}
        aria-label={s.search}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') choose(results[0]);
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && query.trim() !== '' && (
        <ul role="listbox">
          {results.length === 0 && <li className="twin-scene-muted">{s.noResults}</li>}
          {results.map((entry) => (
            <li key={`${entry.selection.kind}:${entry.id}:${entry.detail}`} role="option" aria-selected={false} onMouseDown={() => choose(entry)}>
              <strong>{entry.id}</strong> <span className="twin-scene-muted">{entry.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
