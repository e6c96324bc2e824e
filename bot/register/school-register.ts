import type { SchoolSettings } from '../school/school-settings';
import { foldSchoolName, newSchoolDocument, schoolKey } from '../school/school-settings';
import type { Stored } from '../storage/document-collection';
import type { Store } from '../storage/store';
import { updateDocument } from '../storage/update-document';
import { itemBytes } from '../storage/item-size-limit';
import { runConcurrently } from '../proactive/run-concurrently';
import { catalogueCollection, catalogueKey, MAX_SCHOOLS_PER_TENANT } from './school-catalogue';
import { schoolIdFor, type SchoolEntry } from './school-entry';

/** A school to add or update: with no id, matched by its Welsh Government number, else new. */
export type SchoolInput = Omit<SchoolEntry, 'id'> & { id?: string };

/** What a save did. */
export type SaveOutcome = { kind: 'saved'; added: SchoolEntry[]; updated: SchoolEntry[] } | { kind: 'too-many'; limit: number } | { kind: 'too-large' };

/**
 * The most the catalogue document may take: well inside Cosmos's 2 MB item limit (which also
 * counts its own fields). Wales's ~1,460 schools take about 290 KB; only very long names in
 * both languages could bring 3,000 schools near it.
 */
export const CATALOGUE_BUDGET_BYTES = 1_800_000;

/** How long a catalogue read serves search in this instance; writes here refresh it at once. */
const CATALOGUE_FRESH_MS = 10_000;
/** School documents written at once by an import. */
const WRITE_CONCURRENCY = 8;

/**
 * The tenant's register of schools: a catalogue for finding (one document per tenant, read
 * at most every few seconds per instance) and each school's own document, the authority for
 * every decision (read fresh, by key).
 */
export interface SchoolRegister {
  catalogue(tenantId: string): Promise<SchoolEntry[]>;
  school(tenantId: string, schoolId: string): Promise<Stored<SchoolSettings> | undefined>;
  save(tenantId: string, inputs: SchoolInput[], actorId: string, now: Date): Promise<SaveOutcome>;
}

export function createSchoolRegister(store: Store, clock: () => number = () => Date.now()): SchoolRegister {
  const catalogues = store.collection(catalogueCollection);
  const cache = new Map<string, { entries: SchoolEntry[]; at: number }>();

  return {
    async catalogue(tenantId) {
      const tenant = tenantId.toLowerCase();
      const kept = cache.get(tenant);
      if (kept && clock() - kept.at < CATALOGUE_FRESH_MS) return kept.entries;
      const key = catalogueKey(tenant);
      const entries = (await catalogues.read(key, key))?.value.schools ?? [];
      cache.set(tenant, { entries, at: clock() });
      return entries;
    },

    async school(tenantId, schoolId) {
      const key = schoolKey(tenantId, schoolId);
      const found = await store.schools.read(key, key);
      return found?.value.entry ? found : undefined;
    },

    async save(tenantId, inputs, actorId, now) {
      const tenant = tenantId.toLowerCase();
      const key = catalogueKey(tenant);
      const outcome: { added: SchoolEntry[]; updated: SchoolEntry[]; tooMany: boolean; tooLarge: boolean } = { added: [], updated: [], tooMany: false, tooLarge: false };
      const saved = await updateDocument(catalogues, key, key, (current) => {
        const schools = [...(current?.schools ?? [])];
        const byNumber = new Map(schools.flatMap((s, i) => (s.number ? [[s.number, i] as const] : [])));
        const byId = new Map(schools.map((s, i) => [s.id, i] as const));
        // A school with no number is found again by its folded name in its authority, so a
        // re-import updates it rather than adding it twice.
        const unnumbered = (s: { name: string; laId: string }) => `${s.laId}:${foldSchoolName(s.name)}`;
        const byName = new Map(schools.flatMap((s, i) => (s.number ? [] : [[unnumbered(s), i] as const])));
        outcome.added = [];
        outcome.updated = [];
        for (const input of inputs) {
          const at = input.id !== undefined ? byId.get(input.id) : input.number !== undefined ? byNumber.get(input.number) : byName.get(unnumbered(input));
          if (at !== undefined) {
            const entry = { ...input, id: schools[at]!.id };
            schools[at] = entry;
            outcome.updated.push(entry);
          } else {
            const entry = { ...input, id: input.id ?? schoolIdFor(input.number) };
            byId.set(entry.id, schools.length);
            if (entry.number) byNumber.set(entry.number, schools.length);
            else byName.set(unnumbered(entry), schools.length);
            schools.push(entry);
            outcome.added.push(entry);
          }
        }
        outcome.tooMany = schools.length > MAX_SCHOOLS_PER_TENANT;
        if (outcome.tooMany) return undefined;
        const next = { id: key, pk: key, kind: 'school-catalogue' as const, tenantId: tenant, schools, updatedAt: now.toISOString() };
        outcome.tooLarge = itemBytes(next) > CATALOGUE_BUDGET_BYTES;
        return outcome.tooLarge ? undefined : next;
      });
      if (outcome.tooMany) return { kind: 'too-many', limit: MAX_SCHOOLS_PER_TENANT };
      if (outcome.tooLarge) return { kind: 'too-large' };
      if (saved) cache.set(tenant, { entries: saved.value.schools, at: clock() });
      // Each school's own document follows the catalogue; a crash between them is repaired by saving again.
      await runConcurrently([...outcome.added, ...outcome.updated], WRITE_CONCURRENCY, async (entry) => {
        const docKey = schoolKey(tenant, entry.id);
        await updateDocument(store.schools, docKey, docKey, (doc) =>
          doc
            ? { ...doc, schoolId: entry.id, entry, schoolName: entry.name, updatedAt: now.toISOString(), updatedBy: actorId }
            : newSchoolDocument(tenant, entry, actorId, now),
        );
      });
      return { kind: 'saved', added: outcome.added, updated: outcome.updated };
    },
  };
}
