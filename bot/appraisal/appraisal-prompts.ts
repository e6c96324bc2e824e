import { z } from 'zod';
import { Verbs } from '../../cards/verbs';
import { enqueueNotice } from '../app/notice-in-both';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import type { Holiday } from '../proactive/quiet-hours';
import type { JobHandler } from '../proactive/scheduler-handler';
import type { Scheduler } from '../proactive/scheduler-service';
import { firstConfirmedSchoolId, schoolOf } from '../school/school-induction';
import type { Store } from '../storage/store';
import { addDays } from '../time/london-clock';
import { londonDate } from '../time/london-date';
import { userKey, type UserIdentity, type UserRecord } from '../users/user-record';
import { calendarOf } from './appraisal-calendar';
import { inSentence } from './appraisal-format';
import { duePrompts, nextPromptDay, promptInstant, type DuePrompt } from './prompt-days';
import type { AppraisalState, MeetingId } from './appraisal-state';
import { promptCard } from './appraisal-prompt-view';

export const APPRAISAL_PROMPTS_JOB = 'appraisal.prompts';
/** How far back a run looks for a prompt it has not sent (see `duePrompts`). */
const LOOKBACK_DAYS = 3;

const payloadSchema = z.object({ tenantId: z.string().min(1), aadObjectId: z.string().min(1), cycleId: z.string().regex(/^\d{4}-\d{2}$/) });

/** What the prompts read: the person, their school's calendar, and whether their line manager accepted them. */
export type AppraisalPromptStore = Pick<Store, 'users' | 'schools' | 'teamLinks'>;

/** The appraisal's use of the proactive engine. */
export interface AppraisalPrompts {
  /** Plans (or re-plans) the person's prompts after their appraisal or school calendar changed. */
  follow(person: UserIdentity, state: AppraisalState, holidays: readonly Holiday[], now: Date): Promise<void>;
  /** Tells the staff member their line manager recorded a meeting. */
  tellRecorded(report: UserIdentity, state: AppraisalState, meeting: MeetingId, now: Date): Promise<void>;
}

/** One job per person per cycle: its key. */
export function appraisalJobKey(person: UserIdentity, cycleId: string): string {
  return `appraisal-prompts:${userKey(person)}:${cycleId}`;
}

/**
 * One durable job per person per cycle, due at their next prompt day (09:00 in Wales): the
 * scheduler's tick reads only the people with a prompt due. A run re-reads the person's
 * document, so a date moved, a snooze or a review recorded since planning is honoured; it
 * enqueues each prompt under a key naming the meeting, its date, the kind (with a
 * snooze's end) and the recipient's user key (so a rerun, a second instance or a restart
 * never sends one twice), then moves itself to the next prompt day, or ends. A manager's
 * prompts wait out their own school's holidays.
 */
