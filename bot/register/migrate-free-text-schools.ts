import type { Logger } from '../logging/logger';
import type { SchoolMemberships } from '../membership/school-memberships';
import { foldSchoolName, schoolKey, type SchoolSettings } from '../school/school-settings';
import type { Store } from '../storage/store';
import { isConflict } from '../storage/storage-errors';
import { updateDocument } from '../storage/update-document';
import { userKey } from '../users/user-record';
import { catalogueCollection, catalogueKey } from './school-catalogue';
import type { SchoolEntry } from './school-entry';
import { FREE_TEXT_MIGRATION_KEY, legacySchoolsCollection, legacySchoolsKey, migrationMarkerCollection, type LegacySchools } from './legacy-schools';

/**
 * Before the register, a school was free text in each profile, and settings were kept under
 * the folded name. This moves a store of that time onto the register without losing
 * anything: the names are collected once per store (who typed which, and the settings under
 * each), and every time a tenant's register changes, a name that now matches exactly one
 * school (its name or its other-language name, folded) becomes a request to join that
 * school, as if each person had chosen it — a typed name proves nothing, so they await
 * confirmation — and the settings move to the school where it has none of its own.
 * Names that match nothing wait for a tenant administrator to map them or add the school.
 */
export interface FreeTextSchoolMigration {
  /** At start: collects the names (once per store) and matches them against registers already there. */
  run(now: Date): Promise<void>;
  /** After a tenant's register changed. */
  match(tenantId: string, now: Date): Promise<void>;
  /** A tenant administrator's choice: the people who typed `folded` mean `schoolId`. */
  map(tenantId: string, folded: string, schoolId: string, now: Date): Promise<boolean>;
  /** The names still waiting, with how many people typed each. */
  unmatched(tenantId: string): Promise<{ folded: string; display: string; people: number }[]>;
}

