import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraDto } from '@twin/protocol';
import { Field } from '../ui/Field.tsx';
import { cameraFacets, cameraName, filterCameras, NO_CAMERA_FILTER, type CameraFilter } from './cameraFilter.ts';
import type { CameraWall } from './cameraWall.ts';

/**
 * The cameras to choose from for the wall (REQ GOV-3): searchable by id and name, narrowed by
 * zone and building; each toggles its place on the wall and shows its source and, once probed,
 * its declared frame rate with a mark when it falls below indicator 32.
 */
export function CameraPicker(props: { cameras: readonly CameraDto[]; wall: CameraWall; onToggle: (cameraId: string) => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<CameraFilter>(NO_CAMERA_FILTER);
  const facets = useMemo(() => cameraFacets(props.cameras, filter.area), [props.cameras, filter.area]);
  const shown = useMemo(() => filterCameras(props.cameras, filter), [props.cameras, filter]);
  return (
    <section className="camera-picker" aria-label={t('cameras.list')} data-testid="camera-picker">
      <input className="input" type="search" value={filter.text} placeholder={t('cameras.search')} aria-label={t('cameras.search')} data-testid="camera-search" onChange={(event) => setFilter({ ...filter, text: event.target.value })} />
      <div className="camera-picker-filters">
        <Field label={t('cameras.zone')}>
          <select className="input" value={filter.area} data-testid="camera-zone" onChange={(event) => setFilter({ ...filter, area: event.target.value, building: '' })}>
            <option value="">{t('cameras.any')}</option>
            {facets.areas.map((area) => (
              <option key={area} value={area}>
                {area}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('cameras.building')}>
          <select className="input" value={filter.building} data-testid="camera-building" onChange={(event) => setFilter({ ...filter, building: event.target.value })}>
            <option value="">{t('cameras.any')}</option>
            {facets.buildings.map((building) => (
              <option key={building} value={building}>
                {building}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="camera-picker-count muted">{t('cameras.shown', { shown: shown.length, total: props.cameras.length })}</div>
      <ul className="camera-picker-list">
        {shown.map((camera) => (
          <li key={camera.id}>
            <button type="button" className="camera-picker-item" aria-pressed={props.wall.cameras.includes(camera.id)} data-camera-id={camera.id} onClick={() => props.onToggle(camera.id)}>
              <span className="camera-picker-name">{cameraName(camera, i18n.language)}</span>
              <span className="camera-picker-meta mono">
                {camera.id} · {t(`cameras.source.${camera.stream.source}`)}
                {camera.stream.fps !== undefined && ` · ${t('cameras.fps', { fps: Number(camera.stream.fps.toFixed(2)) })}`}
              </span>
              {camera.stream.meetsMinimum === false && (
                <span className="camera-picker-warning" title={t('cameras.belowMinimumShort')}>
                  ⚠
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="muted">{t('cameras.noMatch')}</p>}
    </section>
  );
}
