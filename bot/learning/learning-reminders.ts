import { z } from 'zod';
import { Verbs } from '../../cards/verbs';
import { enqueueNotice } from '../app/notice-in-both';
import { formatDate } from '../appraisal/appraisal-format';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import type { JobHandler } from '../proactive/scheduler-handler';
import type { Scheduler } from '../proactive/scheduler-service';
import type { Store } from '../storage/store';
import { addDays, londonInstant } from '../time/london-clock';
import { londonDate } from '../time/london-date';
import { userKey, type UserIdentity, type UserRecord } from '../users/user-record';
import { learningContent } from './learning-content';
import { readSettings } from './learning-settings';

export const LEARNING_REMINDERS_JOB = 'learning.reminders';
/** A person's reminders look ahead this far each run, so a review date set meanwhile is seen in time. */
export const LOOK_AHEAD_DAYS = 7;
/** Runs at 09:00 in Wales; the outbox keeps nights, weekends and holidays quiet. */
const RUN_HOUR = 9;
/** The reviews the Passport is brought up to date for. */
const REVIEWS = ['mid-year', 'end-of-year'] as const;

const payloadSchema = z.object({ tenantId: z.string().min(1), aadObjectId: z.string().min(1) });

/** The reminders' use of the proactive engine. */
export interface LearningReminders {
  /** Turns the person's reminders on (their job planned) or off (cancelled). */
  follow(person: UserIdentity, on: boolean, now: Date): Promise<void>;
}

export function remindersJobKey(person: UserIdentity): string {
  return `learning-reminders:${userKey(person)}`;
}

/** 1 February of the year `date` is in, or of the next year once it has passed. */
function nextFebruary(date: string): string {
  const year = Number(date.slice(0, 4));
  const thisYear = `${year}-02-01`;
  return date <= thisYear ? thisYear : `${year + 1}-02-01`;
}

/**
 * One durable job per person who turned reminders on. Each run (on 1 February, and at most a
 * week after the last run) re-reads the person and their settings, so switching off or moving
 * a review is honoured: in February it queues the EWC fee note (the fee as dated, sourced
 * content); when a review falls within the next week it queues "bring your Passport up to
 * date". Keys name the year or the meeting and its date, so a rerun never sends one twice.
 */
export function createLearningReminders(deps: { store: Pick<Store, 'users' | 'collection'>; scheduler: Scheduler; outbox: Outbox }): LearningReminders {
  const { store } = deps;

  async function feeNote(user: UserRecord, year: string): Promise<void> {
    const fees = learningContent.ewc.fees;
    await enqueueNotice(deps.outbox, {
      key: `learning-ewc-fee:${user.id}:${year}`,
      recipient: user.id,
      card: (language) => {
        const s = strings(language).registration;
        return {
          title: s.feeTitle,
          text: s.feeText,
          list: fees.map((f) => fill(s.asOf, { year: f.asOf, text: f.text[language], source: f.source })),
          actions: [{ title: s.open, verb: Verbs.showRegistration, data: {} }],
        };
      },
    });
  }

  async function passportNote(user: UserRecord, meeting: (typeof REVIEWS)[number], date: string): Promise<void> {
    await enqueueNotice(deps.outbox, {
      key: `learning-passport:${user.id}:${user.appraisal?.cycleId ?? ''}:${meeting}:${date}`,
      recipient: user.id,
      card: (language) => {
        const s = strings(language).registration;
        return {
          title: s.passportTitle,
          text: fill(s.passportText, { meeting: strings(language).appraisal.meetings[meeting].toLocaleLowerCase(language === 'cy' ? 'cy' : 'en-GB'), date: formatDate(date, language) }),
          actions: [
            { title: s.exportTitle, verb: Verbs.showLearningExport, data: {} },
            { title: strings(language).learning.logTitle, verb: Verbs.showLearning, data: {} },
          ],
        };
      },
    });
  }

  const run: JobHandler<z.infer<typeof payloadSchema>> = async (job, { now }) => {
    const key = userKey(job.payload);
    const user = (await store.users.read(key, key))?.value;
    if (!user || !(await readSettings(store, key)).reminders) return undefined;
    const today = londonDate(now);
    const day = londonDate(job.runAt) < today ? today : londonDate(job.runAt);
    // Every run in February queues the year's note; its key makes the later runs duplicates.
    if (day.slice(5, 7) === '02') await feeNote(user, day.slice(0, 4));
    for (const meeting of REVIEWS) {
      const date = user.appraisal?.meetings[meeting].date;
      if (date && date > day && date <= addDays(day, LOOK_AHEAD_DAYS)) await passportNote(user, meeting, date);
    }
    const next = [nextFebruary(addDays(day, 1)), addDays(day, LOOK_AHEAD_DAYS)].sort()[0]!;
    return { next: londonInstant(next, RUN_HOUR) };
  };
  deps.scheduler.register(LEARNING_REMINDERS_JOB, run, payloadSchema);

  return {
    async follow(person, on, now) {
      const key = remindersJobKey(person);
      if (!on) {
        await deps.scheduler.cancel(key);
        return;
      }
      const payload = payloadSchema.parse({ tenantId: person.tenantId.toLowerCase(), aadObjectId: person.aadObjectId.toLowerCase() });
      await deps.scheduler.schedule({ key, kind: LEARNING_REMINDERS_JOB, runAt: londonInstant(addDays(londonDate(now), 1), RUN_HOUR), payload });
    },
  };
}
