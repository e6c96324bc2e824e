import type { Outbox } from '../proactive/outbox-queue';
import { updateDocument } from '../storage/update-document';
import type { UserIdentity } from '../users/user-record';
import { resourceCardKey, savedId, voteId, type Plc, type PlcDocument, type PlcResource } from './plc-record';
import { createOnce, type PlcStore } from './plc-repository';
import { channelContent, resourceCardIn } from './plc-views';
import { userKey } from '../users/user-record';

/**
 * Toggles one person's "useful" vote: their vote is a document of its own (created or
 * removed, so it counts once however often they press), the count on the resource moves with
 * it under its eTag, and the card is replaced in every channel of the PLC through the outbox.
 */
export async function toggleUseful(s: PlcStore, outbox: Outbox, plc: Plc, resource: PlcResource, voter: UserIdentity, now: Date): Promise<{ voted: boolean; resource: PlcResource }> {
  const id = voteId(resource.id, voter.aadObjectId);
  const existing = (await s.plcs.read(id, plc.pk))?.value;
  let voted: boolean;
  if (existing?.kind === 'plc-vote') {
    await s.plcs.delete(id, plc.pk);
    voted = false;
  } else {
    voted = true;
    if (!(await createOnce(s.plcs, { id, pk: plc.pk, kind: 'plc-vote', resourceId: resource.id, voter: voter.aadObjectId }))) return { voted, resource };
  }
  const stored = await updateDocument(s.plcs, resource.id, plc.pk, (current): PlcDocument | undefined =>
    current?.kind === 'plc-resource' ? { ...current, useful: Math.max(0, current.useful + (voted ? 1 : -1)) } : undefined,
  );
  const updated = stored?.value.kind === 'plc-resource' ? stored.value : resource;
  const content = channelContent(plc, (language) => resourceCardIn(language, plc.name, updated));
  for (const channel of plc.channels) {
    const of = resourceCardKey(resource.id, channel.channelId);
    await outbox.enqueueUpdate({ key: `${of}:useful:${updated.useful}:${now.getTime()}`, of, content });
  }
  return { voted, resource: updated };
}

/** Keeps a resource in the person's saved list (their own partition); false when it was already there. */
export async function saveForLater(s: PlcStore, identity: UserIdentity, resource: PlcResource, now: Date): Promise<boolean> {
  return createOnce(s.people, {
    id: savedId(resource.id),
    pk: userKey(identity),
    kind: 'plc-saved',
    plcId: resource.pk,
    resourceId: resource.id,
    title: resource.title,
    url: resource.url,
    savedAt: now.toISOString(),
  });
}

/** What a person saved for later, newest first (one partition read): for the CPD log to pick up. */
export async function savedResourcesOf(s: PlcStore, identity: UserIdentity): Promise<{ plcId: string; resourceId: string; title: string; url: string; savedAt: string }[]> {
  const found = await s.people.findInPartition(userKey(identity), { kind: 'plc-saved' });
  return found
    .map((f) => f.value)
    .flatMap((v) => (v.kind === 'plc-saved' ? [{ plcId: v.plcId, resourceId: v.resourceId, title: v.title, url: v.url, savedAt: v.savedAt }] : []))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}
