import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { broadcastFormValuesSchema, renderBroadcastComposeCard, type BroadcastFormErrors, type BroadcastFormValues } from '../../cards/broadcast-compose-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { bulkDeliveryKey } from '../proactive/bulk-message';
import { conversationRecipient } from '../proactive/conversation-recipient';
import type { Actor } from '../roles/admin-guard';
import type { HeldRolesWithRecords } from '../roles/admin-scope';
import { refusalCard } from '../roles/refusal-card';
import type { SchoolServices } from '../roles/school-services';
import { languageSchema, userKey, type Language } from '../users/user-record';
import { resolveAudience, type AudienceRequest } from './broadcast-audience';
import { broadcastBulkKey, broadcastBulkKeys, broadcastsPartition, type BroadcastRecord } from './broadcast-record';
import type { BroadcastServices } from './broadcast-services';
import { activityBytes, broadcastContent, CARD_LIMIT_BYTES, recipientCard } from './broadcast-views';
import { BODY_MAX, checkBroadcastForm, TITLE_MAX, type CheckedForm } from './check-broadcast-form';
import type { Stored } from '../storage/document-collection';
import { audienceProblemText, BIG_AUDIENCE, composeChoices, previewCard, valuesOf } from './compose-view';
import { broadcastListCard } from './broadcast-list';
import { withdrawnCard } from './withdrawn-views';
import { ownBroadcast as ownOf } from './broadcast-access';
import { registerBroadcastFollowUp } from './register-broadcast-follow-up';
import { countOf } from '../i18n/count-forms';

const idInput = z.string().min(1).max(100);
const sendInput = z.object({ id: idInput, confirmed: z.boolean().default(false) });
const recipientInput = z.object({ id: idInput, language: languageSchema });
/**
 * The form as submitted. Teams stops typing at the card's lengths, but a crafted submit may
 * send more: up to twice as much is answered with "too long" at the field, not refused whole.
 */
const previewInput = broadcastFormValuesSchema.extend({
  titleCy: z.string().max(2 * TITLE_MAX).default(''),
  titleEn: z.string().max(2 * TITLE_MAX).default(''),
  bodyCy: z.string().max(2 * BODY_MAX).default(''),
  bodyEn: z.string().max(2 * BODY_MAX).default(''),
});

/** What the form shows again: what was typed, cut to what its fields hold. */
function shownValues(values: Partial<BroadcastFormValues>): Partial<BroadcastFormValues> {
  const cut = (text: string | undefined, max: number) => (text === undefined ? undefined : Array.from(text).slice(0, max).join('').slice(0, max));
  return { ...values, titleCy: cut(values.titleCy, TITLE_MAX), titleEn: cut(values.titleEn, TITLE_MAX), bodyCy: cut(values.bodyCy, BODY_MAX), bodyEn: cut(values.bodyEn, BODY_MAX) };
}

/**
 * `broadcast` / `darlledu`: an administrator writes a policy update in Welsh and English,
 * previews it with its audience's figures, and sends it once through the engine's bulk lane;
 * each recipient reads it in their language, can read the other in place, and confirms
 * reading it when asked. Every act is decided from the actor's stored roles, never card data.
 */
