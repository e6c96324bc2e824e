import { z } from 'zod';
import type { DocumentCollection } from '../../bot/storage/document-collection';
import { itemBytes, MAX_ITEM_BYTES } from '../../bot/storage/item-size-limit';
import { isConflict, isPreconditionFailed, isTooLarge } from '../../bot/storage/storage-errors';
import { updateDocument } from '../../bot/storage/update-document';

export const noteSchema = z.object({ id: z.string(), pk: z.string(), kind: z.literal('note'), count: z.number(), tags: z.array(z.string()) });
export type Note = z.infer<typeof noteSchema>;

let counter = 0;
const note = (pk: string, extra: Partial<Note> = {}): Note => ({ id: `n${(counter += 1)}`, pk, kind: 'note', count: 0, tags: [], ...extra });

/** The document with one tag of `fill` characters added so its JSON is exactly `bytes` long in UTF-8. */
function sized(doc: Note, bytes: number, fill = 'a'): Note {
  const fillBytes = Buffer.byteLength(fill, 'utf8');
  const room = bytes - itemBytes({ ...doc, tags: [...doc.tags, ''] });
  if (room < 0 || room % fillBytes !== 0) throw new Error(`cannot size a note to ${bytes} bytes with ${JSON.stringify(fill)}`);
  return { ...doc, tags: [...doc.tags, fill.repeat(room / fillBytes)] };
}

/**
 * The behaviour every DocumentCollection must show, run against each implementation
 * (Cosmos protocol on the embedded server, and the in-memory one for unit tests).
 */
