import { randomBytes } from 'node:crypto';
import type { DocumentCollection } from '../storage/document-collection';
import { isConflict, isPreconditionFailed } from '../storage/storage-errors';
import { updateDocument } from '../storage/update-document';
import type { ConversationRecord } from '../users/conversation-record';
import type { ConversationRef } from '../users/conversation-ref';
import { recordChannel } from './make-plc';
import { addPlcMembers, addPlcToTeam } from './plc-membership';
import { channelIndexKey, codeKey, joinRequestId, triesKey, type Plc, type PlcDocument, type PlcJoinRequest } from './plc-record';
import { createOnce, plcOfChannel, readPlc, type PlcStore } from './plc-repository';

/** A code works for a day. */
export const CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Wrong codes a channel may type in one clock hour before it must wait. */
export const MAX_WRONG_CODES_PER_HOUR = 5;
/** Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new code: 80 random bits as 16 characters, shown in groups of four. */
export function newJoinCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i += 1) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** A typed code in the form it is stored by: upper case, without spaces or dashes; undefined if it cannot be one. */
export function normaliseJoinCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(code) ? code : undefined;
}

/** Issues a single-use code for the PLC (stored as its hash, never as itself). */
export async function issueJoinCode(s: PlcStore, plc: Plc, issuer: string, now: Date): Promise<string> {
  const shown = newJoinCode();
  const code = normaliseJoinCode(shown)!;
  await s.plcs.create({ id: 'code', pk: codeKey(plc.tenantId, code), kind: 'plc-code', plcId: plc.pk, tenantId: plc.tenantId, issuedBy: issuer, expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS).toISOString() });
  return shown;
}

/** Where a join is asked from: a channel of a team linked to a school, all from Teams and the team's link. */
export interface JoinPlace {
  tenantId: string;
  channel: ConversationRef;
  teamId: string;
  schoolId: string;
  requester: string;
  requesterName: string;
}

export type RedeemOutcome =
  | { kind: 'requested'; plc: Plc; request: PlcJoinRequest }
  | { kind: 'too-many' | 'wrong' | 'expired' | 'used' | 'already-plc' };

/**
 * A code typed in a channel of another school's team: checked (5 wrong tries per channel per
 * hour, expiry, single use, same tenant by construction: the code is looked up under the
 * tenant of the channel), then used up, and a join request waits for an owner's approval.
 */
export async function redeemJoinCode(s: PlcStore, conversations: DocumentCollection<ConversationRecord>, place: JoinPlace, typed: string, now: Date): Promise<RedeemOutcome> {
  const triesPk = triesKey(place.tenantId, place.channel.conversationId);
  const triesId = `h-${Math.floor(now.getTime() / 3_600_000)}`;
  const tries = (await s.plcs.read(triesId, triesPk))?.value;
  if (tries?.kind === 'plc-tries' && tries.wrong >= MAX_WRONG_CODES_PER_HOUR) return { kind: 'too-many' };
  const code = normaliseJoinCode(typed);
  const stored = code ? await s.plcs.read('code', codeKey(place.tenantId, code)) : undefined;
  if (!stored || stored.value.kind !== 'plc-code') {
    await updateDocument(s.plcs, triesId, triesPk, (current): PlcDocument => ({ id: triesId, pk: triesPk, kind: 'plc-tries', wrong: (current?.kind === 'plc-tries' ? current.wrong : 0) + 1 }));
    return { kind: 'wrong' };
  }
  const found = stored.value;
  if (found.usedAt) return { kind: 'used' };
  if (found.expiresAt <= now.toISOString()) return { kind: 'expired' };
  if (await plcOfChannel(s, place.tenantId, place.channel.conversationId)) return { kind: 'already-plc' };
  const plc = await readPlc(s, place.tenantId, found.plcId);
  if (!plc || plc.value.status !== 'open') return { kind: 'expired' };
  try {
    await s.plcs.replace({ ...found, usedAt: now.toISOString() }, stored.etag);
  } catch (err) {
    if (isPreconditionFailed(err) || isConflict(err)) return { kind: 'used' };
    throw err;
  }
  const request: PlcJoinRequest = {
    id: joinRequestId(place.channel.conversationId),
    pk: plc.value.pk,
    kind: 'plc-join',
    channelId: place.channel.conversationId,
    teamId: place.teamId,
    schoolId: place.schoolId,
    requestedBy: place.requester,
    requestedByName: place.requesterName,
    requestedAt: now.toISOString(),
  };
  await createOnce(s.plcs, request);
  await recordChannel(conversations, place.channel, now);
  return { kind: 'requested', plc: plc.value, request };
}

/**
 * An owner approves a waiting channel: it is added to the PLC (and claimed, so it is never
 * part of two), its team's membership events reach the PLC, and its members join.
 */
export async function approveJoin(s: PlcStore, plc: Plc, request: PlcJoinRequest, memberIds: string[], now: Date): Promise<'approved' | 'already-plc'> {
  if (!(await createOnce(s.plcs, { id: 'channel', pk: channelIndexKey(plc.tenantId, request.channelId), kind: 'plc-channel', plcId: plc.pk }))) {
    await s.plcs.delete(request.id, plc.pk);
    return 'already-plc';
  }
  await updateDocument(s.plcs, 'plc', plc.pk, (current): PlcDocument | undefined =>
    current?.kind === 'plc' && !current.channels.some((c) => c.channelId === request.channelId)
      ? { ...current, channels: [...current.channels, { channelId: request.channelId, teamId: request.teamId, schoolId: request.schoolId }] }
      : undefined,
  );
  await addPlcToTeam(s, plc.tenantId, request.teamId, plc.pk);
  await addPlcMembers(s, plc.tenantId, [plc.pk], [...new Set([request.requestedBy, ...memberIds])], now);
  await s.plcs.delete(request.id, plc.pk);
  return 'approved';
}
