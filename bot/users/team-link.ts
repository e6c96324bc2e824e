import { z } from 'zod';
import { userKey, type UserIdentity } from './user-record';

/**
 * "This person names that person as their line manager", pending until the manager
 * accepts. Kept in the manager's partition, so the team view reads one partition and then
 * the reports' own documents by key.
 */
export const teamLinkSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('team-link'),
  tenantId: z.string(),
  reportAadObjectId: z.string(),
  since: z.string(),
  /** A link gives sight of nothing until the manager accepts it (or an administrator imports it). */
  status: z.enum(['pending', 'accepted']).default('pending'),
  acceptedAt: z.string().optional(),
  /** `import`: written accepted by an administrator's import (see bot/team/import-line-managers.ts). */
  source: z.enum(['request', 'import']).optional(),
  /** For an imported link: the administrator who imported it (object id), and when. */
  importedBy: z.string().optional(),
  importedAt: z.string().optional(),
});
export type TeamLink = z.infer<typeof teamLinkSchema>;

/** The link from `report` to the manager `managerAadObjectId` in the same tenant. */
export function teamLinkFor(report: UserIdentity, managerAadObjectId: string, now: Date): TeamLink {
  return {
    id: userKey(report),
    pk: userKey({ tenantId: report.tenantId, aadObjectId: managerAadObjectId }),
    kind: 'team-link',
    tenantId: report.tenantId.toLowerCase(),
    reportAadObjectId: report.aadObjectId.toLowerCase(),
    since: now.toISOString(),
    status: 'pending',
  };
}
