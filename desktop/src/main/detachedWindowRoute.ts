/** The renderer routes of detachable windows: `<app>/#/window/<name>`. */
import { DETACHABLE_WINDOWS, type DetachableWindowName } from '../shared/shellApi.ts';
import { isAppUrl } from './isAppUrl.ts';

const ROUTE_PREFIX = '#/window/';

/** The URL a detached window loads. */
export function detachedWindowUrl(appUrl: URL, name: DetachableWindowName): string {
  return new URL(`/${ROUTE_PREFIX}${name}`, appUrl).href;
}

/** The detachable view `url` shows, or `undefined` when it is not one of the app's detached-window routes. */
export function detachedWindowNameOf(url: string, appUrl: URL): DetachableWindowName | undefined {
  if (!isAppUrl(url, appUrl)) return undefined;
  const { hash } = new URL(url);
  if (!hash.startsWith(ROUTE_PREFIX)) return undefined;
  const name = hash.slice(ROUTE_PREFIX.length);
  return DETACHABLE_WINDOWS.find((candidate) => candidate === name);
}
