import { z } from 'zod';
import type { BulkDocument } from '../proactive/bulk-message';
import type { BulkOutbox } from '../proactive/bulk-outbox';
import type { Outbox } from '../proactive/outbox-queue';
import type { Scheduler } from '../proactive/scheduler-service';
import type { Holiday } from '../proactive/quiet-hours';
import type { DocumentCollection } from '../storage/document-collection';
import { strings } from '../i18n/strings';
import { conversationDocumentOf } from '../proactive/conversation-recipient';
import { addDays, londonInstant } from '../time/london-clock';
import { londonDate } from '../time/london-date';
import { broadcastBulkKey, type BroadcastRecord } from './broadcast-record';
import type { BroadcastStore } from './broadcast-store';
import { recipientLines } from './broadcast-recipients';
import { recipientCard } from './broadcast-views';

/** The scheduler's kind for a reminder to those who have not confirmed reading a broadcast. */
export const READ_REMINDER_JOB = 'broadcast-reminder';
/** Reminders arrive at the start of a school day, when staff look at their chats. */
const REMINDER_HOUR = 9;

const payloadSchema = z.object({ tenantId: z.string().min(1), id: z.string().min(1), which: z.enum(['days', 'read-by']) });

/** `date` (YYYY-MM-DD) moved on by `days` school days: weekdays outside the given holidays. */
export function schoolDaysAfter(date: string, days: number, holidays: readonly Holiday[] = []): string {
  let d = date;
  for (let left = days; left > 0; ) {
    d = addDays(d, 1);
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    const off = holidays.some((h) => h.from <= d && d <= h.to);
    if (weekday !== 0 && weekday !== 6 && !off) left -= 1;
  }
  return d;
}

/**
 * The two reminders a broadcast that asks for confirmation may have: after the chosen number of
 * school days, and on the read-by date, each at 09:00 in Wales, each once. A reminder is a bulk
 * message to the people it reached who have not confirmed by then (never a channel), keyed by the broadcast and which
 * reminder, so a job run twice sends nothing twice; it keeps quiet hours (no weekends or nights).
 */
export function createReadReminders(deps: { broadcasts: BroadcastStore; bulkOutbox: BulkOutbox; outbox: Outbox; scheduler: Scheduler; pages: DocumentCollection<BulkDocument> }) {
  deps.scheduler.register(
    READ_REMINDER_JOB,
    async (job) => {
      const record = (await deps.broadcasts.get(job.payload.tenantId, job.payload.id))?.value;
      if (!record || record.status !== 'sent' || record.withdrawn || !record.confirmRead) return;
      const read = new Set((await deps.broadcasts.reads(record.tenantId, record.id)).map((r) => r.id));
      const reached = (await recipientLines(deps.pages, deps.outbox, record)).filter((l) => l.status === 'sent' && !read.has(l.recipient) && conversationDocumentOf(l.recipient) === undefined);
      if (reached.length === 0) return;
      const lead = (lang: 'en' | 'cy') => (job.payload.which === 'days' ? strings(lang).broadcasts.reminderLead : strings(lang).broadcasts.reminderReadByLead);
      await deps.bulkOutbox.enqueue({
        key: `${broadcastBulkKey(record.tenantId, record.id)}:reminder-${job.payload.which}`,
        recipients: reached.map((l) => l.recipient),
        content: { en: { card: recipientCard(record, 'en', undefined, lead('en')) }, cy: { card: recipientCard(record, 'cy', undefined, lead('cy')) } },
        quietHours: true,
        ...(record.schoolHolidays?.length ? { schoolHolidays: record.schoolHolidays } : {}),
      });
    },
    payloadSchema,
  );
  return {
    /** Schedules the reminders a just-sent broadcast asks for (none that would fall before `sentFrom`). */
    async plan(record: BroadcastRecord, sentFrom: Date): Promise<void> {
      if (!record.confirmRead) return;
      const first = londonDate(sentFrom);
      const at: { which: 'days' | 'read-by'; runAt: Date }[] = [];
      if (record.remindAfterDays) at.push({ which: 'days', runAt: londonInstant(schoolDaysAfter(first, record.remindAfterDays, record.schoolHolidays), REMINDER_HOUR) });
      if (record.readBy) at.push({ which: 'read-by', runAt: londonInstant(record.readBy, REMINDER_HOUR) });
      for (const r of at.filter((r) => r.runAt.getTime() > sentFrom.getTime())) {
        await deps.scheduler.ensure({ key: `broadcast-reminder:${record.tenantId}:${record.id}:${r.which}`, kind: READ_REMINDER_JOB, runAt: r.runAt, payload: { tenantId: record.tenantId, id: record.id, which: r.which } });
      }
    },
  };
}

export type ReadReminders = ReturnType<typeof createReadReminders>;
