import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { sendCard } from '../app/replies';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import { inertMarkdown } from '../text/inert-markdown';
import type { Language } from '../users/user-record';
import { channelOf } from './plc-channel';
import { libraryCard, libraryRequestSchema } from './plc-library';
import { parseSharedLink, titleFromLink } from './plc-link';
import { plcIdSchema, resourceIdSchema, type Plc } from './plc-record';
import { plcOfChannel, resourcesOf, type PlcStore } from './plc-repository';
import type { PlcActions, PlcGate, PlcSharing } from './plc-sharing';
import { inPlcLanguage, resourceCardIn } from './plc-views';
import { saveForLater, toggleUseful } from './plc-votes';
import { plcNotice, type PlcNoticeTopic } from './register-plc';
import { dayInWales } from '../i18n/date-writer';

/** `share <link> <note>` / `rhannu …`: the words that start a share typed in a channel. */
const SHARE = /^\s*(?:share|rhannu)(?:\s+(\S+)(?:\s+([\s\S]*))?)?\s*$/i;
const resourceAction = z.object({ plcId: plcIdSchema, resourceId: resourceIdSchema });

/** Words for why an act on a PLC was refused. */
export function refusalText(language: Language, reason: Exclude<PlcGate, { ok: true }>['reason'] | 'bad-input'): string {
  const s = strings(language).plc;
  return { 'not-member': s.notMember, closed: s.closed, 'unknown-plc': s.unknown, 'bad-input': s.badInput }[reason];
}

/**
 * Sharing, voting, saving and the library, in a PLC's channel. Every act checks, from the
 * store, that the person is a member of the PLC named (card data is only a claim) and that
 * it is open, before anything is written.
 */
export function registerPlcSharing(app: Application, deps: FeatureDeps, plcs: PlcStore, sharing: PlcSharing & PlcActions, outbox: Outbox): void {
  async function channelPlc(context: TurnContext, topic: PlcNoticeTopic): Promise<{ ok: true; plc: Plc } | { ok: false; card: AdaptiveCardJson }> {
    const { identity, language } = turnData(context);
    const lang = language();
    const channel = channelOf(context);
    if (!channel) return { ok: false, card: plcNotice(lang, topic, strings(lang).plc.onlyInTeam) };
    const plc = await plcOfChannel(plcs, identity.tenantId, channel.channelId);
    return plc ? { ok: true, plc: plc.value } : { ok: false, card: plcNotice(lang, topic, strings(lang).plc.notPlc) };
  }

  app.message(
    async (context) => context.activity.type === 'message' && SHARE.test(context.activity.text ?? ''),
    async (context) => {
      const { identity, session, language } = turnData(context);
      const lang = language();
      const here = await channelPlc(context, 'share');
      if (!here.ok) return sendCard(context, here.card);
      const [, rawLink = '', note = ''] = SHARE.exec(context.activity.text ?? '') ?? [];
      const link = parseSharedLink(rawLink);
      if (!link) return sendCard(context, plcNotice(lang, 'share', strings(lang).plc.badLink, here.plc.pk));
      const outcome = await sharing.share(
        { identity, name: session.user.name ?? '' },
        here.plc.pk,
        { title: titleFromLink(link.url), url: link.url, note, keyAreas: [], languages: [] },
        deps.now(),
      );
      if (outcome.kind === 'shared') return; // its card comes to every channel of the PLC through the outbox
      if (outcome.kind === 'refused') return sendCard(context, plcNotice(lang, 'share', refusalText(lang, outcome.reason), here.plc.pk));
      const heading = (l: Language) => fill(strings(l).plc.duplicate, { name: inertMarkdown(outcome.firstSharedByName), date: dayInWales(outcome.firstSharedAt, l) });
      const first = await sharing.firstCardFor(here.plc, link.normalised, heading);
      await sendCard(context, (first as AdaptiveCardJson | undefined) ?? plcNotice(lang, 'share', heading(lang), here.plc.pk));
    },
  );

  onCardAction(app, Verbs.voteUseful, resourceAction, async (context, input) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await sharing.gate(identity, input.plcId, true);
    if (!verdict.ok) return plcNotice(lang, 'resources', refusalText(lang, verdict.reason));
    const resource = await sharing.resourceOf(input.plcId, input.resourceId);
    if (!resource) return plcNotice(lang, 'resources', strings(lang).plc.unknown, input.plcId);
    const result = await toggleUseful(plcs, outbox, verdict.plc, resource, identity, deps.now());
    return inPlcLanguage(verdict.plc.language, (l) => resourceCardIn(l, verdict.plc.name, result.resource, result.voted ? strings(l).plc.voted : strings(l).plc.unvoted));
  });

  onCardAction(app, Verbs.saveResource, resourceAction, async (context, input) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await sharing.gate(identity, input.plcId, false);
    if (!verdict.ok) return plcNotice(lang, 'resources', refusalText(lang, verdict.reason));
    const resource = await sharing.resourceOf(input.plcId, input.resourceId);
    if (!resource) return plcNotice(lang, 'resources', strings(lang).plc.unknown, input.plcId);
    const fresh = await saveForLater(plcs, identity, resource, deps.now());
    return inPlcLanguage(verdict.plc.language, (l) => resourceCardIn(l, verdict.plc.name, resource, fill(fresh ? strings(l).plc.saved : strings(l).plc.alreadySaved, { title: inertMarkdown(resource.title) })));
  });

  async function library(context: TurnContext, plc: Plc, request: z.infer<typeof libraryRequestSchema>): Promise<AdaptiveCardJson> {
    const resources = await resourcesOf(plcs, plc.pk);
    return inPlcLanguage(plc.language, (l) => libraryCard(l, plc, resources, request));
  }

  app.message(commandSelector('library', 'llyfrgell'), async (context) => {
    const { identity, language } = turnData(context);
    const here = await channelPlc(context, 'resources');
    if (!here.ok) return sendCard(context, here.card);
    const verdict = await sharing.gate(identity, here.plc.pk, false);
    if (!verdict.ok) return sendCard(context, plcNotice(language(), 'resources', refusalText(language(), verdict.reason)));
    await sendCard(context, await library(context, here.plc, libraryRequestSchema.parse({ plcId: here.plc.pk })));
  });

  onCardAction(app, Verbs.showPlcLibrary, libraryRequestSchema, async (context, input) => {
    const { identity, language } = turnData(context);
    const verdict = await sharing.gate(identity, input.plcId, false);
    if (!verdict.ok) return plcNotice(language(), 'resources', refusalText(language(), verdict.reason));
    return library(context, verdict.plc, input);
  });
}
