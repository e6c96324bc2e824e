import { z } from 'zod';
import { NOTICE_CARD_LINES } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import { enqueueNotice } from '../app/notice-in-both';
import type { Content } from '../content/content';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import type { JobHandler } from '../proactive/scheduler-handler';
import type { Scheduler } from '../proactive/scheduler-service';
import { schoolOf } from '../school/school-induction';
import type { Store } from '../storage/store';
import { shownName } from '../text/person-name';
import { userKey, type UserIdentity } from '../users/user-record';
import type { InductionState } from './induction-state';
import { personInduction } from './person-induction';

export const SIGN_OFF_NOTICE_JOB = 'induction.signOffNotice';
/** Sign-offs by one manager within this long of the first of a batch reach the person as one notice. */
export const SIGN_OFF_BATCH_MS = 5 * 60_000;
/**
 * The batch's job runs this long after the batch closes, so a sign-off stamped in the batch's
 * last moment has been written (and its `ensure` has found the job) before the job reads.
 */
export const SIGN_OFF_SETTLE_MS = 30_000;

const payloadSchema = z.object({
  tenantId: z.string().min(1),
  reportId: z.string().min(1),
  /** The manager's object id as `signedOffBy` holds it (lower case). */
  managerId: z.string().min(1),
  /** The first sign-off of the batch (ISO). */
  since: z.string().datetime(),
});
type SignOffBatch = z.infer<typeof payloadSchema>;

/**
 * When the batch that a sign-off at `at` belongs to began. Batches are read off the sign-off
 * times themselves (sign-offs are never taken back): the first opens a batch, every sign-off
 * within `windowMs` of its opening joins it, and the next one after that opens the next. So
 * every turn, on any instance, finds the same batch, and its job key, for the same sign-off.
 */
export function batchStartOf(times: readonly string[], at: string, windowMs = SIGN_OFF_BATCH_MS): string {
  let start: string | undefined;
  for (const t of [...times].filter((x) => x <= at).sort()) {
    if (start === undefined || Date.parse(t) - Date.parse(start) >= windowMs) start = t;
  }
  return start ?? at;
}

/** Calm sign-off notices: a manager's burst of sign-offs reaches the person as one card. */
export interface SignOffNotices {
  /**
   * After `managerId` signed off an item of `report`'s induction (`state` as written): makes
   * sure the job of that sign-off's batch exists. Answers when the batch's card becomes due.
   */
  signedOff(report: UserIdentity, managerId: string, state: InductionState, now: Date): Promise<Date>;
}

/**
 * One durable job per batch (key: person, manager, first sign-off), created with `ensure`
 * by each sign-off of the batch, so repeats and restarts change nothing. When due, it reads
 * what that manager signed off in the batch and enqueues one notice, keyed like the job.
 */
export function createSignOffNotices(deps: { store: Store; content: Content; scheduler: Scheduler; outbox: Outbox }): SignOffNotices {
  const send: JobHandler<SignOffBatch> = async ({ payload, runAt }, { now }) => {
    const report = { tenantId: payload.tenantId, aadObjectId: payload.reportId };
    const key = userKey(report);
    const managerKey = userKey({ tenantId: payload.tenantId, aadObjectId: payload.managerId });
    const [user, manager] = await Promise.all([deps.store.users.read(key, key), deps.store.users.read(managerKey, managerKey)]);
    const person = user && personInduction(deps.content, user.value, now, await schoolOf(deps.store, user.value));
    if (!person) return undefined;
    const from = Date.parse(payload.since);
    const signed = person.items.filter((item) => {
      const p = person.state.items[item.id];
      const at = p?.signedOffAt ? Date.parse(p.signedOffAt) : NaN;
      return p?.signedOffBy === payload.managerId && at >= from && at < from + SIGN_OFF_BATCH_MS;
    });
    if (signed.length === 0) return undefined;
    const name = shownName(manager?.value.name, payload.managerId);
    const count = String(signed.length);
    await enqueueNotice(deps.outbox, {
      key: `induction-signed-off:${key}:${payload.managerId}:${payload.since}`,
      recipient: key,
      // Due when the batch was (not when a late tick ran it), so it keeps its place before the completion notice.
      notBefore: runAt,
      card: (lang) => {
        const s = strings(lang);
        const n = s.teamNotices;
        const one = signed.length === 1;
        const hidden = signed.length - NOTICE_CARD_LINES;
        return {
          title: fill(one ? n.signedOffOneTitle : n.signedOffManyTitle, { manager: name, count }).slice(0, 200),
          text: one ? n.signedOffOneText : n.signedOffManyText,
          list: signed.slice(0, NOTICE_CARD_LINES).map((item) => item.title[lang].slice(0, 300)),
          reference: hidden > 0 ? fill(n.moreItems, { count: String(hidden) }) : '',
          actions: [{ title: s.nudge.open, verb: Verbs.startInduction, data: {} }],
        };
      },
    });
    return undefined;
  };
  deps.scheduler.register(SIGN_OFF_NOTICE_JOB, send, payloadSchema);

  return {
    async signedOff(report, managerId, state, now) {
      const times = Object.values(state.items)
        .filter((p) => p.signedOffBy === managerId && p.signedOffAt)
        .map((p) => p.signedOffAt!);
      const since = batchStartOf(times, now.toISOString());
      const runAt = new Date(Date.parse(since) + SIGN_OFF_BATCH_MS + SIGN_OFF_SETTLE_MS);
      const payload = { tenantId: report.tenantId, reportId: report.aadObjectId.toLowerCase(), managerId, since };
      await deps.scheduler.ensure({ key: `induction-signoffs:${userKey(report)}:${managerId}:${since}`, kind: SIGN_OFF_NOTICE_JOB, runAt, payload });
      return runAt;
    },
  };
}
