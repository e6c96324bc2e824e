import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';
import { safeId } from '../storage/document-collection';

/** The administrator roles held in the store; tenant administrators come from configuration. */
export const storedRoleSchema = z.enum(['la-admin', 'school-admin']);
export type StoredRole = z.infer<typeof storedRoleSchema>;

/**
 * One appointment: a person administers one local authority or one school. Kept in the
 * tenant's partition of `roles`, so whoever holds a role in a scope is one partition read,
 * and whether a person holds a given role is one point read by key.
 */
export const roleRecordSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('role'),
  tenantId: z.string(),
  role: storedRoleSchema,
  /** The local authority's id, or the school's id. */
  scopeId: z.string(),
  aadObjectId: z.string(),
  /** The appointee's name as Cefnogi last knew it, for the roles card. */
  name: z.string().max(100).optional(),
  appointedBy: z.string(),
  appointedAt: z.string(),
});
export type RoleRecord = z.infer<typeof roleRecordSchema>;

export const rolesCollection = collectionSpec('roles', roleRecordSchema);

/** The partition of a tenant's roles. */
export function rolesPartition(tenantId: string): string {
  return safeId(`roles:${tenantId.toLowerCase()}`);
}

/** The id of `person`'s appointment to `role` over `scopeId`. */
export function roleId(role: StoredRole, scopeId: string, aadObjectId: string): string {
  return safeId(`${role}:${scopeId}:${aadObjectId.toLowerCase()}`);
}
