import type { ExportFile } from '../../../bot/export/export-file';
import { MAX_WAITING_OFFERS, OFFER_LIFETIME_MS, UPLOAD_LEASE_MS, type FileOffer } from '../../../bot/export/file-offer';
import { claimOffer, findOffer, releaseOffer, saveOffer } from '../../../bot/export/offer-repository';
import { MemoryCollection } from '../../../bot/storage/memory-collection';
import { userKey } from '../../../bot/users/user-record';

const owner = { tenantId: '11111111-2222-3333-4444-555555555555', aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001' };
const file: ExportFile = { name: 'audit.csv', contentType: 'text/csv', bytes: Buffer.from('"a"\r\n'), description: { en: 'Audit', cy: 'Archwiliad' } };
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 14, 13, 0) + minutes * 60_000);

describe('file offers in the store', () => {
  it('when a person has more offers waiting than allowed, then the oldest go and expired ones are removed', async () => {
    const store = { fileOffers: new MemoryCollection<FileOffer>() };
    const first = await saveOffer(store, owner, file, at(0));
    const kept: string[] = [];
    for (let i = 1; i <= MAX_WAITING_OFFERS; i += 1) kept.push((await saveOffer(store, owner, file, at(i))).id);
    const waiting = (await store.fileOffers.findInPartition(userKey(owner), {})).map((s) => s.value.id);
    expect(waiting.sort()).toEqual([...kept].sort());
    expect(waiting).not.toContain(first.id);

    const later = at(OFFER_LIFETIME_MS / 60_000 + 10);
    const fresh = await saveOffer(store, owner, file, later);
    expect((await store.fileOffers.findInPartition(userKey(owner), {})).map((s) => s.value.id)).toEqual([fresh.id]);
  });

  it('when an offer has expired, then it is not found and is removed', async () => {
    const store = { fileOffers: new MemoryCollection<FileOffer>() };
    const offer = await saveOffer(store, owner, file, at(0));
    expect(await findOffer(store, owner, offer.id, at(OFFER_LIFETIME_MS / 60_000 + 1))).toBeUndefined();
    expect(await store.fileOffers.read(offer.id, offer.pk)).toBeUndefined();
  });

  it('when two accepts meet, then one claims the offer, the other is told it is busy until the lease ends or it is released', async () => {
    const store = { fileOffers: new MemoryCollection<FileOffer>() };
    const offer = await saveOffer(store, owner, file, at(0));
    const claim = await claimOffer(store, owner, offer.id, at(1));
    expect(claim.status).toBe('claimed');
    expect((await claimOffer(store, owner, offer.id, at(1))).status).toBe('busy');
    expect((await claimOffer(store, owner, offer.id, at(1 + UPLOAD_LEASE_MS / 60_000 + 1))).status).toBe('claimed');

    const again = await saveOffer(store, owner, file, at(5));
    const held = await claimOffer(store, owner, again.id, at(6));
    if (held.status !== 'claimed') throw new Error('expected a claim');
    await releaseOffer(store, held);
    expect((await claimOffer(store, owner, again.id, at(6))).status).toBe('claimed');
  });

  it("when someone else asks for an offer by its id, then they find nothing", async () => {
    const store = { fileOffers: new MemoryCollection<FileOffer>() };
    const offer = await saveOffer(store, owner, file, at(0));
    const other = { ...owner, aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002' };
    expect(await findOffer(store, other, offer.id, at(1))).toBeUndefined();
    expect((await claimOffer(store, other, offer.id, at(1))).status).toBe('gone');
    expect((await claimOffer(store, { ...owner, tenantId: '99999999-2222-3333-4444-555555555555' }, offer.id, at(1))).status).toBe('gone');
  });
});
