import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';

/**
 * A person's place in a school: requested by them (or found by the migration) and pending
 * until the school's administrator confirms it, or confirmed by an administrator's staff
 * import. Kept in the school's partition of `memberships` (id = the person's user key), so a
 * school's staff is one partition read and one person's membership one point read.
 */
export const membershipRecordSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('membership'),
  tenantId: z.string(),
  schoolId: z.string(),
  aadObjectId: z.string(),
  name: z.string().max(100).optional(),
  status: z.enum(['pending', 'confirmed']),
  source: z.enum(['request', 'import', 'migration']),
  requestedAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
});
export type MembershipRecord = z.infer<typeof membershipRecordSchema>;

export const membershipsCollection = collectionSpec('memberships', membershipRecordSchema);

/** A school a person has asked to join, as their own document remembers it for their views. */
export const schoolMembershipSchema = z.object({
  schoolId: z.string(),
  status: z.enum(['pending', 'confirmed']),
  since: z.string(),
});
export type SchoolMembership = z.infer<typeof schoolMembershipSchema>;

/** A person may belong to a few schools (federations, peripatetic and LA staff), not dozens. */
export const MAX_SCHOOLS_PER_PERSON = 8;
