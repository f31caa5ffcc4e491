import { randomBytes } from 'node:crypto';
import type { Role, Sensitivity } from '@twin/protocol';
import type { IdentityService } from './identityService.ts';

/** The demo users: one per role, each with the clearance the role usually needs. */
const DEMO_USERS: ReadonlyArray<{ role: Role; username: string; displayName: string; clearance: Sensitivity }> = [
  { role: 'administrator', username: 'admin', displayName: '系统管理员', clearance: 'confidential' },
  { role: 'operator', username: 'operator', displayName: '值班操作员', clearance: 'restricted' },
  { role: 'commander', username: 'commander', displayName: '应急指挥', clearance: 'restricted' },
  { role: 'crew', username: 'crew', displayName: '维修班组', clearance: 'internal' },
  { role: 'planner', username: 'planner', displayName: '规划分析员', clearance: 'internal' },
  { role: 'viewer', username: 'viewer', displayName: '只读访客', clearance: 'public' },
];

/** A generated demo login, shown once. */
export interface DemoCredential {
  username: string;
  role: Role;
  password: string;
}

/**
 * The first-run path: a demo property-management organisation over the whole community with one
 * user per role and random passwords, marked as generated demo credentials (production mode
 * refuses to start while any remains). The passwords are returned to be printed once and are
 * stored only as Argon2id hashes.
 */
export async function createDemoOrganisation(identity: IdentityService, community: { id: string; name: string }): Promise<DemoCredential[]> {
  const platform = { user: null, ip: 'local' };
  const org = await identity.createOrganisation({ id: 'demo-property', name: `${community.name}物业服务中心`, kind: 'property', domain: [{ community: community.id }] }, platform);
  const credentials: DemoCredential[] = [];
  for (const user of DEMO_USERS) {
    const password = randomBytes(12).toString('base64url');
    await identity.createUser(org.id, { username: user.username, displayName: user.displayName, password, clearance: user.clearance, grants: [{ role: user.role, scope: {} }], ssoLinks: [] }, platform, { demoCredentials: true });
    credentials.push({ username: user.username, role: user.role, password });
  }
  return credentials;
}
