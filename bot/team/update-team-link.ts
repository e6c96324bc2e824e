import type { Store } from '../storage/store';
import { isConflict } from '../storage/storage-errors';
import { teamLinkFor } from '../users/team-link';
import { userKey, type UserIdentity } from '../users/user-record';

/**
 * Keeps the manager-side link in step with the line manager a person names: the old
 * manager's link goes, the new one's is written as a request the manager must accept.
 * Answers true when a new request was made (so the manager can be asked). The team view
 * also checks the report's own profile, so a link left behind gives no sight of anyone.
 */
export async function updateTeamLink(
  store: Store,
  report: UserIdentity,
  previousManager: string | undefined,
  nextManager: string | undefined,
  now: Date,
): Promise<boolean> {
  const reportKey = userKey(report);
  if (previousManager && previousManager !== nextManager) {
    await store.teamLinks.delete(reportKey, userKey({ tenantId: report.tenantId, aadObjectId: previousManager }));
  }
  if (!nextManager) return false;
  try {
    await store.teamLinks.create(teamLinkFor(report, nextManager, now));
    return true;
  } catch (err) {
    // Already there (asked before, perhaps accepted): leave it as it is.
    if (isConflict(err)) return false;
    throw err;
  }
}
