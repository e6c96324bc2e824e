import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { sendCard } from '../app/replies';
import { isPersonal } from '../edge/activity-facts';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import { teamSchoolCollection, teamSchoolId } from '../register/team-school';
import { inertMarkdown } from '../text/inert-markdown';
import { userKey, type Language, type UserIdentity } from '../users/user-record';
import { channelOf, channelRefOf } from './plc-channel';
import { approveJoin, issueJoinCode, redeemJoinCode } from './plc-joining';
import { plcIdSchema, type Plc } from './plc-record';
import { readPlc, type PlcStore } from './plc-repository';
import type { PlcSharing } from './plc-sharing';
import { plcNotice } from './register-plc';

/** `join <code>` / `ymuno <cod>` typed in a channel. */
const JOIN = /^\s*(?:join|ymuno)\s+([0-9A-Za-z -]{1,40})\s*$/i;

/** The team's members, for a channel approved into a PLC (empty if Teams cannot list them: its events fill it later). */
async function teamMembers(context: TurnContext, teamId: string): Promise<string[]> {
  try {
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await TeamsInfo.getPagedTeamMembers(context, teamId, 500, token);
      for (const m of page.members) if (typeof m.aadObjectId === 'string' && m.aadObjectId.length <= 64) ids.push(m.aadObjectId);
      token = page.continuationToken || undefined;
    } while (token && ids.length < 25_000);
    return ids;
  } catch {
    return [];
  }
}

/**
 * PLCs across schools: an owner gets a join code in their one-to-one chat (never in a
 * channel), someone in a channel of another school's team types it, and an owner approves
 * the channel from a card. Owner and membership are read from the store for every act.
 */
export function registerPlcJoining(app: Application, deps: FeatureDeps, plcs: PlcStore, sharing: PlcSharing, outbox: Outbox): void {
  const links = deps.store.collection(teamSchoolCollection);

  async function ownedPlc(identity: UserIdentity, plcId: string): Promise<Plc | undefined> {
    const plc = (await readPlc(plcs, identity.tenantId, plcId))?.value;
    return plc && plc.owners.includes(identity.aadObjectId) ? plc : undefined;
  }

  const codeCard = (language: Language, plc: Plc, code: string): AdaptiveCardJson =>
    renderNoticeCard(language, { title: strings(language).plc.joinCodeTitle, text: fill(strings(language).plc.codeIssued, { name: inertMarkdown(plc.name), code }) });

  app.message(commandSelector('join code', 'cod ymuno'), async (context) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const s = strings(lang).plc;
    if (!isPersonal(context.activity)) return sendCard(context, plcNotice(lang, 'join', s.codeInChat));
    const owned = (await Promise.all((await sharing.plcsOf(identity)).map((p) => ownedPlc(identity, p.id)))).filter((p): p is Plc => p !== undefined);
    if (owned.length === 0) return sendCard(context, plcNotice(lang, 'join', s.noOwnedPlcs));
    await sendCard(
      context,
      renderNoticeCard(lang, {
        title: s.joinCodeTitle,
        text: s.sendCode,
        actions: owned.slice(0, 5).map((p) => ({ title: fill(s.codeFor, { name: p.name.slice(0, 100) }), verb: Verbs.issueJoinCode, data: { plcId: p.pk } })),
      }),
    );
  });

  onCardAction(app, Verbs.issueJoinCode, z.object({ plcId: plcIdSchema }), async (context, input) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const plc = await ownedPlc(identity, input.plcId);
    if (!plc) return plcNotice(lang, 'join', strings(lang).plc.ownersOnly);
    if (plc.status !== 'open') return plcNotice(lang, 'join', strings(lang).plc.closed, plc.pk);
    const code = await issueJoinCode(plcs, plc, identity.aadObjectId, deps.now());
    if (isPersonal(context.activity)) return codeCard(lang, plc, code);
    // Pressed in a channel: the code goes to the owner's one-to-one chat, never where others read.
    await outbox.enqueue({
      key: `plc-code:${plc.pk}:${identity.aadObjectId}:${deps.now().getTime()}`,
      recipient: userKey(identity),
      content: { en: { card: codeCard('en', plc, code) }, cy: { card: codeCard('cy', plc, code) } },
      quietHours: false,
    });
    return plcNotice(lang, 'join', strings(lang).plc.codeSent, plc.pk);
  });

  app.message(
    async (context) => context.activity.type === 'message' && JOIN.test(context.activity.text ?? ''),
    async (context) => {
      const { identity, session, language } = turnData(context);
      const lang = language();
      const s = strings(lang).plc;
      const channel = channelOf(context);
      if (!channel) return sendCard(context, plcNotice(lang, 'join', s.onlyInTeam));
      const link = (await links.read(teamSchoolId(channel.teamId), identity.tenantId))?.value;
      if (!link) return sendCard(context, plcNotice(lang, 'join', s.notLinked));
      const typed = JOIN.exec(context.activity.text ?? '')?.[1] ?? '';
      const place = { tenantId: identity.tenantId, channel: channelRefOf(context, channel), teamId: channel.teamId, schoolId: link.schoolId, requester: identity.aadObjectId, requesterName: session.user.name ?? '' };
      const outcome = await redeemJoinCode(plcs, deps.store.conversations, place, typed, deps.now());
      if (outcome.kind !== 'requested') {
        const text = { 'too-many': s.joinTooMany, wrong: s.joinWrong, expired: s.joinExpired, used: s.joinUsed, 'already-plc': s.joinAlreadyPlc }[outcome.kind];
        return sendCard(context, plcNotice(lang, 'join', text));
      }
      const { plc, request } = outcome;
      const ask = (l: Language) =>
        renderNoticeCard(l, {
          title: fill(strings(l).plc.joinRequestTitle, { name: inertMarkdown(plc.name) }),
          text: fill(strings(l).plc.joinRequestText, { who: inertMarkdown(request.requestedByName || '—') }),
          actions: [{ title: strings(l).plc.approve, verb: Verbs.approveJoin, data: { plcId: plc.pk, requestId: request.id } }],
        });
      for (const owner of plc.owners) {
        await outbox.enqueue({
          key: `plc-join:${plc.pk}:${request.id}:${owner}`,
          recipient: userKey({ tenantId: plc.tenantId, aadObjectId: owner }),
          content: { en: { card: ask('en') }, cy: { card: ask('cy') } },
          quietHours: false,
        });
      }
      await sendCard(context, plcNotice(lang, 'join', fill(s.joinAsked, { name: inertMarkdown(plc.name) })));
    },
  );

  onCardAction(app, Verbs.approveJoin, z.object({ plcId: plcIdSchema, requestId: z.string().regex(/^join-[0-9a-f]{32}$/) }), async (context, input) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const plc = await ownedPlc(identity, input.plcId);
    if (!plc) return plcNotice(lang, 'join', strings(lang).plc.ownersOnly);
    const request = (await plcs.plcs.read(input.requestId, plc.pk))?.value;
    if (request?.kind !== 'plc-join') return plcNotice(lang, 'join', strings(lang).plc.notWaiting, plc.pk);
    const members = await teamMembers(context, request.teamId);
    const outcome = await approveJoin(plcs, plc, request, members, deps.now());
    return plcNotice(lang, 'join', outcome === 'approved' ? fill(strings(lang).plc.approved, { name: inertMarkdown(plc.name) }) : strings(lang).plc.notWaiting, plc.pk);
  });
}
