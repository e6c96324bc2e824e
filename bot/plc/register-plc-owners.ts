import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import { cleanTypedText } from '../text/clean-typed-text';
import { inertMarkdown } from '../text/inert-markdown';
import type { UserIdentity } from '../users/user-record';
import { closePlc, joinedChannels, plcSettingsCard, removeJoinedChannel, removeResource, renamePlc } from './plc-owners';
import { plcIdSchema, resourceIdSchema, type Plc } from './plc-record';
import { readPlc, readResource, type PlcStore } from './plc-repository';
import { plcNotice } from './register-plc';

/**
 * What only a PLC's owners may do: rename it, close it, remove a resource. Whether the
 * presser is an owner is read from the PLC itself, never from the card.
 */
export function registerPlcOwners(app: Application, deps: FeatureDeps, plcs: PlcStore, outbox: Outbox): void {
  async function owned(identity: UserIdentity, plcId: string): Promise<{ ok: true; plc: Plc } | { ok: false; card: (language: 'cy' | 'en') => AdaptiveCardJson }> {
    const plc = await readPlc(plcs, identity.tenantId, plcId);
    if (!plc) return { ok: false, card: (l) => plcNotice(l, 'owners', strings(l).plc.unknown) };
    if (!plc.value.owners.includes(identity.aadObjectId)) return { ok: false, card: (l) => plcNotice(l, 'owners', strings(l).plc.ownersOnly, plcId) };
    return { ok: true, plc: plc.value };
  }

  onCardAction(app, Verbs.renamePlc, z.object({ plcId: plcIdSchema, plcName: z.string().max(400).default('') }), async (context, input) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await owned(identity, input.plcId);
    if (!verdict.ok) return verdict.card(lang);
    const name = cleanTypedText(input.plcName, { maxLength: 80 });
    if (!name) return plcSettingsCard(lang, verdict.plc, await joinedChannels(deps.store, verdict.plc), '', input.plcName.slice(0, 80), strings(lang).plc.nameMissing);
    const renamed = await renamePlc(plcs, verdict.plc, name);
    return plcSettingsCard(lang, renamed, await joinedChannels(deps.store, renamed), fill(strings(lang).plc.renamed, { name: inertMarkdown(renamed.name) }));
  });

  onCardAction(app, Verbs.removePlcChannel, z.object({ plcId: plcIdSchema, channel: z.string().regex(/^[0-9a-f]{32}$/) }), async (context, input) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await owned(identity, input.plcId);
    if (!verdict.ok) return verdict.card(lang);
    const removed = await removeJoinedChannel(plcs, verdict.plc, input.channel);
    if (!removed) return plcNotice(lang, 'owners', strings(lang).plc.unknown, input.plcId);
    const after = (await readPlc(plcs, identity.tenantId, input.plcId))?.value ?? verdict.plc;
    const joined = await joinedChannels(deps.store, verdict.plc);
    const school = joined.find((j) => j.channel === input.channel)?.school ?? '';
    return plcSettingsCard(lang, after, await joinedChannels(deps.store, after), fill(strings(lang).plc.channelRemoved, { school }));
  });

  onCardAction(app, Verbs.closePlc, z.object({ plcId: plcIdSchema }), async (context, input) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await owned(identity, input.plcId);
    if (!verdict.ok) return verdict.card(lang);
    await closePlc(plcs, verdict.plc);
    return plcNotice(lang, 'owners', strings(lang).plc.closedNow, verdict.plc.pk);
  });

  onCardAction(app, Verbs.removeResource, z.object({ plcId: plcIdSchema, resourceId: resourceIdSchema }), async (context, input) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await owned(identity, input.plcId);
    if (!verdict.ok) return verdict.card(lang);
    const resource = await readResource(plcs, input.plcId, input.resourceId);
    if (!resource) return plcNotice(lang, 'owners', strings(lang).plc.unknown, input.plcId);
    await removeResource(plcs, outbox, verdict.plc, resource, deps.now());
    return plcNotice(lang, 'owners', fill(strings(lang).plc.removedDone, { title: inertMarkdown(resource.title) }), input.plcId);
  });
}
