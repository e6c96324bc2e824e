import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { offerFile } from '../export/offer-file';
import { toCsv } from '../export/to-csv';
import { fill, strings } from '../i18n/strings';
import { countOf } from '../i18n/count-forms';
import { londonDate } from '../time/london-date';
import type { Actor } from '../roles/admin-guard';
import { refusalCard } from '../roles/refusal-card';
import type { SchoolServices } from '../roles/school-services';
import type { Language } from '../users/user-record';
import { ownBroadcast } from './broadcast-access';
import { broadcastBulkKeys, type BroadcastRecord } from './broadcast-record';
import { broadcastContent } from './broadcast-views';
import { recipientLines } from './broadcast-recipients';
import type { BroadcastServices } from './broadcast-services';
import { londonDateAndTime, withdrawnContent } from './withdrawn-views';
import { broadcastStatusCard } from './broadcast-status-view';

const idData = z.object({ id: z.string().min(1).max(100) });
/** `sure` is set only by the question's own "Yes" button. */
const withdrawData = idData.extend({ sure: z.literal(true).optional() });

/** "Withdraw it from everyone it reached?", with Yes and a way back to the figures. */
function withdrawQuestion(record: BroadcastRecord, lang: Language): AdaptiveCardJson {
  const s = strings(lang).broadcasts;
  return renderNoticeCard(lang, {
    title: fill(s.statusTitle, { title: record[lang].title.slice(0, 150) }),
    text: fill(s.withdrawSure, { title: record[lang].title.slice(0, 150), people: countOf(record.recipients ?? 0, s.people) }),
    tone: 'attention',
    actions: [
      { title: s.withdrawYes, verb: Verbs.withdrawBroadcast, data: { id: record.id, sure: true } },
      { title: s.withdrawKeep, verb: Verbs.showBroadcastStatus, data: { id: record.id } },
    ],
  });
}

/**
 * After Send, for the author (and tenant administrators): a broadcast's figures with a
 * progress bar, sending it again to those not reached, withdrawing it from every card it
 * reached, and a CSV of its recipients. Each act is decided from the actor's stored roles.
 */
