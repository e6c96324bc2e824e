import { z } from 'zod';
import { Verbs } from '../../cards/verbs';
import type { Content } from '../content/content';
import type { InductionItem } from '../content/induction-schemas';
import { fill, strings } from '../i18n/strings';
import { addDays, londonInstant } from '../time/london-clock';
import type { Outbox } from '../proactive/outbox-queue';
import type { JobHandler } from '../proactive/scheduler-handler';
import type { Scheduler } from '../proactive/scheduler-service';
import { schoolOf } from '../school/school-induction';
import type { Store } from '../storage/store';
import { londonDate, schoolDaysBetween } from '../time/london-date';
import { userKey, type UserIdentity, type UserRecord } from '../users/user-record';
import { enqueueNotice } from '../app/notice-in-both';
import { shownName } from '../text/person-name';
import { personInduction } from './person-induction';
import { announceCompletion } from './completion-notices';
import type { InductionState } from './induction-state';
import { createSignOffNotices } from './sign-off-notices';

/** Keeps an eye on a person's induction so a stalled one gets a friendly nudge. */
export interface InductionNudges {
  /** Starts the daily check for this person, if it is not running already. */
  follow(person: UserIdentity, now: Date): Promise<void>;
  /**
   * A line manager (`managerId`, lower case) signed off an item of `report`'s induction,
   * `state` as written: the person hears of it with the manager's other sign-offs of the
   * next few minutes, in one notice. Answers when that notice becomes due.
   */
  tellSignedOff(report: UserIdentity, managerId: string, state: InductionState, now: Date): Promise<Date>;
  /** The induction in `user` has just been completed: the person and their line manager are told, once each. */
  tellCompleted(user: UserRecord, now: Date, personAfter?: Date): Promise<void>;
  /** Tells a line manager an item of their report's induction waits for their sign-off. */
  tellManagerWaiting(report: UserIdentity, reportName: string | undefined, managerAadObjectId: string, item: InductionItem, now: Date): Promise<void>;
}

export const INDUCTION_CHECK_JOB = 'induction.check';
const STALLED_AFTER_SCHOOL_DAYS = 5;
const CHECK_HOUR = 9;
const personSchema = z.object({ tenantId: z.string().min(1), aadObjectId: z.string().min(1) });

/** Tomorrow at nine in Wales: the daily check's time (the outbox keeps prompts out of nights and weekends). */
function nextCheck(now: Date): Date {
  return londonInstant(addDays(londonDate(now), 1), CHECK_HOUR);
}


/**
 * Induction's use of the proactive engine: a durable daily check per person in induction
 * which, when they have made no progress for five school days while items are due, sends
 * them a friendly reminder and their line manager a summary (once per stall: the message
 * keys carry the time of their last progress).
 */
export function createInductionNudges(deps: { store: Store; content: Content; scheduler: Scheduler; outbox: Outbox }): InductionNudges {
  /** Managers hear about a report only once they have accepted them. */
  const acceptedManager = async (report: UserIdentity, managerAadObjectId: string | undefined): Promise<boolean> => {
    if (!managerAadObjectId) return false;
    const link = await deps.store.teamLinks.read(userKey(report), userKey({ tenantId: report.tenantId, aadObjectId: managerAadObjectId }));
    return link?.value.status === 'accepted';
  };

  const check: JobHandler<z.infer<typeof personSchema>> = async (job, { now }) => {
    const key = userKey(job.payload);
    const user = (await deps.store.users.read(key, key))?.value;
    const person = user && personInduction(deps.content, user, now, await schoolOf(deps.store, user));
    if (!user || !person || person.plan.complete) return undefined;
    const today = londonDate(now);
    const stalled = schoolDaysBetween(londonDate(new Date(person.state.lastProgressAt)), today) >= STALLED_AFTER_SCHOOL_DAYS;
    if (stalled && person.plan.dueNotDone > 0) {
      const count = String(person.plan.dueNotDone);
      const since = person.state.lastProgressAt;
      await enqueueNotice(deps.outbox, {
        key: `induction-nudge:${key}:${since}`,
        recipient: key,
        card: (lang) => {
          const s = strings(lang).nudge;
          return { title: s.title, text: fill(s.text, { count }), actions: [{ title: s.open, verb: Verbs.startInduction, data: {} }] };
        },
      });
      const manager = user.profile?.lineManagerAadObjectId;
      if (manager && (await acceptedManager(job.payload, manager))) {
        const name = shownName(user.name, user.aadObjectId);
        await enqueueNotice(deps.outbox, {
          key: `induction-manager-nudge:${key}:${since}`,
          recipient: userKey({ tenantId: user.tenantId, aadObjectId: manager }),
          card: (lang) => {
            const s = strings(lang).nudge;
            return { title: fill(s.managerTitle, { name }), text: fill(s.managerText, { name, count }), actions: [{ title: s.openTeam, verb: Verbs.showTeam, data: {} }] };
          },
        });
      }
    }
    return { next: nextCheck(now) };
  };
  deps.scheduler.register(INDUCTION_CHECK_JOB, check, personSchema);
  const signOffs = createSignOffNotices(deps);

  return {
    async follow(person, now) {
      const key = `induction-check:${userKey(person)}`;
      await deps.scheduler.ensure({ key, kind: INDUCTION_CHECK_JOB, runAt: nextCheck(now), payload: personSchema.parse(person) });
    },
    async tellManagerWaiting(report, reportName, managerAadObjectId, item, now) {
      if (!(await acceptedManager(report, managerAadObjectId))) return;
      const key = userKey(report);
      const name = shownName(reportName, report.aadObjectId);
      await enqueueNotice(deps.outbox, {
        // One notice per item: ticking, unticking and ticking again does not nag.
        key: `induction-awaiting:${key}:${item.id}`,
        recipient: userKey({ tenantId: report.tenantId, aadObjectId: managerAadObjectId }),
        notBefore: now,
        card: (lang) => {
          const s = strings(lang).nudge;
          return { title: s.awaitingTitle, text: fill(s.awaitingText, { name, item: item.title[lang] }), actions: [{ title: s.openTeam, verb: Verbs.showTeam, data: {} }] };
        },
      });
    },
    tellSignedOff: (report, managerId, state, now) => signOffs.signedOff(report, managerId, state, now),
    tellCompleted: (user, now, personAfter) => announceCompletion(deps, user, now, personAfter),
  };
}
