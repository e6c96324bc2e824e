import type { Content } from '../content/content';
import type { InductionItem } from '../content/induction-schemas';
import { signOffItem, type InductionProblem } from '../induction/induction-rules';
import { personInduction } from '../induction/person-induction';
import { schoolOf } from '../school/school-induction';
import type { Store } from '../storage/store';
import { updateDocument } from '../storage/update-document';
import { userKey, type UserIdentity } from '../users/user-record';

export type SignOffOutcome = 'signed-off' | 'not-your-report' | InductionProblem;

/** A line manager confirming an item of a report's induction. */
export interface InductionSignOffs {
  signOff(manager: UserIdentity, report: UserIdentity, itemId: string, now: Date): Promise<SignOffOutcome>;
}

/**
 * Only the person a staff member names as line manager, who has accepted (the link in the
 * manager's partition), and whom the report's profile still names, may sign off; the write goes
 * to the report's document under its eTag, and the report is told afterwards.
 */
export function createInductionSignOffs(
  store: Store,
  content: Content,
  tell: (report: UserIdentity, item: InductionItem, now: Date) => Promise<void>,
): InductionSignOffs {
  return {
    async signOff(manager, report, itemId, now) {
      const reportKey = userKey(report);
      const link = await store.teamLinks.read(reportKey, userKey(manager));
      if (link?.value.status !== 'accepted') return 'not-your-report';
      const reportDoc = await store.users.read(reportKey, reportKey);
      const school = reportDoc ? await schoolOf(store, reportDoc.value) : undefined;
      // Set by the change, which may run more than once when another writer gets there first.
      const found: { outcome: SignOffOutcome; item?: InductionItem } = { outcome: 'not-your-report' };
      await updateDocument(store.users, reportKey, reportKey, (current) => {
        found.outcome = 'not-your-report';
        if (!current || current.profile?.lineManagerAadObjectId !== manager.aadObjectId.toLowerCase()) return undefined;
        const person = personInduction(content, current, now, school);
        if (!person || !current.induction) {
          found.outcome = 'not-started';
          return undefined;
        }
        const result = signOffItem(current.induction, person.items, itemId, manager.aadObjectId.toLowerCase(), now);
        if (!result.ok) {
          found.outcome = result.problem;
          return undefined;
        }
        found.outcome = 'signed-off';
        found.item = person.items.find((i) => i.id === itemId);
        return current;
      }, { stored: reportDoc });
      if (found.outcome === 'signed-off' && found.item) await tell(report, found.item, now);
      return found.outcome;
    },
  };
}