export function registerBroadcasts(app: Application, deps: FeatureDeps, schools: SchoolServices, services: BroadcastServices): void {
  const { broadcasts } = services;
  const actorOf = (context: TurnContext): Actor => {
    const { identity, session } = turnData(context);
    return { identity, name: session.user.name };
  };
  const audienceDeps = { store: deps.store, content: deps.content, register: schools.register, memberships: schools.memberships };
  const notice = (language: Language, text: string, title = strings(language).broadcasts.listTitle): AdaptiveCardJson =>
    renderNoticeCard(language, {
      title,
      text,
      tone: 'attention',
      actions: [
        { title: strings(language).broadcasts.listTitle, verb: Verbs.listBroadcasts, data: {} },
        { title: strings(language).common.help, verb: Verbs.showHelp, data: {} },
      ],
    });

  /** The form again with what was typed and the problems at their fields. */
  const formCard = (language: Language, held: HeldRolesWithRecords, values: Partial<BroadcastFormValues>, errors: Partial<BroadcastFormErrors> = {}, lead = '', correcting = false): AdaptiveCardJson =>
    renderBroadcastComposeCard(language, {
      ...composeChoices(deps.content, held, language),
      correcting,
      values: shownValues(values),
      errors,
      lead: Object.keys(errors).length > 0 ? strings(language).broadcasts.problemsLead : lead,
      leadTone: Object.keys(errors).length > 0 ? 'attention' : 'warning',
    });

  /** A broadcast the actor may work on: in their tenant, and theirs unless they administer the tenant. */
  const ownBroadcast = (actor: Actor, held: HeldRolesWithRecords, id: string) => ownOf(broadcasts, actor, held, id);

  /** The compose form: empty, or a draft of the actor's to carry on with. */
  const open = async (context: TurnContext, draftId?: string): Promise<AdaptiveCardJson> => {
    const lang = turnData(context).language();
    const actor = actorOf(context);
    const verdict = await schools.guard.anyRole(actor, 'broadcast.open', deps.now());
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    if (!draftId) return formCard(lang, verdict.target, {});
    const draft = await ownBroadcast(actor, verdict.target, draftId);
    if (!draft) return notice(lang, strings(lang).broadcasts.notFound);
    if (draft.value.withdrawn) return notice(lang, strings(lang).broadcasts.alreadyWithdrawn);
    // A sent one opens for correction: its words and link; audience and timing stay as sent.
    if (draft.value.status === 'sent') return formCard(lang, verdict.target, valuesOf(draft.value), {}, strings(lang).broadcasts.editing, true);
    return formCard(lang, verdict.target, valuesOf(draft.value));
  };
  app.message(commandSelector('broadcast', 'darlledu'), async (context) => sendPersonalCard(context, () => open(context)));
  onCardAction(app, Verbs.composeBroadcast, z.object({ id: idInput.optional() }), async (context, data) => open(context, data.id), { personalOnly: true });

  // Preview: the form checked, the audience resolved inside the author's scope, the draft kept.
  onCardAction(app, Verbs.previewBroadcast, previewInput, async (context, values) => {
    const lang = turnData(context).language();
    const actor = actorOf(context);
    const now = deps.now();
    const verdict = await schools.guard.anyRole(actor, 'broadcast.open', now);
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const held = verdict.target;
    const sentOne = values.id ? await ownBroadcast(actor, held, values.id) : undefined;
    const correcting = sentOne?.value.status === 'sent';
    const checked = checkBroadcastForm(values, lang, now);
    if (!checked.form) return formCard(lang, held, values, checked.errors, '', correcting);
    const form = checked.form;
    if (sentOne && correcting) return previewCorrection(lang, held, values, sentOne, form);
    const request: AudienceRequest = { kind: form.audienceKind, laId: form.laId, schools: form.schools, familyIds: form.familyIds, levels: form.levels, channels: form.channels };
    const audience = await resolveAudience(audienceDeps, actor.identity.tenantId, held, request);
    if (!audience.ok) return formCard(lang, held, values, { audience: audienceProblemText(audience.problem, lang) });
    const existing = values.id ? await ownBroadcast(actor, held, values.id) : undefined;
    if (existing?.value.status === 'sent') return notice(lang, strings(lang).broadcasts.alreadySent);
    const record: BroadcastRecord = {
      id: existing?.value.id ?? randomUUID(),
      pk: broadcastsPartition(actor.identity.tenantId),
      kind: 'broadcast',
      tenantId: actor.identity.tenantId.toLowerCase(),
      authorId: existing?.value.authorId ?? actor.identity.aadObjectId.toLowerCase(),
      ...(actor.name ? { authorName: actor.name.slice(0, 100) } : {}),
      status: 'draft',
      en: form.en,
      cy: form.cy,
      ...(form.link ? { link: form.link } : {}),
      confirmRead: form.confirmRead,
      ...(form.readBy ? { readBy: form.readBy } : {}),
      ...(form.remindAfterDays ? { remindAfterDays: form.remindAfterDays } : {}),
      audience: audience.resolved.audience,
      urgent: form.urgent,
      ...(form.sendAt ? { sendAt: form.sendAt.toISOString() } : {}),
      resends: 0,
      version: 1,
      createdAt: existing?.value.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const tooLarge = (['en', 'cy'] as const).filter((l) => activityBytes(recipientCard(record, l)) > CARD_LIMIT_BYTES);
    if (tooLarge.length > 0) {
      const p = strings(lang).broadcasts.problems.tooLarge;
      return formCard(lang, held, values, Object.fromEntries(tooLarge.map((l) => [l === 'en' ? 'bodyEn' : 'bodyCy', p])));
    }
    if (existing) {
      if (!(await broadcasts.replace(record, existing.etag))) return notice(lang, strings(lang).broadcasts.alreadySent);
    } else await broadcasts.create(record);
    const r = audience.resolved;
    return previewCard(deps.content, held, lang, record, { known: r.recipients.length - r.channels, channels: r.channels, reachable: r.reachable, unreachable: r.unreachable, ratePerSecond: deps.config.TEAMS_TENANT_RATE_PER_SECOND, now: deps.now() }, false);
  }, { personalOnly: true });

  /** A correction of a sent broadcast, kept aside until saved, previewed as its readers will see it. */
  const previewCorrection = async (lang: Language, held: HeldRolesWithRecords, values: BroadcastFormValues, stored: Stored<BroadcastRecord>, form: CheckedForm): Promise<AdaptiveCardJson> => {
    const s = strings(lang).broadcasts;
    if (stored.value.withdrawn) return notice(lang, s.alreadyWithdrawn);
    const pendingEdit = { en: form.en, cy: form.cy, ...(form.link ? { link: form.link } : {}) };
    const corrected: BroadcastRecord = { ...stored.value, en: form.en, cy: form.cy, link: form.link, editedAt: deps.now().toISOString() };
    const tooLarge = (['en', 'cy'] as const).filter((l) => activityBytes(recipientCard(corrected, l)) > CARD_LIMIT_BYTES);
    if (tooLarge.length > 0) return formCard(lang, held, values, Object.fromEntries(tooLarge.map((l) => [l === 'en' ? 'bodyEn' : 'bodyCy', s.problems.tooLarge])), '', true);
    if (!(await broadcasts.replace({ ...stored.value, pendingEdit, updatedAt: deps.now().toISOString() }, stored.etag))) return notice(lang, s.alreadySent);
    const count = stored.value.recipients ?? 0;
    return previewCard(deps.content, held, lang, corrected, { known: count, reachable: count, unreachable: 0, ratePerSecond: deps.config.TEAMS_TENANT_RATE_PER_SECOND }, false, true);
  };

  // Send: what was previewed (the stored draft, never the card's inputs), once.
  onCardAction(app, Verbs.sendBroadcast, sendInput, async (context, data) => {
    const lang = turnData(context).language();
    const s = strings(lang).broadcasts;
    const actor = actorOf(context);
    const now = deps.now();
    const verdict = await schools.guard.anyRole(actor, 'broadcast.send', now);
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const held = verdict.target;
    const stored = await ownBroadcast(actor, held, data.id);
    if (!stored) return notice(lang, s.notFound);
    const record = stored.value;
    if (record.status === 'sent') return notice(lang, s.alreadySent);
    if (record.sendAt && new Date(record.sendAt).getTime() <= now.getTime()) {
      return formCard(lang, held, valuesOf(record), { sendAt: s.problems.pastTime });
    }
    // The audience again, now: the author's scope or the schools' staff may have changed since the preview.
    const request: AudienceRequest = { kind: record.audience.kind, laId: record.audience.laId, schools: record.audience.schoolIds, familyIds: record.audience.familyIds, levels: record.audience.levels, channels: record.audience.channels };
    const audience = await resolveAudience(audienceDeps, actor.identity.tenantId, held, request);
    if (!audience.ok) return formCard(lang, held, valuesOf(record), { audience: audienceProblemText(audience.problem, lang) });
    const r = audience.resolved;
    if (r.recipients.length - r.channels > BIG_AUDIENCE && !data.confirmed) {
      return previewCard(deps.content, held, lang, record, { known: r.recipients.length - r.channels, channels: r.channels, reachable: r.reachable, unreachable: r.unreachable, ratePerSecond: deps.config.TEAMS_TENANT_RATE_PER_SECOND, now: deps.now() }, true);
    }
    // The bulk message first, idempotent by the broadcast's key; then the record says sent.
    // A second Send finds the message there ('duplicate') or the record already sent.
    const enqueued = await services.bulkOutbox.enqueue({
      key: broadcastBulkKey(record.tenantId, record.id),
      recipients: r.recipients,
      content: broadcastContent(record),
      ...(record.sendAt ? { notBefore: new Date(record.sendAt) } : {}),
      quietHours: !record.urgent,
      ...(!record.urgent && r.holidays.length > 0 ? { schoolHolidays: r.holidays } : {}),
    });
    const sent: BroadcastRecord = { ...record, ...(r.holidays.length > 0 ? { schoolHolidays: r.holidays } : {}), status: 'sent', recipients: r.recipients.length, sentAt: now.toISOString(), updatedAt: now.toISOString() };
    if (enqueued === 'duplicate' || !(await broadcasts.replace(sent, stored.etag))) return notice(lang, s.alreadySent);
    await services.liveStatus.start(sent, record.sendAt ? new Date(record.sendAt) : now);
    await services.reminders.plan(sent, record.sendAt ? new Date(record.sendAt) : now);
    await schools.guard.done(actor, verdict.role, 'broadcast.send', { kind: 'tenant', id: record.tenantId, label: record[lang].title.slice(0, 100) }, now, record.audience.laId, `recipients=${r.recipients.length}`);
    return renderNoticeCard(lang, {
      title: s.sentTitle,
      text: fill(s.sentText, { title: record[lang].title, people: countOf(r.recipients.length, s.people) }),
      actions: [
        { title: s.listTitle, verb: Verbs.listBroadcasts, data: {} },
        { title: strings(lang).common.help, verb: Verbs.showHelp, data: {} },
      ],
    });
  }, { personalOnly: true });

  // A recipient's card: the other language in place, and "I have read this" recorded once.
  const forRecipient = async (context: TurnContext, id: string) => {
    const { identity } = turnData(context);
    const stored = await broadcasts.get(identity.tenantId, id);
    if (!stored || stored.value.status !== 'sent') return undefined;
    // In a team channel the card reached the channel: anyone in it may read it and confirm.
    const conversation = context.activity.conversation;
    const recipient = conversation?.conversationType === 'channel' ? conversationRecipient(identity.tenantId, conversation.id.split(';')[0]!) : userKey(identity);
    for (const key of broadcastBulkKeys(stored.value)) {
      if (await services.outbox.get(bulkDeliveryKey(key, recipient))) return stored.value;
    }
    return undefined;
  };
  onCardAction(app, Verbs.showBroadcast, recipientInput, async (context, data) => {
    const lang = turnData(context).language();
    const record = await forRecipient(context, data.id);
    if (!record) return notice(lang, strings(lang).broadcasts.notFound);
    if (record.withdrawn) return withdrawnCard(record, data.language);
    return recipientCard(record, data.language, await broadcasts.readOf(record.tenantId, record.id, userKey(turnData(context).identity)));
  });
  onCardAction(app, Verbs.confirmBroadcastRead, recipientInput, async (context, data) => {
    const lang = turnData(context).language();
    const record = await forRecipient(context, data.id);
    if (!record) return notice(lang, strings(lang).broadcasts.notForYou);
    if (record.withdrawn) return withdrawnCard(record, data.language);
    if (!record.confirmRead) return recipientCard(record, data.language);
    const read = await broadcasts.confirmRead(record.tenantId, record.id, userKey(turnData(context).identity), deps.now(), record.version);
    return recipientCard(record, data.language, read);
  });

  // The list: the author's broadcasts (a tenant administrator's: all), with their figures.
  const list = async (context: TurnContext): Promise<AdaptiveCardJson> => {
    const lang = turnData(context).language();
    const actor = actorOf(context);
    const verdict = await schools.guard.anyRole(actor, 'broadcast.open', deps.now());
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const found = await broadcasts.list(actor.identity.tenantId, verdict.target.tenant ? undefined : actor.identity.aadObjectId.toLowerCase());
    return broadcastListCard(lang, verdict.target.tenant, found, (b) => broadcasts.reads(b.tenantId, b.id).then((r) => r.length));
  };
  app.message(commandSelector('broadcasts', 'darllediadau'), async (context) => sendPersonalCard(context, () => list(context)));
  onCardAction(app, Verbs.listBroadcasts, z.object({}), async (context) => list(context), { personalOnly: true });
  registerBroadcastFollowUp(app, deps, schools, services);
}
