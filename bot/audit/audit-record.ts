import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';
import { safeId } from '../storage/document-collection';

/**
 * One administrative act, done or refused: who, in which role, did what to what, and
 * when. Kept in the tenant's partition of `audit`, newest first by `at`; `laId` is the
 * local authority of the target (empty for tenant-wide acts), so an LA administrator reads
 * only their authorities' entries.
 */
export const auditRecordSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('audit'),
  tenantId: z.string(),
  /** ISO time, then a random suffix in `id`, so two acts in one millisecond are two entries. */
  at: z.string(),
  actor: z.string(),
  actorName: z.string().max(100).optional(),
  role: z.enum(['tenant-admin', 'la-admin', 'school-admin', 'none']),
  action: z.string().max(60),
  target: z.object({ kind: z.enum(['tenant', 'la', 'school', 'person', 'team']), id: z.string().max(200), label: z.string().max(200).optional() }),
  laId: z.string(),
  outcome: z.enum(['done', 'refused']),
  reason: z.string().max(200).optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

export const auditCollection = collectionSpec('audit', auditRecordSchema);

/** The partition of a tenant's audit. */
export function auditPartition(tenantId: string): string {
  return safeId(`audit:${tenantId.toLowerCase()}`);
}
