import { createHash } from 'node:crypto';
import { z } from 'zod';
import { keyAreaIdSchema } from '../content/key-area-schemas';
import { collectionSpec } from '../storage/collection-spec';
import { safeId } from '../storage/document-collection';

/** A PLC's id: random, so one cannot be guessed from another; checked wherever card data names one. */
export const plcIdSchema = z.string().regex(/^plc-[0-9a-f]{32}$/);
/** A resource's id inside its PLC. */
export const resourceIdSchema = z.string().regex(/^r-[0-9a-f]{32}$/);

/** The language a PLC's cards are posted in: Welsh, English, or both on one card (Welsh first). */
export const plcLanguageSchema = z.enum(['cy', 'en', 'both']);
export type PlcLanguage = z.infer<typeof plcLanguageSchema>;

/** A channel that is part of a PLC: the one it was made in, and any joined from other schools' teams. */
export const plcChannelSchema = z.object({
  channelId: z.string(),
  teamId: z.string(),
  schoolId: z.string(),
});
export type PlcChannel = z.infer<typeof plcChannelSchema>;

/** The PLC itself: `id: 'plc'` in the PLC's own partition. */
export const plcSchema = z.object({
  id: z.literal('plc'),
  pk: plcIdSchema,
  kind: z.literal('plc'),
  tenantId: z.string(),
  name: z.string().min(1).max(80),
  keyAreas: z.array(keyAreaIdSchema).min(1),
  language: plcLanguageSchema,
  /** Object ids of the maker and the co-owners they named. */
  owners: z.array(z.string()).min(1).max(20),
  status: z.enum(['open', 'closed']),
  channels: z.array(plcChannelSchema).min(1).max(20),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Plc = z.infer<typeof plcSchema>;

/** "This channel is that PLC": the one document a turn in the channel reads to find its PLC. */
export const plcChannelIndexSchema = z.object({ id: z.literal('channel'), pk: z.string(), kind: z.literal('plc-channel'), plcId: plcIdSchema });
/** The PLCs with a channel in a team, so a membership event of the team reaches them. */
export const plcTeamIndexSchema = z.object({ id: z.literal('team'), pk: z.string(), kind: z.literal('plc-team'), plcIds: z.array(plcIdSchema).max(200) });

/** A shared resource. Nothing of the page is fetched: what people typed is all it holds. */
export const plcResourceSchema = z.object({
  id: resourceIdSchema,
  pk: plcIdSchema,
  kind: z.literal('plc-resource'),
  title: z.string().min(1).max(200),
  url: z.string().max(2000),
  note: z.string().max(1000).optional(),
  keyAreas: z.array(keyAreaIdSchema),
  languages: z.array(z.enum(['cy', 'en'])).max(2),
  sharedBy: z.string(),
  sharedByName: z.string(),
  sharedAt: z.string(),
  useful: z.number().int().min(0),
});
export type PlcResource = z.infer<typeof plcResourceSchema>;

/** Claims a normalised link in a PLC: created once, so two people sharing it at once get one resource. */
export const plcLinkSchema = z.object({ id: z.string(), pk: plcIdSchema, kind: z.literal('plc-link'), resourceId: resourceIdSchema });
/** One person's "useful" vote on one resource: created or removed, so a vote is counted once. */
export const plcVoteSchema = z.object({ id: z.string(), pk: plcIdSchema, kind: z.literal('plc-vote'), resourceId: resourceIdSchema, voter: z.string() });

/** A join code, stored only as a hash of itself: single use, until `expiresAt`, for one PLC. */
export const plcJoinCodeSchema = z.object({ id: z.literal('code'), pk: z.string(), kind: z.literal('plc-code'), plcId: plcIdSchema, tenantId: z.string(), issuedBy: z.string(), expiresAt: z.string(), usedAt: z.string().optional() });
/** Wrong codes typed in one channel in one hour (at most 5 are allowed). */
export const plcCodeTriesSchema = z.object({ id: z.string(), pk: z.string(), kind: z.literal('plc-tries'), wrong: z.number().int().min(0) });
/** A channel of another school's team asking to join, waiting for an owner. */
export const plcJoinRequestSchema = z.object({
  id: z.string(),
  pk: plcIdSchema,
  kind: z.literal('plc-join'),
  channelId: z.string(),
  teamId: z.string(),
  schoolId: z.string(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
});
export type PlcJoinRequest = z.infer<typeof plcJoinRequestSchema>;

const plcDocumentSchema = z.discriminatedUnion('kind', [plcSchema, plcChannelIndexSchema, plcTeamIndexSchema, plcResourceSchema, plcLinkSchema, plcVoteSchema, plcJoinCodeSchema, plcCodeTriesSchema, plcJoinRequestSchema]);
export type PlcDocument = z.infer<typeof plcDocumentSchema>;
export const plcCollection = collectionSpec('plcs', plcDocumentSchema);

/** A person's membership of a PLC, in their own partition of `plc-people`. */
export const plcMemberSchema = z.object({ id: z.string(), pk: z.string(), kind: z.literal('plc-member'), plcId: plcIdSchema, since: z.string() });
/** A resource a person saved for later (for their CPD), in their own partition. */
export const plcSavedSchema = z.object({ id: z.string(), pk: z.string(), kind: z.literal('plc-saved'), plcId: plcIdSchema, resourceId: resourceIdSchema, title: z.string(), url: z.string(), savedAt: z.string() });
const plcPersonDocumentSchema = z.discriminatedUnion('kind', [plcMemberSchema, plcSavedSchema]);
export type PlcPersonDocument = z.infer<typeof plcPersonDocumentSchema>;
export const plcPeopleCollection = collectionSpec('plcPeople', plcPersonDocumentSchema);

/** Where a channel's index document lives. */
export function channelIndexKey(tenantId: string, channelId: string): string {
  return safeId(`channel:${tenantId}:${channelId}`);
}
/** Where a team's index document lives. */
export function teamIndexKey(tenantId: string, teamId: string): string {
  return safeId(`team:${tenantId}:${teamId}`);
}
/** A short fixed-length digest, for ids built from long or untrusted text. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
export const memberId = (plcId: string): string => `member-${plcId}`;
export const savedId = (resourceId: string): string => `saved-${resourceId}`;
export const voteId = (resourceId: string, voter: string): string => `vote-${resourceId}-${digest(voter)}`;
export const linkId = (normalisedUrl: string): string => `link-${digest(normalisedUrl)}`;
/** The outbox key of a resource's card in one channel: votes replace what it delivered. */
export const codeKey = (tenantId: string, code: string): string => `code:${tenantId}:${createHash('sha256').update(code).digest('hex')}`;
export const triesKey = (tenantId: string, channelId: string): string => safeId(`tries:${tenantId}:${channelId}`);
export const joinRequestId = (channelId: string): string => `join-${digest(channelId)}`;
export const resourceCardKey = (resourceId: string, channelId: string): string => `plc-card:${resourceId}:${digest(channelId)}`;