export function createAppraisalPrompts(deps: { store: AppraisalPromptStore; scheduler: Scheduler; outbox: Outbox }): AppraisalPrompts {
  const { store } = deps;

  /** The line manager who may be prompted: named in the profile and accepted (or imported). */
  async function acceptedManager(user: UserRecord): Promise<string | undefined> {
    const manager = user.profile?.lineManagerAadObjectId;
    if (!manager) return undefined;
    const link = await store.teamLinks.read(user.id, userKey({ tenantId: user.tenantId, aadObjectId: manager }));
    return link?.value.status === 'accepted' ? manager : undefined;
  }

  /**
   * The holidays the manager's prompts wait out: their own school's. Read only when a
   * manager prompt is going out; one at the report's school costs nothing more.
   */
  async function managerHolidays(user: UserRecord, managerKey: string, staffHolidays: readonly Holiday[]): Promise<readonly Holiday[]> {
    const manager = (await store.users.read(managerKey, managerKey))?.value;
    const staffSchool = firstConfirmedSchoolId(user);
    const same = staffSchool !== undefined && manager !== undefined && firstConfirmedSchoolId(manager) === staffSchool;
    if (!manager || same) return staffHolidays;
    return calendarOf(await schoolOf(store, manager)).holidays;
  }

  async function enqueuePrompt(user: UserRecord, state: AppraisalState, prompt: DuePrompt, recipient: string, holidays: readonly Holiday[]): Promise<void> {
    const report = prompt.role === 'manager' ? { reportId: user.aadObjectId, name: (user.name ?? user.aadObjectId).slice(0, 200) } : undefined;
    // The snooze's end is in the key (a second snooze is a new reminder), and so is the
    // recipient (a new line manager gets the prompt the previous one had).
    const kind = prompt.until ? `${prompt.kind}-${prompt.until}` : prompt.kind;
    await deps.outbox.enqueue({
      key: `appraisal:${user.id}:${state.cycleId}:${prompt.meeting}:${prompt.date}:${kind}:${recipient}`,
      recipient,
      quietHours: true,
      schoolHolidays: [...holidays],
      content: { en: { card: promptCard('en', prompt, report) }, cy: { card: promptCard('cy', prompt, report) } },
    });
  }

  const run: JobHandler<z.infer<typeof payloadSchema>> = async (job, { now }) => {
    const key = userKey(job.payload);
    const user = (await store.users.read(key, key))?.value;
    const state = user?.appraisal;
    if (!user || !state || state.cycleId !== job.payload.cycleId) return undefined;
    const { holidays } = calendarOf(await schoolOf(store, user));
    const day = londonDate(job.runAt);
    const today = londonDate(now);
    // A run days late (the service was down) sends nothing stale; the next run picks up from today.
    if (day >= addDays(today, -LOOKBACK_DAYS)) {
      const prompts = duePrompts(state, day, holidays, LOOKBACK_DAYS);
      const manager = prompts.some((p) => p.role === 'manager') ? await acceptedManager(user) : undefined;
      const managerKey = manager && userKey({ tenantId: user.tenantId, aadObjectId: manager });
      const theirs = managerKey ? await managerHolidays(user, managerKey, holidays) : holidays;
      for (const prompt of prompts) {
        if (prompt.role === 'staff') await enqueuePrompt(user, state, prompt, user.id, holidays);
        else if (managerKey) await enqueuePrompt(user, state, prompt, managerKey, theirs);
      }
    }
    let next = nextPromptDay(state, day, holidays);
    if (next !== undefined && next < today) next = nextPromptDay(state, addDays(today, -1), holidays);
    return next ? { next: promptInstant(next) } : undefined;
  };
  deps.scheduler.register(APPRAISAL_PROMPTS_JOB, run, payloadSchema);

  return {
    async follow(person, state, holidays, now) {
      const key = appraisalJobKey(person, state.cycleId);
      const day = nextPromptDay(state, addDays(londonDate(now), -1), holidays);
      if (!day) {
        await deps.scheduler.cancel(key);
        return;
      }
      const payload = payloadSchema.parse({ tenantId: person.tenantId.toLowerCase(), aadObjectId: person.aadObjectId.toLowerCase(), cycleId: state.cycleId });
      await deps.scheduler.schedule({ key, kind: APPRAISAL_PROMPTS_JOB, runAt: promptInstant(day), payload });
    },

    async tellRecorded(report, state, meeting, now) {
      const key = userKey(report);
      await enqueueNotice(deps.outbox, {
        key: `appraisal-recorded:${key}:${state.cycleId}:${meeting}`,
        recipient: key,
        notBefore: now,
        card: (lang) => {
          const s = strings(lang).appraisal;
          return { title: fill(s.prompt.recordedTitle, { meeting: inSentence(s.meetings[meeting]) }), text: s.prompt.recordedText, actions: [{ title: s.prompt.open, verb: Verbs.showAppraisal, data: {} }] };
        },
      });
    },
  };
}
