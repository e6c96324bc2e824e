import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderNoticeCard } from '../../cards/notice-card';
import { renderPlcFormCard, type PlcFormCardData } from '../../cards/plc-form-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { sendCard } from '../app/replies';
import { keyAreaIdSchema } from '../content/key-area-schemas';
import { keyAreaName, keyAreas } from '../content/key-areas';
import { turnData } from '../edge/turn-data';
import { fill, strings, type Strings } from '../i18n/strings';
import { teamSchoolCollection, teamSchoolId } from '../register/team-school';
import { cleanTypedText } from '../text/clean-typed-text';
import { inertMarkdown } from '../text/inert-markdown';
import type { Language } from '../users/user-record';
import { makePlc } from './make-plc';
import type { PlcDigests } from './plc-digest';
import { joinedChannels, plcSettingsCard } from './plc-owners';
import { channelOf, channelRefOf, type ChannelOfTurn } from './plc-channel';
import { teamMemberIds } from './plc-members-from-teams';
import { plcLanguageSchema } from './plc-record';
import { plcOfChannel, type PlcStore } from './plc-repository';

/** What a PLC notice is about; its title says so (making the channel a PLC, joining one, sharing, the resources, running one, saving to my learning). */
export type PlcNoticeTopic = keyof Strings['plc']['noticeTitles'];

/** A short notice titled by what it is about, with a way on. */
export function plcNotice(language: Language, topic: PlcNoticeTopic, text: string, plcId?: string): AdaptiveCardJson {
  const s = strings(language).plc;
  return renderNoticeCard(language, {
    title: s.noticeTitles[topic],
    text,
    actions: plcId ? [{ title: s.library, verb: Verbs.showPlcLibrary, data: { plcId } }] : [{ title: s.help, verb: Verbs.showHelp, data: {} }],
  });
}

/** The form's answers, parsed at the edge (Teams sends multi-select values comma-separated). */
const makeInput = z.object({
  plcName: z.string().max(400).default(''),
  keyAreas: z.string().max(400).default(''),
  plcLanguage: plcLanguageSchema.default('cy'),
  coOwners: z.string().max(2000).default(''),
});
const objectId = z.string().regex(/^[0-9a-fA-F-]{36}$/);

/**
 * `PLC` / `cymuned ddysgu` in a channel of a team linked to a school: the form, then the
 * PLC. The channel, its team and the school come from the activity and the team's link; the
 * form says only the name, key areas, language and co-owners.
 */
export function registerPlc(app: Application, deps: FeatureDeps, plcs: PlcStore, digests: PlcDigests): void {
  const links = deps.store.collection(teamSchoolCollection);

  /** Where a PLC can be made: a channel of a linked team; else the notice saying why not. */
  async function where(context: TurnContext): Promise<{ ok: true; channel: ChannelOfTurn; schoolId: string } | { ok: false; card: AdaptiveCardJson }> {
    const { identity, language } = turnData(context);
    const lang = language();
    const channel = channelOf(context);
    if (!channel) return { ok: false, card: plcNotice(lang, 'make', strings(lang).plc.onlyInTeam) };
    const link = (await links.read(teamSchoolId(channel.teamId), identity.tenantId))?.value;
    if (!link) return { ok: false, card: plcNotice(lang, 'make', strings(lang).plc.notLinked) };
    return { ok: true, channel, schoolId: link.schoolId };
  }

  function form(language: Language, data: Omit<PlcFormCardData, 'keyAreaChoices'> = {}): AdaptiveCardJson {
    return renderPlcFormCard(language, { ...data, keyAreaChoices: keyAreas.map((a) => ({ title: keyAreaName(a.id, language), value: a.id })) });
  }

  app.message(commandSelector('plc', 'cymuned ddysgu', 'cymuned dysgu', 'professional learning community'), async (context) => {
    const lang = turnData(context).language();
    const place = await where(context);
    if (!place.ok) return sendCard(context, place.card);
    const existing = await plcOfChannel(plcs, turnData(context).identity.tenantId, place.channel.channelId);
    // Posted in the channel like any card: only an owner's press is obeyed (checked on the server).
    if (existing?.value.owners.includes(turnData(context).identity.aadObjectId)) return sendCard(context, plcSettingsCard(lang, existing.value, await joinedChannels(deps.store, existing.value)));
    if (existing) return sendCard(context, plcNotice(lang, 'make', fill(strings(lang).plc.already, { name: inertMarkdown(existing.value.name) }), existing.value.pk));
    await sendCard(context, form(lang, { values: { plcLanguage: lang } }));
  });

  // The team welcome card's button: the same as typing PLC, answered to the presser.
  onCardAction(app, Verbs.startPlc, z.object({}), async (context) => {
    const lang = turnData(context).language();
    const place = await where(context);
    if (!place.ok) return place.card;
    const existing = await plcOfChannel(plcs, turnData(context).identity.tenantId, place.channel.channelId);
    if (existing) return plcNotice(lang, 'make', fill(strings(lang).plc.already, { name: inertMarkdown(existing.value.name) }), existing.value.pk);
    return form(lang, { values: { plcLanguage: lang } });
  });

  onCardAction(app, Verbs.makePlc, makeInput, async (context, input) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const s = strings(lang).plc;
    const place = await where(context);
    if (!place.ok) return place.card;
    const name = cleanTypedText(input.plcName, { maxLength: 80 });
    const areas = input.keyAreas.split(',').map((a) => a.trim()).filter(Boolean);
    const chosen = areas.flatMap((a) => (keyAreaIdSchema.safeParse(a).success ? [keyAreaIdSchema.parse(a)] : []));
    const coOwners = input.coOwners.split(',').map((o) => o.trim()).filter((o) => objectId.safeParse(o).success).slice(0, 19);
    const errors = { plcName: name ? '' : s.nameMissing, keyAreas: chosen.length && chosen.length === areas.length ? '' : s.keyAreasMissing };
    if (errors.plcName || errors.keyAreas) return form(lang, { values: { ...input, plcName: input.plcName.slice(0, 80) }, errors });
    const members = (await teamMemberIds(context)) ?? [];
    const outcome = await makePlc(
      plcs,
      deps.store.conversations,
      {
        tenantId: identity.tenantId,
        channel: channelRefOf(context, place.channel),
        teamId: place.channel.teamId,
        schoolId: place.schoolId,
        name,
        keyAreas: [...new Set(chosen)],
        language: input.plcLanguage,
        makerId: identity.aadObjectId,
        coOwnerIds: coOwners,
        memberIds: members,
      },
      deps.now(),
    );
    if (outcome.kind === 'made') await digests.start(outcome.plc, deps.now());
    const text = outcome.kind === 'made' ? s.made : s.already;
    return plcNotice(lang, 'make', fill(text, { name: inertMarkdown(outcome.plc.name) }), outcome.plc.pk);
  });
}
