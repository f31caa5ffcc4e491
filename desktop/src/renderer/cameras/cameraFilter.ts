import type { CameraDto } from '@twin/protocol';

/** What the camera list is narrowed to: text in the id or names, a zone (`area`), a building; `''` for any. */
export interface CameraFilter {
  text: string;
  area: string;
  building: string;
}

/** The unfiltered list. */
export const NO_CAMERA_FILTER: CameraFilter = { text: '', area: '', building: '' };

/** A camera's name in the interface language (English names where the catalogue has them). */
export function cameraName(camera: Pick<CameraDto, 'id' | 'name' | 'nameEn'>, lang: string): string {
  return (lang.startsWith('en') ? camera.nameEn : undefined) ?? camera.name;
}

/** The cameras `filter` lets through, in their order. Text matches id and both names, ignoring case. */
export function filterCameras(cameras: readonly CameraDto[], filter: CameraFilter): CameraDto[] {
  const text = filter.text.trim().toLowerCase();
  return cameras.filter(
    (camera) =>
      (filter.area === '' || camera.area === filter.area) &&
      (filter.building === '' || camera.building === filter.building) &&
      (text === '' || [camera.id, camera.name, camera.nameEn ?? ''].some((field) => field.toLowerCase().includes(text))),
  );
}

const naturalOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The zones of the cameras, and the buildings of those in `area` (all when `''`), sorted for a menu. */
export function cameraFacets(cameras: readonly CameraDto[], area: string): { areas: string[]; buildings: string[] } {
  const areas = new Set<string>();
  const buildings = new Set<string>();
  for (const camera of cameras) {
    if (camera.area !== undefined) areas.add(camera.area);
    if (camera.building !== undefined && (area === '' || camera.area === area)) buildings.add(camera.building);
  }
  return { areas: [...areas].sort(naturalOrder), buildings: [...buildings].sort(naturalOrder) };
}
