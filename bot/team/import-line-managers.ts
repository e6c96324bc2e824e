import type { Store } from '../storage/store';
import { updateDocument } from '../storage/update-document';
import { teamLinkFor } from '../users/team-link';
import { userKey } from '../users/user-record';
import { parseManagerCsv, type ImportReason } from './manager-csv';

/** What an import did: rows accepted, and each rejected row with its reason. */
export interface ImportReport {
  accepted: number;
  rejected: { line: number; reason: ImportReason }[];
}

/**
 * An administrator's import of staff–line manager pairs, in the administrator's tenant.
 * The rule that keeps profile and link consistent: an imported pair sets the staff member's
 * line manager in their profile (the previous manager's link goes) and writes the link
 * already accepted, marked as imported. So the team view, sign-off and appraisal, which all
 * ask for an accepted link AND a profile naming the manager, treat it exactly like a link
 * both sides agreed to; and if the staff member later names someone else in their profile,
 * the imported link goes like any other. Only people Cefnogi has met, with a profile, can
 * be imported (their document holds the profile to set); others are reported, not stored.
 */
export async function importLineManagers(store: Store, tenantId: string, csv: string, now: Date): Promise<ImportReport> {
  const parsed = parseManagerCsv(csv);
  const report: ImportReport = { accepted: 0, rejected: [...parsed.rejected] };
  for (const pair of parsed.pairs) {
    const staff = { tenantId: tenantId.toLowerCase(), aadObjectId: pair.staff };
    const key = userKey(staff);
    const found: { reason?: ImportReason; previous?: string } = {};
    await updateDocument(store.users, key, key, (current) => {
      found.reason = !current ? 'unknown-staff' : !current.profile ? 'no-profile' : undefined;
      if (!current?.profile) return undefined;
      found.previous = current.profile.lineManagerAadObjectId;
      if (found.previous === pair.manager) return undefined;
      return { ...current, profile: { ...current.profile, lineManagerAadObjectId: pair.manager, updatedAt: now.toISOString() }, updatedAt: now.toISOString() };
    });
    if (found.reason) {
      report.rejected.push({ line: pair.line, reason: found.reason });
      continue;
    }
    if (found.previous && found.previous !== pair.manager) {
      await store.teamLinks.delete(key, userKey({ tenantId: staff.tenantId, aadObjectId: found.previous }));
    }
    const managerKey = userKey({ tenantId: staff.tenantId, aadObjectId: pair.manager });
    // A link the manager already accepted stays as it is; a pending request becomes accepted.
    await updateDocument(store.teamLinks, key, managerKey, (current) =>
      current?.status === 'accepted' ? undefined : { ...(current ?? teamLinkFor(staff, pair.manager, now)), status: 'accepted' as const, acceptedAt: now.toISOString(), source: 'import' as const },
    );
    report.accepted += 1;
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}
