import { randomUUID } from 'node:crypto';
import type { DocumentCollection } from '../storage/document-collection';
import type { Store } from '../storage/store';
import { isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { userKey, type UserIdentity } from '../users/user-record';
import type { ExportFile } from './export-file';
import { fileOffersCollection, isLive, MAX_WAITING_OFFERS, OFFER_LIFETIME_MS, UPLOAD_LEASE_MS, type FileOffer } from './file-offer';

/** The part of the store offers live in. */
export interface OfferStore {
  fileOffers: DocumentCollection<FileOffer>;
}

/** The offers' collection in Cefnogi's store. */
export function offerStoreOf(store: Pick<Store, 'collection'>): OfferStore {
  return { fileOffers: store.collection(fileOffersCollection) };
}

/** An offer the caller now holds for its upload, with the eTag that releasing it needs. */
export type Claim = { status: 'claimed'; offer: FileOffer; etag: string } | { status: 'gone' } | { status: 'busy' };

/**
 * Stores a new offer in its person's partition. Their offers that expired are removed
 * first, and past `MAX_WAITING_OFFERS` the oldest goes, so what one person leaves waiting
 * stays bounded even where Cosmos's `ttl` does not run (the embedded store).
 */
export async function saveOffer(store: OfferStore, owner: UserIdentity, file: ExportFile, now: Date): Promise<FileOffer> {
  const pk = userKey(owner);
  const waiting = (await store.fileOffers.findInPartition(pk, { kind: 'file-offer' })).map((s) => s.value);
  const live = waiting.filter((o) => isLive(o, now)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const dropped = [...waiting.filter((o) => !isLive(o, now)), ...live.slice(0, Math.max(0, live.length - MAX_WAITING_OFFERS + 1))];
  for (const offer of dropped) await store.fileOffers.delete(offer.id, pk);
  const offer: FileOffer = {
    id: randomUUID(),
    pk,
    kind: 'file-offer',
    tenantId: owner.tenantId.toLowerCase(),
    aadObjectId: owner.aadObjectId.toLowerCase(),
    name: file.name,
    contentType: file.contentType,
    size: file.bytes.length,
    bytes: file.bytes.toString('base64'),
    status: 'offered',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + OFFER_LIFETIME_MS).toISOString(),
    // A day after it stops being acceptable, whatever happened to the instance handling it.
    ttl: Math.ceil((2 * OFFER_LIFETIME_MS) / 1000),
  };
  await store.fileOffers.create(offer);
  return offer;
}

/**
 * The person's own offer with this id, if it is still waiting. The id comes from a card,
 * so it is only looked for in the acting person's partition and the owner is checked
 * again: someone else's id finds nothing.
 */
export async function findOffer(store: OfferStore, owner: UserIdentity, offerId: string, now: Date): Promise<{ offer: FileOffer; etag: string } | undefined> {
  const stored = await store.fileOffers.read(offerId, userKey(owner));
  if (!stored || !owns(stored.value, owner)) return undefined;
  if (!isLive(stored.value, now)) {
    await store.fileOffers.delete(offerId, userKey(owner));
    return undefined;
  }
  return { offer: stored.value, etag: stored.etag };
}

/**
 * Takes the offer for one upload: a conditional write, so two accepts (a double press,
 * two devices, two instances) never both upload. A holder that died lets go when its
 * lease ends.
 */
export async function claimOffer(store: OfferStore, owner: UserIdentity, offerId: string, now: Date): Promise<Claim> {
  const found = await findOffer(store, owner, offerId, now);
  if (!found) return { status: 'gone' };
  const { offer, etag } = found;
  if (offer.status === 'uploading' && offer.leaseUntil && Date.parse(offer.leaseUntil) > now.getTime()) return { status: 'busy' };
  const claimed: FileOffer = { ...offer, status: 'uploading', leaseUntil: new Date(now.getTime() + UPLOAD_LEASE_MS).toISOString() };
  try {
    const stored = await store.fileOffers.replace(claimed, etag);
    return { status: 'claimed', offer: stored.value, etag: stored.etag };
  } catch (err) {
    if (isPreconditionFailed(err)) return { status: 'busy' };
    if (isNotFound(err)) return { status: 'gone' };
    throw err;
  }
}

/** Gives a claimed offer back after a failed upload, so the person can accept it again. */
export async function releaseOffer(store: OfferStore, claim: { offer: FileOffer; etag: string }): Promise<void> {
  const offered: FileOffer = { ...claim.offer, status: 'offered' };
  delete offered.leaseUntil;
  try {
    await store.fileOffers.replace(offered, claim.etag);
  } catch (err) {
    if (!isPreconditionFailed(err) && !isNotFound(err)) throw err;
  }
}

/** Removes an offer once it is uploaded or declined. */
export async function removeOffer(store: OfferStore, offer: Pick<FileOffer, 'id' | 'pk'>): Promise<void> {
  await store.fileOffers.delete(offer.id, offer.pk);
}

function owns(offer: FileOffer, owner: UserIdentity): boolean {
  return offer.tenantId === owner.tenantId.toLowerCase() && offer.aadObjectId === owner.aadObjectId.toLowerCase();
}
