import { randomBytes } from 'node:crypto';
import type { KeyAreaId } from '../content/key-area-schemas';
import type { DocumentCollection } from '../storage/document-collection';
import { safeId } from '../storage/document-collection';
import { updateDocument } from '../storage/update-document';
import type { ConversationRecord } from '../users/conversation-record';
import type { ConversationRef } from '../users/conversation-ref';
import { addPlcMembers, addPlcToTeam } from './plc-membership';
import { channelIndexKey, type Plc, type PlcLanguage } from './plc-record';
import { createOnce, plcOfChannel, type PlcStore } from './plc-repository';

/** What making a PLC needs; the channel, team and school come from Teams and the team's link, never from card data. */
export interface MakePlcInput {
  tenantId: string;
  channel: ConversationRef;
  teamId: string;
  schoolId: string;
  name: string;
  keyAreas: KeyAreaId[];
  language: PlcLanguage;
  makerId: string;
  coOwnerIds: string[];
  /** The team's members as Teams listed them when the PLC was made. */
  memberIds: string[];
}

export type MakePlcOutcome = { kind: 'made'; plc: Plc } | { kind: 'already'; plc: Plc };

/**
 * Makes the channel a PLC. The PLC document is written first and the channel claimed after
 * (a create, so of two people pressing at once exactly one PLC wins; the loser's document is
 * taken back). The channel's conversation is recorded so the engine can post to it, and the
 * team's members (with the maker and co-owners) become members.
 */
export async function makePlc(s: PlcStore, conversations: DocumentCollection<ConversationRecord>, input: MakePlcInput, now: Date): Promise<MakePlcOutcome> {
  const existing = await plcOfChannel(s, input.tenantId, input.channel.conversationId);
  if (existing) return { kind: 'already', plc: existing.value };
  const plcId = `plc-${randomBytes(16).toString('hex')}`;
  const owners = [...new Set([input.makerId, ...input.coOwnerIds])].slice(0, 20);
  const plc: Plc = {
    id: 'plc',
    pk: plcId,
    kind: 'plc',
    tenantId: input.tenantId,
    name: input.name,
    keyAreas: input.keyAreas,
    language: input.language,
    owners,
    status: 'open',
    channels: [{ channelId: input.channel.conversationId, teamId: input.teamId, schoolId: input.schoolId }],
    createdBy: input.makerId,
    createdAt: now.toISOString(),
  };
  await s.plcs.create(plc);
  const claimed = await createOnce(s.plcs, { id: 'channel', pk: channelIndexKey(input.tenantId, input.channel.conversationId), kind: 'plc-channel', plcId });
  if (!claimed) {
    await s.plcs.delete('plc', plcId);
    const winner = await plcOfChannel(s, input.tenantId, input.channel.conversationId);
    if (winner) return { kind: 'already', plc: winner.value };
    throw new Error('channel claimed by a PLC that cannot be read');
  }
  await addPlcToTeam(s, input.tenantId, input.teamId, plcId);
  await recordChannel(conversations, input.channel, now);
  await addPlcMembers(s, input.tenantId, [plcId], [...new Set([...owners, ...input.memberIds])], now);
  return { kind: 'made', plc };
}

/** The channel as a conversation the proactive engine can post into (`conversationRecipient`). */
export async function recordChannel(conversations: DocumentCollection<ConversationRecord>, ref: ConversationRef, now: Date): Promise<void> {
  const id = safeId(ref.conversationId);
  await updateDocument(conversations, id, ref.tenantId, (current): ConversationRecord => ({
    ...(current ?? {}),
    id,
    pk: ref.tenantId,
    kind: 'conversation',
    ref,
    installed: true,
    updatedAt: now.toISOString(),
  }));
}
