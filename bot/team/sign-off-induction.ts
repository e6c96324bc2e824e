import type { Content } from '../content/content';
import { signOffItem, type InductionProblem } from '../induction/induction-rules';
import { personInduction } from '../induction/person-induction';
import { schoolOf } from '../school/school-induction';
import type { Store } from '../storage/store';
import { updateDocument } from '../storage/update-document';
import type { InductionNudges } from '../induction/induction-nudges';
import type { FigureRecords } from '../figures/figure-records';
import { userKey, type UserIdentity, type UserRecord } from '../users/user-record';

/** The person's completion notice follows the card gathering the sign-offs that completed it by this much. */
const COMPLETION_AFTER_GATHERED_MS = 60_000;

export type SignOffOutcome = 'signed-off' | 'not-your-report' | InductionProblem;

/** A line manager confirming an item of a report's induction. */
export interface InductionSignOffs {
  signOff(manager: UserIdentity, report: UserIdentity, itemId: string, now: Date): Promise<SignOffOutcome>;
}

/**
 * Only the person a staff member names as line manager, who has accepted (the link in the
 * manager's partition), and whom the report's profile still names, may sign off; the write goes
 * to the report's document under its eTag, and the report is told afterwards (gathered with the
 * manager's other sign-offs of the next few minutes), as both are when it completes the induction.
 * A sign-off that completes it changes the report's figures, which their own turns would not
 * notice (the document changed in the manager's turn), so `figures` is told here.
 */
export function createInductionSignOffs(store: Store, content: Content, tell: Pick<InductionNudges, 'tellSignedOff' | 'tellCompleted'>, figures?: FigureRecords): InductionSignOffs {
  return {
    async signOff(manager, report, itemId, now) {
      const reportKey = userKey(report);
      const link = await store.teamLinks.read(reportKey, userKey(manager));
      if (link?.value.status !== 'accepted') return 'not-your-report';
      const reportDoc = await store.users.read(reportKey, reportKey);
      const school = reportDoc ? await schoolOf(store, reportDoc.value) : undefined;
      // Set by the change, which may run more than once when another writer gets there first.
      const found: { outcome: SignOffOutcome; written?: UserRecord; completed?: boolean } = { outcome: 'not-your-report' };
      await updateDocument(store.users, reportKey, reportKey, (current) => {
        found.outcome = 'not-your-report';
        if (!current || current.profile?.lineManagerAadObjectId !== manager.aadObjectId.toLowerCase()) return undefined;
        const person = personInduction(content, current, now, school);
        if (!person || !current.induction) {
          found.outcome = 'not-started';
          return undefined;
        }
        const wasComplete = current.induction.completedAt !== undefined;
        const result = signOffItem(current.induction, person.items, itemId, manager.aadObjectId.toLowerCase(), now);
        if (!result.ok) {
          found.outcome = result.problem;
          return undefined;
        }
        found.outcome = 'signed-off';
        found.written = current;
        found.completed = !wasComplete && current.induction.completedAt !== undefined;
        return current;
      }, { stored: reportDoc });
      const { written } = found;
      if (found.outcome !== 'signed-off' || !written?.induction) return found.outcome;
      // The person hears of this sign-off with the manager's others of the next few minutes;
      // a completion it brings comes after that card, and to the manager at once.
      const gathered = await tell.tellSignedOff(report, manager.aadObjectId.toLowerCase(), written.induction, now);
      if (found.completed) await tell.tellCompleted(written, now, new Date(gathered.getTime() + COMPLETION_AFTER_GATHERED_MS));
      if (found.completed && figures) await figures.refresh(written, now);
      return found.outcome;
    },
  };
}
