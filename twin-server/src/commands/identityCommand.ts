import { join } from 'node:path';
import { ORGANISATION_KINDS, ROLES, organisationCreateSchema, passwordSchema, type OrganisationKind, type Role } from '@twin/protocol';
import { IdentityService } from '../identity/identityService.ts';
import { createLogger } from '../logging/logger.ts';
import { TelemetryStore } from '../storage/telemetryStore.ts';

/** Options of `twin identity init`. */
export interface IdentityInitOptions {
  dataDir: string;
  db?: string;
  org: string;
  orgName: string;
  kind: string;
  community: string;
  admin: string;
  adminName: string;
}

/**
 * `twin identity init`: the production first run. Creates an organisation over a community and its
 * first administrator in the database (the server must not be running: DuckDB admits one process).
 * The password comes from `TWIN_ADMIN_PASSWORD`, never the command line, where `ps` would show it.
 */
export async function identityInitCommand(options: IdentityInitOptions): Promise<void> {
  const password = process.env['TWIN_ADMIN_PASSWORD'];
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new Error(`set TWIN_ADMIN_PASSWORD to the administrator's password (${checked.error.issues[0]!.message})`);
  if (!ORGANISATION_KINDS.includes(options.kind as OrganisationKind)) throw new Error(`--kind is one of ${ORGANISATION_KINDS.join(', ')}`);
  const org = organisationCreateSchema.parse({ id: options.org, name: options.orgName, kind: options.kind, domain: [{ community: options.community }] });
  const store = await TelemetryStore.open(options.db ?? join(options.dataDir, 'twin.duckdb'));
  const logger = createLogger('identity');
  try {
    const identity = await IdentityService.open(await store.openIdentityStore(), { logger });
    try {
      const actor = { user: null, ip: 'cli' };
      await identity.createOrganisation(org, actor);
      const role: Role = 'administrator';
      await identity.createUser(org.id, { username: options.admin, displayName: options.adminName, password: checked.data, clearance: 'confidential', grants: [{ role, scope: {} }], ssoLinks: [] }, actor);
      console.log(`Organisation ${org.id} created with administrator ${options.admin} (roles: ${ROLES.join(', ')} can be granted in the app).`);
    } finally {
      await identity.close();
    }
  } finally {
    await store.close();
  }
}