export function createFreeTextSchoolMigration(store: Store, memberships: SchoolMemberships, log: Logger): FreeTextSchoolMigration {
  const legacy = store.collection(legacySchoolsCollection);
  const markers = store.collection(migrationMarkerCollection);
  const catalogues = store.collection(catalogueCollection);

  async function collect(now: Date): Promise<string[]> {
    const marker = await markers.read(FREE_TEXT_MIGRATION_KEY, FREE_TEXT_MIGRATION_KEY);
    if (marker) return [];
    const byTenant = new Map<string, Map<string, { display: Map<string, number>; people: string[]; settingsKey?: string }>>();
    const slot = (tenantId: string, folded: string) => {
      let names = byTenant.get(tenantId);
      if (!names) byTenant.set(tenantId, (names = new Map()));
      let entry = names.get(folded);
      if (!entry) names.set(folded, (entry = { display: new Map(), people: [] }));
      return entry;
    };
    for (const { value: user } of await store.users.scanAllPartitions({ kind: 'user' })) {
      const typed = user.profile?.school?.trim();
      if (!typed || foldSchoolName(typed) === '') continue;
      const entry = slot(user.tenantId, foldSchoolName(typed));
      entry.people.push(user.aadObjectId);
      entry.display.set(typed, (entry.display.get(typed) ?? 0) + 1);
    }
    for (const { value: settings } of await store.schools.scanAllPartitions({ kind: 'school' })) {
      if (settings.schoolId !== undefined) continue;
      const entry = slot(settings.tenantId, foldSchoolName(settings.schoolName));
      entry.settingsKey = settings.id;
      entry.display.set(settings.schoolName, (entry.display.get(settings.schoolName) ?? 0) + 1);
    }
    for (const [tenantId, all] of byTenant) {
      const names = boundedNames(all);
      const key = legacySchoolsKey(tenantId);
      const doc: LegacySchools = {
        id: key,
        pk: key,
        kind: 'legacy-schools',
        tenantId,
        names: [...names].map(([folded, e]) => ({
          folded,
          display: [...e.display].sort((a, b) => b[1] - a[1])[0]![0].slice(0, 200),
          people: e.people,
          ...(e.settingsKey ? { settingsKey: e.settingsKey } : {}),
        })),
        updatedAt: now.toISOString(),
      };
      try {
        await legacy.create(doc);
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    try {
      await markers.create({ id: FREE_TEXT_MIGRATION_KEY, pk: FREE_TEXT_MIGRATION_KEY, kind: 'migration', at: now.toISOString() });
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    log.info('free-text-schools-collected', { tenants: byTenant.size });
    return [...byTenant.keys()];
  }

  /** Moves one name's people and settings onto a registered school. */
  async function resolve(tenantId: string, name: LegacySchools['names'][number], school: SchoolEntry, now: Date): Promise<void> {
    for (const aadObjectId of name.people) {
      const key = userKey({ tenantId, aadObjectId });
      const person = (await store.users.read(key, key))?.value;
      if (person) await memberships.awaitConfirmation(person, school.id, now);
    }
    if (!name.settingsKey) return;
    const old = (await store.schools.read(name.settingsKey, name.settingsKey))?.value;
    if (!old) return;
    const key = schoolKey(tenantId, school.id);
    await updateDocument(store.schools, key, key, (doc) => (doc ? withSettings(doc, old, now) : undefined));
  }

  async function match(tenantId: string, now: Date): Promise<void> {
    const key = legacySchoolsKey(tenantId);
    const found = await legacy.read(key, key);
    if (!found || found.value.names.every((n) => n.schoolId !== undefined)) return;
    const catalogue = (await catalogues.read(catalogueKey(tenantId), catalogueKey(tenantId)))?.value.schools ?? [];
    const byName = new Map<string, SchoolEntry[]>();
    for (const entry of catalogue) {
      for (const name of new Set([entry.name, entry.altName].filter((n): n is string => n !== undefined).map(foldSchoolName))) {
        byName.set(name, [...(byName.get(name) ?? []), entry]);
      }
    }
    const resolved = new Map<string, string>();
    for (const name of found.value.names) {
      if (name.schoolId !== undefined) continue;
      const candidates = byName.get(name.folded) ?? [];
      // Two registered schools with one name: a person must choose; nothing is guessed.
      if (candidates.length !== 1) continue;
      await resolve(tenantId, name, candidates[0]!, now);
      resolved.set(name.folded, candidates[0]!.id);
    }
    if (resolved.size > 0) await markResolved(tenantId, resolved, now);
  }

  async function markResolved(tenantId: string, resolved: Map<string, string>, now: Date): Promise<void> {
    const key = legacySchoolsKey(tenantId);
    await updateDocument(legacy, key, key, (doc) =>
      doc && { ...doc, names: doc.names.map((n) => (resolved.has(n.folded) && n.schoolId === undefined ? { ...n, schoolId: resolved.get(n.folded) } : n)), updatedAt: now.toISOString() },
    );
  }

  return {
    async run(now) {
      // Only a first start collects anything; after that, names are matched when a register
      // changes (every save calls `match`), so a later start reads one marker and stops.
      for (const tenantId of await collect(now)) await match(tenantId, now);
    },
    match,
    async map(tenantId, folded, schoolId, now) {
      const key = legacySchoolsKey(tenantId);
      const name = (await legacy.read(key, key))?.value.names.find((n) => n.folded === folded && n.schoolId === undefined);
      const school = (await store.schools.read(schoolKey(tenantId, schoolId), schoolKey(tenantId, schoolId)))?.value.entry;
      if (!name || !school) return false;
      await resolve(tenantId, name, school, now);
      await markResolved(tenantId, new Map([[folded, school.id]]), now);
      return true;
    },
    async unmatched(tenantId) {
      const key = legacySchoolsKey(tenantId);
      const doc = (await legacy.read(key, key))?.value;
      return (doc?.names ?? []).filter((n) => n.schoolId === undefined).map((n) => ({ folded: n.folded, display: n.display, people: n.people.length }));
    },
  };
}

/** Typed names kept per tenant, and people recorded across them: one document stays far inside Cosmos's 2 MB. */
const MAX_LEGACY_NAMES = 3000;
const MAX_LEGACY_PEOPLE = 15_000;

/**
 * The names most people typed first, and no more people than one document holds. Anyone
 * left out keeps their typed name in their profile and simply chooses their school in `my
 * schools`, as everyone new does.
 */
function boundedNames<T extends { people: string[] }>(names: Map<string, T>): Map<string, T> {
  const kept = new Map<string, T>();
  let people = 0;
  for (const [folded, entry] of [...names].sort((a, b) => b[1].people.length - a[1].people.length).slice(0, MAX_LEGACY_NAMES)) {
    const room = MAX_LEGACY_PEOPLE - people;
    if (room <= 0 && !(entry as { settingsKey?: string }).settingsKey) continue;
    kept.set(folded, { ...entry, people: entry.people.slice(0, Math.max(0, room)) });
    people += Math.min(entry.people.length, Math.max(0, room));
  }
  return kept;
}

/** The registered school's document with the old settings where it has none of its own. */
function withSettings(doc: SchoolSettings, old: SchoolSettings, now: Date): SchoolSettings | undefined {
  const empty = doc.items.length === 0 && doc.links.length === 0 && doc.holidays.length === 0 && !doc.dspName && !doc.alncoName && doc.cycleStartMonth === undefined;
  if (!empty) return undefined;
  return {
    ...doc,
    ...(old.dspName ? { dspName: old.dspName } : {}),
    ...(old.alncoName ? { alncoName: old.alncoName } : {}),
    items: old.items,
    links: old.links,
    holidays: old.holidays,
    nextNumber: Math.max(doc.nextNumber, old.nextNumber),
    ...(old.cycleStartMonth !== undefined ? { cycleStartMonth: old.cycleStartMonth } : {}),
    updatedAt: now.toISOString(),
    updatedBy: old.updatedBy,
  };
}
