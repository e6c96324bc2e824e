import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { PLC_DIGEST_ITEMS, renderPlcDigestCard } from '../../cards/plc-digest-card';
import type { Content } from '../content/content';
import { fill, strings } from '../i18n/strings';
import { conversationRecipient } from '../proactive/conversation-recipient';
import type { Outbox } from '../proactive/outbox-queue';
import type { Scheduler } from '../proactive/scheduler-service';
import { schoolKey } from '../school/school-settings';
import type { Store } from '../storage/store';
import { inertMarkdown } from '../text/inert-markdown';
import { addDays, londonInstant, londonTime } from '../time/london-clock';
import type { Language } from '../users/user-record';
import { digest, plcIdSchema, type Plc, type PlcResource } from './plc-record';
import { readPlc, resourcesOf, type PlcStore } from './plc-repository';
import { channelContent, channelLanguage, sharedLine, usefulLine } from './plc-views';

/** The job kind of a PLC's weekly digest: one durable job per PLC, key `plc-digest:{plcId}`. */
export const PLC_DIGEST_JOB = 'plc-digest';
const payloadSchema = z.object({ plcId: plcIdSchema, tenantId: z.string().min(1).max(100) });
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The first Monday 09:00 in Wales strictly after `after`. */
export function nextMondayNine(after: Date): Date {
  let date = londonTime(after).date;
  for (let i = 0; i < 8; i += 1, date = addDays(date, 1)) {
    const at = londonInstant(date, 9);
    if (londonTime(at).weekday === 1 && at.getTime() > after.getTime()) return at;
  }
  throw new Error('no Monday within eight days');
}

/** Starts and keeps PLCs' digests. */
export interface PlcDigests {
  /** Makes sure the PLC has its weekly job (created once; a PLC made twice keeps one). */
  start(plc: Plc, now: Date): Promise<void>;
}

/**
 * Registers the digest job. Each Monday at 09:00 (Europe/London) the job of a PLC looks at
 * what was shared in the week before; in the holidays of the school whose team made the PLC,
 * or when nothing is new, it posts nothing and waits for the next Monday. Otherwise one card
 * goes to each channel of the PLC through the outbox (quiet hours and that school's
 * holidays), keyed by PLC, channel and date, so a job run twice posts once.
 */
export function createPlcDigests(deps: { store: Store; plcs: PlcStore; scheduler: Scheduler; outbox: Outbox; content: Content }): PlcDigests {
  const { store, plcs, scheduler, outbox, content } = deps;
  scheduler.register(
    PLC_DIGEST_JOB,
    async (job, { now }) => {
      const next = nextMondayNine(now);
      const plc = (await readPlc(plcs, job.payload.tenantId, job.payload.plcId))?.value;
      if (!plc || plc.status !== 'open') return; // gone or closed: the job ends
      const school = (await store.schools.read(schoolKey(plc.tenantId, plc.channels[0]!.schoolId), schoolKey(plc.tenantId, plc.channels[0]!.schoolId)))?.value;
      const holidays = school?.holidays ?? [];
      const today = londonTime(now).date;
      if (holidays.some((h) => h.from <= today && today <= h.to)) return { next };
      const since = new Date(now.getTime() - WEEK_MS).toISOString();
      const resources = await resourcesOf(plcs, plc.pk);
      const fresh = resources.filter((r) => r.sharedAt > since && r.sharedAt <= now.toISOString());
      if (fresh.length === 0) return { next };
      const content_ = channelContent(plc, (language) => digestCard(language, plc, fresh, resources, content, Math.floor(now.getTime() / WEEK_MS)));
      for (const channel of plc.channels) {
        await outbox.enqueue({
          key: `plc-digest:${plc.pk}:${today}:${digest(channel.channelId)}`,
          recipient: conversationRecipient(plc.tenantId, channel.channelId),
          content: content_,
          language: channelLanguage(plc),
          quietHours: true,
          schoolHolidays: holidays,
        });
      }
      return { next };
    },
    payloadSchema,
  );
  return {
    async start(plc, now) {
      await scheduler.ensure({ key: `plc-digest:${plc.pk}`, kind: PLC_DIGEST_JOB, runAt: nextMondayNine(now), payload: { plcId: plc.pk, tenantId: plc.tenantId } });
    },
  };
}

function digestCard(language: Language, plc: Plc, fresh: PlcResource[], all: PlcResource[], content: Content, week: number): AdaptiveCardJson {
  const line = (r: PlcResource) => `${sharedLine(language, r)} · ${usefulLine(language, r.useful)}`;
  const item = (r: PlcResource) => ({ title: inertMarkdown(r.title), url: r.url, line: line(r) });
  const newest = [...fresh].sort((a, b) => b.sharedAt.localeCompare(a.sharedAt)).slice(0, PLC_DIGEST_ITEMS);
  const useful = [...all].filter((r) => r.useful > 0).sort((a, b) => b.useful - a.useful || b.sharedAt.localeCompare(a.sharedAt)).slice(0, 3);
  // One curated item for the PLC's focus, a different one each week.
  const matching = content.selfAssessment.resources.filter((r) => r.areas.some((a) => (plc.keyAreas as readonly string[]).includes(a)));
  const curated = matching.length ? matching[week % matching.length] : undefined;
  return renderPlcDigestCard(language, {
    title: fill(strings(language).plc.digestTitle, { plc: inertMarkdown(plc.name) }),
    fresh: newest.map(item),
    useful: useful.map(item),
    curatedTitle: curated?.title[language] ?? '',
    curatedSummary: curated?.summary[language] ?? '',
    curatedUrl: curated?.link.url ?? '',
    plcId: plc.pk,
  });
}
