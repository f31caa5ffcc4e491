import { z } from 'zod';
import { AUDIT_OUTCOMES, ORGANISATION_KINDS, ROLES, SENSITIVITY_LEVELS, type Role } from '../identity.ts';

const name = z.string().trim().min(1).max(64);

/** A scope: any of community, zone, building and layer. */
export const scopeSchema = z
  .object({ community: name.optional(), zone: name.optional(), building: name.optional(), layer: name.optional() })
  .strict();

/** A role over a scope. */
export const grantSchema = z.object({ role: z.enum(ROLES as [Role, ...Role[]]), scope: scopeSchema }).strict();

/** User names: 3-64 letters, digits and `._-@`. */
export const usernameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/, 'user names are 3-64 letters, digits and ._-@');

/** Passwords: 12-256 characters (NIST SP 800-63B: length over composition rules). */
export const passwordSchema = z.string().min(12, 'at least 12 characters').max(256, 'at most 256 characters');

/** `POST /api/auth/login`. */
export const loginRequestSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict();

/** `POST /api/auth/password`: change one's own password. */
export const passwordChangeSchema = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }).strict();

/** `POST /api/admin/users`. */
export const userCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: name,
    password: passwordSchema.optional(),
    clearance: z.enum(SENSITIVITY_LEVELS).default('internal'),
    grants: z.array(grantSchema).min(1).max(64),
    ssoLinks: z.array(z.string().min(3).max(256)).max(8).default([]),
  })
  .strict();

/** `PATCH /api/admin/users/:id`: what changes; absent fields stay. */
export const userUpdateSchema = z
  .object({
    displayName: name.optional(),
    password: passwordSchema.optional(),
    clearance: z.enum(SENSITIVITY_LEVELS).optional(),
    grants: z.array(grantSchema).min(1).max(64).optional(),
    disabled: z.boolean().optional(),
    ssoLinks: z.array(z.string().min(3).max(256)).max(8).optional(),
    /** Lifts a lockout. */
    unlock: z.literal(true).optional(),
  })
  .strict();

/** `PATCH /api/admin/organisation`. */
export const organisationUpdateSchema = z
  .object({
    name: name.optional(),
    idleTimeoutS: z.number().int().min(60).max(86_400).optional(),
    sessionLifetimeS: z.number().int().min(300).max(7 * 86_400).optional(),
    lockoutThreshold: z.number().int().min(3).max(20).optional(),
    lockoutS: z.number().int().min(60).max(86_400).optional(),
  })
  .strict();

/** A new organisation (platform set-up, `twin identity`). */
export const organisationCreateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,47}$/, 'organisation ids are 2-48 lower-case letters, digits and -'),
    name,
    kind: z.enum(ORGANISATION_KINDS),
    domain: z.array(scopeSchema).min(1).max(64),
  })
  .strict();

/** `GET /api/admin/audit` query. */
export const auditQuerySchema = z
  .object({
    from: z.coerce.number().int().optional(),
    to: z.coerce.number().int().optional(),
    actor: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    /** Free text matched in target and detail. */
    q: z.string().max(128).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(200),
  })
  .strict();

export type UserCreate = z.infer<typeof userCreateSchema>;
export type UserUpdate = z.infer<typeof userUpdateSchema>;
export type OrganisationUpdate = z.infer<typeof organisationUpdateSchema>;
export type OrganisationCreate = z.infer<typeof organisationCreateSchema>;
export type AuditQuery = z.infer<typeof auditQuerySchema>;
