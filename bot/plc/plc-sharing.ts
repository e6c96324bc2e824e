import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { keyAreaIdSchema, type KeyAreaId } from '../content/key-area-schemas';
import { conversationRecipient } from '../proactive/conversation-recipient';
import type { Outbox } from '../proactive/outbox-queue';
import { cleanTypedText } from '../text/clean-typed-text';
import { userKey, type Language, type UserIdentity } from '../users/user-record';
import { parseSharedLink } from './plc-link';
import { linkId, memberId, resourceCardKey, type Plc, type PlcResource } from './plc-record';
import { createOnce, isPlcMember, readPlc, readResource, resourcesOf, type PlcStore } from './plc-repository';
import { channelContent, channelLanguage, inPlcLanguage, resourceCardIn } from './plc-views';

/** A PLC as a person's list shows it. */
export interface PlcSummary {
  id: string;
  name: string;
}

/** A resource as search sees it (the PLC's members only). */
export interface PlcResourceForSearch {
  id: string;
  plcId: string;
  title: string;
  note?: string;
  url: string;
  keyAreas: string[];
  languages: ('cy' | 'en')[];
  sharedByName: string;
  sharedAt: string;
  useful: number;
}

/** What a person shares: from `share <link> <note>` or the message extension's form. */
export interface ShareInput {
  title: string;
  url: string;
  note?: string;
  keyAreas: string[];
  languages: ('cy' | 'en')[];
}

export type ShareOutcome =
  | { kind: 'shared'; resourceId: string }
  | { kind: 'duplicate'; firstSharedByName: string; firstSharedAt: string }
  | { kind: 'refused'; reason: 'not-member' | 'closed' | 'unknown-plc' | 'bad-input'; message?: string };

/** Sharing into PLCs, for the channel commands and the message extension alike. */
export interface PlcSharing {
  /** PLCs the person is a member of (one partition read, then one point read per PLC). */
  plcsOf(identity: UserIdentity): Promise<PlcSummary[]>;
  /** Resources of their PLCs, for search: membership, then one partition read per PLC. */
  resourcesFor(identity: UserIdentity): Promise<PlcResourceForSearch[]>;
  /** Shares a resource into a PLC the actor is a member of, and posts its card in every channel of the PLC. */
  share(actor: { identity: UserIdentity; name: string }, plcId: string, input: ShareInput, now: Date): Promise<ShareOutcome>;
  /** The resource's card, for a member of its PLC; undefined for anyone else or an unknown id. */
  resourceCard(identity: UserIdentity, resourceId: string, language: 'cy' | 'en'): Promise<Record<string, unknown> | undefined>;
}

const shareInputSchema = z.object({
  title: z.string().transform((t) => cleanTypedText(t, { maxLength: 200 })).pipe(z.string().min(1)),
  url: z.string().max(4000),
  note: z
    .string()
    .optional()
    // As long as the share form allows (1,000): cutting shorter here would silently lose what a
    // person typed after the form had accepted it.
    .transform((n) => cleanTypedText(n, { maxLength: 1000, multiline: true })),
  keyAreas: z.array(keyAreaIdSchema).max(7),
  languages: z.array(z.enum(['cy', 'en'])).max(2),
});

/** The PLC a resource belongs to is checked for membership and state before anything is written. */
export type PlcGate = { ok: true; plc: Plc } | { ok: false; reason: 'not-member' | 'closed' | 'unknown-plc' };