export function documentCollectionContract(name: string, make: () => Promise<DocumentCollection<Note>>): void {
  describe(`DocumentCollection contract: ${name}`, () => {
    let notes: DocumentCollection<Note>;
    beforeAll(async () => {
      notes = await make();
    });

    it('when a document is created, then it reads back equal with an eTag', async () => {
      const doc = note('p1', { tags: ['a'] });
      const created = await notes.create(doc);
      const read = await notes.read(doc.id, 'p1');
      expect(read?.value).toEqual(doc);
      expect(read?.etag).toBe(created.etag);
      expect(typeof read?.etag).toBe('string');
    });

    it('when a document does not exist, then read gives undefined', async () => {
      expect(await notes.read('missing', 'p1')).toBeUndefined();
    });

    it('when the same id is created twice in a partition, then the second fails as a conflict', async () => {
      const doc = note('p1');
      await notes.create(doc);
      const err = await notes.create(doc).catch((e: unknown) => e);
      expect(isConflict(err)).toBe(true);
    });

    it('when a document is replaced with its current eTag, then the change is kept and the eTag changes', async () => {
      const doc = note('p1');
      const created = await notes.create(doc);
      const replaced = await notes.replace({ ...doc, count: 5 }, created.etag);
      expect(replaced.etag).not.toBe(created.etag);
      expect((await notes.read(doc.id, 'p1'))?.value.count).toBe(5);
    });

    it('when a document is replaced with a stale eTag, then it fails as a precondition and keeps the newer value', async () => {
      const doc = note('p1');
      const created = await notes.create(doc);
      await notes.replace({ ...doc, count: 1 }, created.etag);
      const err = await notes.replace({ ...doc, count: 99 }, created.etag).catch((e: unknown) => e);
      expect(isPreconditionFailed(err)).toBe(true);
      expect((await notes.read(doc.id, 'p1'))?.value.count).toBe(1);
    });

    it('when twenty writers increment one document at once, then no increment is lost', async () => {
      const doc = note('p2');
      await notes.create(doc);
      await Promise.all(
        Array.from({ length: 20 }, () =>
          updateDocument(notes, doc.id, 'p2', (current) => current && { ...current, count: current.count + 1 }, undefined, 40),
        ),
      );
      expect((await notes.read(doc.id, 'p2'))?.value.count).toBe(20);
    });

    it('when documents are found by field in a partition, then only that partition answers', async () => {
      await notes.create(note('p3', { count: 7 }));
      await notes.create(note('p3', { count: 8 }));
      await notes.create(note('p4', { count: 7 }));
      const found = await notes.findInPartition('p3', { count: 7 });
      expect(found.map((f) => f.value.pk)).toEqual(['p3']);
      expect(found[0]?.value.count).toBe(7);
    });

    it('when a partition is read newest first in pages, then each page continues where the last stopped, in that partition only', async () => {
      for (const id of ['2026-01-03', '2026-01-01', '2026-01-05', '2026-01-02', '2026-01-04']) await notes.create({ ...note('p5'), id });
      await notes.create({ ...note('p6'), id: '2026-01-09' });
      const first = await notes.findPageDescending('p5', {}, { orderBy: 'id', limit: 2 });
      expect(first.map((f) => f.value.id)).toEqual(['2026-01-05', '2026-01-04']);
      const second = await notes.findPageDescending('p5', {}, { orderBy: 'id', limit: 2, before: '2026-01-04' });
      expect(second.map((f) => f.value.id)).toEqual(['2026-01-03', '2026-01-02']);
      const last = await notes.findPageDescending('p5', {}, { orderBy: 'id', limit: 2, before: '2026-01-02' });
      expect(last.map((f) => f.value.id)).toEqual(['2026-01-01']);
    });

    it('when every partition is scanned for a field, then documents of all partitions come back', async () => {
      await notes.create(note('p7', { count: 41 }));
      await notes.create(note('p8', { count: 41 }));
      const found = await notes.scanAllPartitions({ count: 41 });
      expect(found.map((f) => f.value.pk).sort()).toEqual(['p7', 'p8']);
    });

    it("when a document larger than Cosmos's item limit is created or replaced, then it is refused and the stored one is unchanged", async () => {
      const big = sized(note('p9'), MAX_ITEM_BYTES + 1);
      const createErr = await notes.create(big).catch((e: unknown) => e);
      expect(isTooLarge(createErr)).toBe(true);
      expect(await notes.read(big.id, 'p9')).toBeUndefined();

      const doc = note('p9', { count: 3 });
      const created = await notes.create(doc);
      const replaceErr = await notes.replace(sized({ ...doc, count: 4 }, MAX_ITEM_BYTES + 1), created.etag).catch((e: unknown) => e);
      expect(isTooLarge(replaceErr)).toBe(true);
      expect(await notes.read(doc.id, 'p9')).toEqual(created);
    });

    it("when a document's UTF-8 JSON is over the item limit though it has fewer characters, then it is refused", async () => {
      // 'ŵ' is two bytes in UTF-8: Cosmos counts bytes, not characters.
      const welsh = sized(note('p9'), MAX_ITEM_BYTES + 2, 'ŵ');
      expect(JSON.stringify(welsh).length).toBeLessThan(MAX_ITEM_BYTES);
      const err = await notes.create(welsh).catch((e: unknown) => e);
      expect(isTooLarge(err)).toBe(true);
      expect(await notes.read(welsh.id, 'p9')).toBeUndefined();
    });

    it('when a document is exactly at the item limit, then it is stored and replaced like any other', async () => {
      const doc = sized(note('p9'), MAX_ITEM_BYTES);
      const created = await notes.create(doc);
      expect((await notes.read(doc.id, 'p9'))?.value).toEqual(doc);
      const replaced = await notes.replace({ ...doc, count: 1 }, created.etag);
      expect((await notes.read(doc.id, 'p9'))?.etag).toBe(replaced.etag);
    });

    it('when a document is deleted, then it is gone and deleting again is harmless', async () => {
      const doc = note('p1');
      await notes.create(doc);
      await notes.delete(doc.id, 'p1');
      expect(await notes.read(doc.id, 'p1')).toBeUndefined();
      await expect(notes.delete(doc.id, 'p1')).resolves.toBeUndefined();
    });

    it('when a delete names an eTag that is no longer current, then it is refused with 412 and the document stays', async () => {
      const doc = note('p1');
      const created = await notes.create(doc);
      const changed = await notes.replace({ ...doc, count: 2 }, created.etag);
      const refused = await notes.delete(doc.id, 'p1', created.etag).then(() => undefined, (err: unknown) => err);
      expect(isPreconditionFailed(refused)).toBe(true);
      expect((await notes.read(doc.id, 'p1'))?.value.count).toBe(2);
      await notes.delete(doc.id, 'p1', changed.etag);
      expect(await notes.read(doc.id, 'p1')).toBeUndefined();
    });
  });
}
