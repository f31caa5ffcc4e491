import type { Permission } from '@twin/protocol';

/** The views of the control room, each behind the permission it needs (none for the overview). */
export const VIEWS = [
  { id: 'overview', permission: null },
  { id: 'alarms', permission: 'alarms.read' },
  // The camera wall (GOV-3 video surveillance): cameras are sensors of the community.
  { id: 'cameras', permission: 'sensors.read' },
  { id: 'users', permission: 'users.manage' },
  { id: 'audit', permission: 'audit.read' },
  { id: 'organisation', permission: 'org.configure' },
] as const satisfies ReadonlyArray<{ id: string; permission: Permission | null }>;

/** A view of the control room. */
export type ViewId = (typeof VIEWS)[number]['id'];

/**
 * The views a session's permissions open (REQ PLAT-8 multi-level operation permissions): the
 * menu shows only these. The server checks every request again; hiding is for clarity, not
 * protection.
 */
export function visibleViews(permissions: readonly Permission[]): ViewId[] {
  return VIEWS.filter((view) => view.permission === null || permissions.includes(view.permission)).map((view) => view.id);
}

/** The view a location hash names (`#/users`), the overview for anything else. */
export function viewOfHash(hash: string): ViewId {
  const id = hash.replace(/^#\/?/, '');
  return VIEWS.find((view) => view.id === id)?.id ?? 'overview';
}

/** The location hash of a view. */
export function hashOfView(view: ViewId): string {
  return view === 'overview' ? '#/' : `#/${view}`;
}
