import type { Store } from '../storage/store';
import { updateDocument } from '../storage/update-document';
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
  reportName: string | undefined,
  previousManager: string | undefined,
  nextManager: string | undefined,
  now: Date,
): Promise<boolean> {
  const reportKey = userKey(report);
  if (previousManager && previousManager !== nextManager) {
    await store.teamLinks.delete(reportKey, userKey({ tenantId: report.tenantId, aadObjectId: previousManager }));
  }
  if (!nextManager) return false;
  const link = teamLinkFor(report, reportName, nextManager, now);
  const made = { request: false };
  await updateDocument(store.teamLinks, link.id, link.pk, (current) => {
    made.request = current === undefined;
    if (current) return current.reportName === reportName ? undefined : { ...current, reportName };
    return link;
  });
  return made.request;
}