export function registerBroadcastFollowUp(app: Application, deps: FeatureDeps, schools: SchoolServices, services: BroadcastServices): void {
  const { broadcasts, bulkOutbox } = services;
  const actorOf = (context: TurnContext): Actor => ({ identity: turnData(context).identity, name: turnData(context).session.user.name });
  const notice = (language: Language, text: string): AdaptiveCardJson =>
    renderNoticeCard(language, { title: strings(language).broadcasts.listTitle, text, tone: 'attention', actions: [{ title: strings(language).broadcasts.listTitle, verb: Verbs.listBroadcasts, data: {} }, { title: strings(language).common.help, verb: Verbs.showHelp, data: {} }] });

  /** The actor's sent broadcast, or the card that says why not. */
  const sentBroadcast = async (context: TurnContext, id: string, action: 'broadcast.open' | 'broadcast.resend' | 'broadcast.withdraw' | 'broadcast.export' | 'broadcast.edit') => {
    const lang = turnData(context).language();
    const actor = actorOf(context);
    const verdict = await schools.guard.anyRole(actor, action, deps.now());
    if (!verdict.ok) return { ok: false as const, card: refusalCard(lang, verdict.reason) };
    const stored = await ownBroadcast(broadcasts, actor, verdict.target, id);
    if (!stored || stored.value.status !== 'sent') return { ok: false as const, card: notice(lang, strings(lang).broadcasts.notFound) };
    return { ok: true as const, stored, actor, role: verdict.role, lang };
  };

  const statusCard = (record: BroadcastRecord, lang: Language, lead = '') => broadcastStatusCard(services, record, lang, lead);

  onCardAction(app, Verbs.showBroadcastStatus, idData, async (context, data) => {
    const found = await sentBroadcast(context, data.id, 'broadcast.open');
    return found.ok ? statusCard(found.stored.value, found.lang) : found.card;
  }, { personalOnly: true });

  // Again to those the last send did not reach; a resend is its own bulk message, keyed by its number.
  onCardAction(app, Verbs.resendBroadcast, idData, async (context, data) => {
    const found = await sentBroadcast(context, data.id, 'broadcast.resend');
    if (!found.ok) return found.card;
    const { stored, actor, role, lang } = found;
    const record = stored.value;
    if (record.withdrawn) return notice(lang, strings(lang).broadcasts.alreadyWithdrawn);
    const keys = broadcastBulkKeys(record);
    const next: BroadcastRecord = { ...record, resends: record.resends + 1, updatedAt: deps.now().toISOString() };
    // The record first: a resend it does not name would be invisible to its recipients' buttons.
    if (!(await broadcasts.replace(next, stored.etag))) return statusCard(record, lang);
    await bulkOutbox.enqueueResend({ key: broadcastBulkKeys(next).at(-1)!, of: keys.at(-1)! });
    await services.liveStatus.resume(next, deps.now());
    await schools.guard.done(actor, role, 'broadcast.resend', { kind: 'tenant', id: record.tenantId, label: record[lang].title.slice(0, 100) }, deps.now());
    return statusCard(next, lang, strings(lang).broadcasts.resent);
  }, { personalOnly: true });

  // Correct: the previewed correction replaces every delivered copy (of each send), marked as edited.
  onCardAction(app, Verbs.editBroadcast, idData, async (context, data) => {
    const found = await sentBroadcast(context, data.id, 'broadcast.edit');
    if (!found.ok) return found.card;
    const { stored, actor, role, lang } = found;
    const s = strings(lang).broadcasts;
    if (stored.value.withdrawn) return notice(lang, s.alreadyWithdrawn);
    const pending = stored.value.pendingEdit;
    if (!pending) return statusCard(stored.value, lang, s.nothingToSave);
    const now = deps.now();
    const { pendingEdit: _saved, link: _old, ...rest } = stored.value;
    const record: BroadcastRecord = { ...rest, en: pending.en, cy: pending.cy, ...(pending.link ? { link: pending.link } : {}), version: stored.value.version + 1, editedAt: now.toISOString(), updatedAt: now.toISOString() };
    if (!(await broadcasts.replace(record, stored.etag))) return statusCard(stored.value, lang);
    for (const key of broadcastBulkKeys(record)) {
      if (await bulkOutbox.get(key)) await bulkOutbox.enqueueRevision({ key: `${key}:edit-${record.version}`, of: key, content: broadcastContent(record) });
    }
    await services.liveStatus.resume(record, now);
    await schools.guard.done(actor, role, 'broadcast.edit', { kind: 'tenant', id: record.tenantId, label: record[lang].title.slice(0, 100) }, now, undefined, `version=${record.version}`);
    return statusCard(record, lang, s.edited);
  }, { personalOnly: true });

  // Withdraw: every delivered copy (of each send) is replaced by the short notice, in the language it went in.
  // Asked once more first: one press would otherwise take a policy update off every screen it reached.
  onCardAction(app, Verbs.withdrawBroadcast, withdrawData, async (context, data) => {
    const found = await sentBroadcast(context, data.id, 'broadcast.withdraw');
    if (!found.ok) return found.card;
    const { stored, actor, role, lang } = found;
    if (stored.value.withdrawn) return statusCard(stored.value, lang, strings(lang).broadcasts.alreadyWithdrawn);
    if (!data.sure) return withdrawQuestion(stored.value, lang);
    const now = deps.now();
    const record: BroadcastRecord = { ...stored.value, withdrawn: { ...(actor.name ? { byName: actor.name.slice(0, 100) } : {}), at: now.toISOString() }, updatedAt: now.toISOString() };
    if (!(await broadcasts.replace(record, stored.etag))) return statusCard(stored.value, lang);
    for (const key of broadcastBulkKeys(record)) {
      if (await bulkOutbox.get(key)) await bulkOutbox.enqueueRevision({ key: `${key}:withdraw`, of: key, content: withdrawnContent(record) });
    }
    await services.liveStatus.resume(record, now);
    await schools.guard.done(actor, role, 'broadcast.withdraw', { kind: 'tenant', id: record.tenantId, label: record[lang].title.slice(0, 100) }, now);
    return statusCard(record, lang, strings(lang).broadcasts.withdrawn);
  }, { personalOnly: true });

  // The recipients as a CSV through Teams' file consent: who, delivery, language, when they confirmed reading.
  onCardAction(app, Verbs.exportBroadcast, idData, async (context, data) => {
    const found = await sentBroadcast(context, data.id, 'broadcast.export');
    if (!found.ok) return found.card;
    const { stored, actor, role, lang } = found;
    const record = stored.value;
    const s = strings(lang).broadcasts;
    const reads = new Map((await broadcasts.reads(record.tenantId, record.id)).map((r) => [r.id, r]));
    const lines = await recipientLines(deps.store.bulkMessages, services.outbox, record);
    const rows: string[][] = [];
    for (const line of lines) {
      const user = (await deps.store.users.read(line.recipient, line.recipient))?.value;
      const read = reads.get(line.recipient);
      const when = read ? londonDateAndTime(read.readAt, lang) : undefined;
      rows.push([user?.name ?? user?.aadObjectId ?? line.recipient, s.csv.statuses[line.status], line.language ? strings(lang).broadcasts[line.language === 'cy' ? 'welsh' : 'english'] : '', when ? `${when.date} ${when.time}` : '', read ? String(read.version) : '']);
    }
    await offerFile(context, deps, {
      name: `broadcast-${londonDate(new Date(record.sentAt ?? record.updatedAt))}-${record.id.slice(0, 8)}.csv`,
      contentType: 'text/csv',
      bytes: toCsv(rows, [s.csv.person, s.csv.status, s.csv.language, s.csv.readAt, s.csv.version]),
      description: { en: strings('en').broadcasts.exportDescription, cy: strings('cy').broadcasts.exportDescription },
    });
    await schools.guard.done(actor, role, 'broadcast.export', { kind: 'tenant', id: record.tenantId, label: record[lang].title.slice(0, 100) }, deps.now(), undefined, `rows=${rows.length}`);
    return statusCard(record, lang, s.exportStarted);
  }, { personalOnly: true });
}
