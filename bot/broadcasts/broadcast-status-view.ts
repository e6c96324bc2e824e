import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderNoticeCard } from '../../cards/notice-card';
import { progressBar } from '../../cards/tone-kit';
import { Verbs } from '../../cards/verbs';
import { formatDate } from '../appraisal/appraisal-format';
import { fill, strings } from '../i18n/strings';
import type { BulkMessage } from '../proactive/bulk-message';
import { BULK_MAX_PARTS } from '../proactive/bulk-outbox';
import type { BilingualContent } from '../proactive/outbox-record';
import { londonDate } from '../time/london-date';
import type { Language } from '../users/user-record';
import { broadcastBulkKeys, type BroadcastRecord } from './broadcast-record';
import type { BroadcastStore } from './broadcast-store';
import { londonDateAndTime } from './withdrawn-views';
import { countOf } from '../i18n/count-forms';

/** What the status card reads: the bulk messages' figures and the confirmations. */
export interface StatusSources {
  broadcasts: Pick<BroadcastStore, 'reads'>;
  bulkOutbox: { get(key: string): Promise<BulkMessage | undefined> };
}

/** Whether every send of a broadcast has finished (each of its parts done). */
export function finishedSending(messages: (BulkMessage | undefined)[]): boolean {
  return messages.every((m) => m !== undefined && m.finishedParts >= Math.min(BULK_MAX_PARTS, Math.max(1, m.pages)));
}

/** The figures of every send of a broadcast, in send order. */
export function sendsOf(sources: StatusSources, record: BroadcastRecord): Promise<(BulkMessage | undefined)[]> {
  return Promise.all(broadcastBulkKeys(record).map((key) => sources.bulkOutbox.get(key)));
}

/**
 * The author's status card: queued, sent, failed, not reachable and confirmed read in words,
 * with a progress bar of those it has reached, and what can be done next. Sent adds up every
 * send; failed and not reachable are as the latest send left them (a resend's reach takes
 * people off both).
 */
export async function broadcastStatusCard(sources: StatusSources, record: BroadcastRecord, lang: Language, lead = ''): Promise<AdaptiveCardJson> {
  const s = strings(lang).broadcasts;
  const sends = (await sendsOf(sources, record)).filter((m) => m !== undefined);
  const sent = sends.reduce((sum, m) => sum + m.figures.sent, 0);
  const last = sends.at(-1);
  const failed = last?.figures.failed ?? 0;
  const unreachable = last?.figures.unreachable ?? 0;
  const count = record.recipients ?? 0;
  const done = Math.min(count, sent + failed + unreachable);
  const read = (await sources.broadcasts.reads(record.tenantId, record.id)).length;
  const withdrawn = record.withdrawn ? fill(s.statusWithdrawn, { name: record.withdrawn.byName || strings(lang).roles.title, ...londonDateAndTime(record.withdrawn.at, lang) }) : '';
  const text = [
    lead,
    fill(s.statusText, { date: formatDate(londonDate(new Date(record.sentAt ?? record.updatedAt)), lang), people: countOf(count, s.people), queued: String(Math.max(0, count - done)), sent: String(sent), failed: String(failed), unreachable: String(unreachable), read: String(read) }),
    fill(s.progress, { bar: progressBar(sent, count), done: String(sent), count: String(count) }),
    withdrawn,
  ].filter((t) => t !== '').join('\n\n');
  const idOnly = { id: record.id };
  return renderNoticeCard(lang, {
    title: fill(s.statusTitle, { title: record[lang].title.slice(0, 150) }),
    text,
    actions: [
      ...(record.withdrawn ? [] : [{ title: s.edit, verb: Verbs.composeBroadcast, data: idOnly }, { title: s.resend, verb: Verbs.resendBroadcast, data: idOnly }, { title: s.withdraw, verb: Verbs.withdrawBroadcast, data: idOnly }]),
      { title: s.export, verb: Verbs.exportBroadcast, data: idOnly },
      { title: strings(lang).common.help, verb: Verbs.showHelp, data: {} },
    ],
  });
}

/** The status card in both languages, for the author's proactive copy. */
export async function statusContent(sources: StatusSources, record: BroadcastRecord): Promise<BilingualContent> {
  return { en: { card: await broadcastStatusCard(sources, record, 'en') }, cy: { card: await broadcastStatusCard(sources, record, 'cy') } };
}