/** Builds the sharing service on the PLC collections and the proactive outbox. */
export function createPlcSharing(s: PlcStore, outbox: Outbox): PlcSharing & PlcActions {
  async function gate(identity: UserIdentity, plcId: string, open: boolean): Promise<PlcGate> {
    const plc = await readPlc(s, identity.tenantId, plcId);
    if (!plc) return { ok: false, reason: 'unknown-plc' };
    if (!(await isPlcMember(s, identity, plcId))) return { ok: false, reason: 'not-member' };
    if (open && plc.value.status !== 'open') return { ok: false, reason: 'closed' };
    return { ok: true, plc: plc.value };
  }

  async function postEverywhere(plc: Plc, resource: PlcResource): Promise<void> {
    const content = channelContent(plc, (language) => resourceCardIn(language, plc.name, resource));
    for (const channel of plc.channels) {
      await outbox.enqueue({
        key: resourceCardKey(resource.id, channel.channelId),
        recipient: conversationRecipient(plc.tenantId, channel.channelId),
        content,
        language: channelLanguage(plc),
        quietHours: false,
      });
    }
  }

  async function plcsOf(identity: UserIdentity): Promise<PlcSummary[]> {
    const memberships = await s.people.findInPartition(userKey(identity), { kind: 'plc-member' });
    const plcs = await Promise.all(memberships.map((m) => (m.value.kind === 'plc-member' ? readPlc(s, identity.tenantId, m.value.plcId) : undefined)));
    return plcs.flatMap((p) => (p && p.value.status === 'open' ? [{ id: p.value.pk, name: p.value.name }] : []));
  }

  return {
    plcsOf,
    async resourcesFor(identity) {
      const mine = await plcsOf(identity);
      const lists = await Promise.all(mine.map((p) => resourcesOf(s, p.id)));
      return lists.flat().map((r) => ({
        id: r.id,
        plcId: r.pk,
        title: r.title,
        ...(r.note ? { note: r.note } : {}),
        url: r.url,
        keyAreas: r.keyAreas,
        languages: r.languages,
        sharedByName: r.sharedByName,
        sharedAt: r.sharedAt,
        useful: r.useful,
      }));
    },
    async share(actor, plcId, input, now) {
      const parsed = shareInputSchema.safeParse(input);
      const link = parsed.success ? parseSharedLink(parsed.data.url) : undefined;
      if (!parsed.success || !link) return { kind: 'refused', reason: 'bad-input' };
      const verdict = await gate(actor.identity, plcId, true);
      if (!verdict.ok) return { kind: 'refused', reason: verdict.reason };
      const resourceId = `r-${randomBytes(16).toString('hex')}`;
      // The link is claimed first: of two people sharing it at once, one resource is made.
      const claimed = await createOnce(s.plcs, { id: linkId(link.normalised), pk: plcId, kind: 'plc-link', resourceId });
      if (!claimed) {
        const claim = (await s.plcs.read(linkId(link.normalised), plcId))?.value;
        const first = claim?.kind === 'plc-link' ? await readResource(s, plcId, claim.resourceId) : undefined;
        if (first) return { kind: 'duplicate', firstSharedByName: first.sharedByName, firstSharedAt: first.sharedAt };
        // A claim whose resource was removed: the link may be shared again.
        await s.plcs.delete(linkId(link.normalised), plcId);
        return this.share(actor, plcId, input, now);
      }
      const keyAreas: KeyAreaId[] = parsed.data.keyAreas.length ? parsed.data.keyAreas : verdict.plc.keyAreas;
      const resource: PlcResource = {
        id: resourceId,
        pk: plcId,
        kind: 'plc-resource',
        title: parsed.data.title,
        url: link.url,
        ...(parsed.data.note ? { note: parsed.data.note } : {}),
        keyAreas,
        languages: parsed.data.languages,
        sharedBy: actor.identity.aadObjectId,
        sharedByName: cleanTypedText(actor.name, { maxLength: 100 }) || '—',
        sharedAt: now.toISOString(),
        useful: 0,
      };
      await s.plcs.create(resource);
      await postEverywhere(verdict.plc, resource);
      return { kind: 'shared', resourceId };
    },
    async resourceCard(identity, resourceId, language) {
      for (const plc of await plcsOf(identity)) {
        const resource = await readResource(s, plc.id, resourceId);
        if (resource) return resourceCardIn(language, plc.name, resource);
      }
      return undefined;
    },
    gate,
    async firstCardFor(plc, normalisedUrl, heading) {
      const claim = (await s.plcs.read(linkId(normalisedUrl), plc.pk))?.value;
      const first = claim?.kind === 'plc-link' ? await readResource(s, plc.pk, claim.resourceId) : undefined;
      return first ? inPlcLanguage(plc.language, (language) => resourceCardIn(language, plc.name, first, heading(language, first))) : undefined;
    },
    async resourceOf(plcId, resourceId) {
      return readResource(s, plcId, resourceId);
    },
    memberKey: (identity, plcId) => ({ id: memberId(plcId), pk: userKey(identity) }),
  };
}

/** What the channel routes need beyond the agreed sharing interface. */
export interface PlcActions {
  gate(identity: UserIdentity, plcId: string, open: boolean): Promise<PlcGate>;
  /** The first card of a link already shared in the PLC, headed by `heading` ("already shared by …"). */
  firstCardFor(plc: Plc, normalisedUrl: string, heading: (language: Language, first: PlcResource) => string): Promise<Record<string, unknown> | undefined>;
  resourceOf(plcId: string, resourceId: string): Promise<PlcResource | undefined>;
  memberKey(identity: UserIdentity, plcId: string): { id: string; pk: string };
}
