import { z } from 'zod';
import type { SchoolEntry } from '../register/school-entry';
import { schoolKey } from '../school/school-settings';
import { collectionSpec } from '../storage/collection-spec';
import type { Store } from '../storage/store';
import { isConflict } from '../storage/storage-errors';
import { updateDocument } from '../storage/update-document';
import { compactFacts, figureFactsSchema } from './figure-person';
import { figuresPartition } from './figures-snapshot';
import { figureEntryKey, figuresSchoolCollection, FIGURES_SCHOOL_ID, type FiguresSchool } from './figures-school';
import { withEntry } from './figure-records';

/**
 * The first storage of the figures: one `figures-person` document per person per school in
 * the school's partition of `memberships` (`id` = `figures:{user key}`). Read only to move
 * such documents into their school's `figures-school` document once, and by erasure and
 * the download until they have moved.
 */
export const legacyFigurePersonSchema = figureFactsSchema.extend({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('figures-person'),
});
export type LegacyFigurePerson = z.infer<typeof legacyFigurePersonSchema>;

/** The collection of the first, per-person figure documents. */
export const legacyFigurePersonCollection = collectionSpec('memberships', legacyFigurePersonSchema);

/** The id a person's first-storage figure document had in a school's partition. */
export function legacyFigurePersonId(userKey: string): string {
  return `figures:${userKey}`;
}

const LEGACY_PREFIX = 'figures:';

/** "This tenant's per-person documents have moved": one small document beside the tenant's snapshots. */
const movedSchema = z.object({ id: z.literal('figures-records-moved'), pk: z.string(), kind: z.literal('figures-records-moved'), moved: z.number().int(), at: z.string().datetime() });
const movedCollection = collectionSpec('schools', movedSchema);

/**
 * Moves a tenant's first-storage per-person documents into their schools' documents, once:
 * one scan of `memberships` the first night after the change, then a marker so every later
 * night costs one point read. An entry already in a school's document is newer and stays;
 * a moved document is deleted. Idempotent: a crash half-way moves the rest on the next night.
 */
export async function moveLegacyFigureRecords(store: Store, tenantId: string, schools: SchoolEntry[], now: Date): Promise<number> {
  const marker = store.collection(movedCollection);
  const pk = figuresPartition(tenantId);
  if (await marker.read('figures-records-moved', pk)) return 0;
  const bySchool = new Map(schools.map((s) => [schoolKey(tenantId, s.id), s.id]));
  const legacy = store.collection(legacyFigurePersonCollection);
  const found = (await legacy.scanAllPartitions({ kind: 'figures-person' })).filter((d) => bySchool.has(d.value.pk));
  const documents = store.collection(figuresSchoolCollection);
  for (const { value, etag } of found) {
    const schoolId = bySchool.get(value.pk)!;
    const key = figureEntryKey(value.id.startsWith(LEGACY_PREFIX) ? value.id.slice(LEGACY_PREFIX.length) : value.id);
    const at = { pk: value.pk, schoolId };
    const facts = compactFacts(figureFactsSchema.parse(value));
    await updateDocument(documents, FIGURES_SCHOOL_ID, value.pk, (current: FiguresSchool | undefined) => (current?.people[key] ? undefined : withEntry(current, at, key, facts, now)));
    await legacy.delete(value.id, value.pk, etag);
  }
  try {
    await marker.create({ id: 'figures-records-moved', pk, kind: 'figures-records-moved', moved: found.length, at: now.toISOString() });
  } catch (err) {
    // Another instance finished the same move first.
    if (!isConflict(err)) throw err;
  }
  return found.length;
}
