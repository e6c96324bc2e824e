import type { Content } from '../content/content';
import type { SchoolRegister } from '../register/school-register';
import { schoolKey } from '../school/school-settings';
import type { Store } from '../storage/store';
import { updateDocument } from '../storage/update-document';
import { userKey, type UserRecord } from '../users/user-record';
import { compactFacts, figureFactsFor, sameFacts, type StoredFigureFacts } from './figure-person';
import { figureEntryKey, figuresSchoolCollection, FIGURES_SCHOOL_ID, MAX_COUNTED_PER_SCHOOL, type FiguresSchool } from './figures-school';

/**
 * Keeps the people's entries in their schools' figure documents in step with the people's
 * own documents, so the nightly figures never read those documents. Every place that changes
 * something the figures count (profile, membership, induction, self-assessment, appraisal)
 * calls `refresh` with the person's document as saved; leaving a school calls `remove`.
 */
export interface FigureRecords {
  /** Sets the person's entry at each school confirming them (written only where it changed). */
  refresh(user: Readonly<UserRecord>, now: Date): Promise<void>;
  /** Drops the person's entry at a school they no longer belong to. */
  remove(tenantId: string, aadObjectId: string, schoolId: string): Promise<void>;
}

/**
 * What of a person's document the figures count, in one comparable string (their schools
 * included): a turn that leaves it the same writes no figure entry.
 */
export function figureFactsOf(user: Readonly<UserRecord>, content: Pick<Content, 'role'>): string {
  const confirmed = (user.schools ?? []).filter((s) => s.status === 'confirmed').map((s) => s.schoolId);
  return `${JSON.stringify(compactFacts(figureFactsFor(user, content)))}|${confirmed.sort().join(',')}`;
}

/**
 * The school's document with the person's entry set to `facts` (or removed when undefined),
 * or undefined when nothing would change: a set, not a delta, so a retry or a rerun after a
 * crash lands on the same document.
 */
export function withEntry(current: FiguresSchool | undefined, at: { pk: string; schoolId: string }, key: string, facts: StoredFigureFacts | undefined, now: Date): FiguresSchool | undefined {
  const before = current?.people[key];
  if (sameFacts(before, facts)) return undefined;
  const people = { ...(current?.people ?? {}) };
  if (facts === undefined) delete people[key];
  else if (before === undefined && Object.keys(people).length >= MAX_COUNTED_PER_SCHOOL) return undefined;
  else people[key] = facts;
  return { id: FIGURES_SCHOOL_ID, pk: at.pk, kind: 'figures-school', schoolId: at.schoolId, people, updatedAt: now.toISOString() };
}

/**
 * `started(tenantId, now)` is called once per tenant per instance when an entry is first
 * written there: the nightly job then exists for every tenant with someone to count.
 */
export function createFigureRecords(store: Store, content: Pick<Content, 'role'>, register: Pick<SchoolRegister, 'catalogue'>, started: (tenantId: string, now: Date) => Promise<void>): FigureRecords {
  const schools = store.collection(figuresSchoolCollection);
  const tenantsStarted = new Set<string>();
  return {
    async refresh(user, now) {
      const confirmed = (user.schools ?? []).filter((s) => s.status === 'confirmed');
      if (confirmed.length === 0) return;
      const catalogue = await register.catalogue(user.tenantId);
      const facts = compactFacts(figureFactsFor(user, content));
      const key = figureEntryKey(user.id);
      for (const membership of confirmed) {
        const entry = catalogue.find((s) => s.id === membership.schoolId);
        if (!entry) continue;
        const at = { pk: schoolKey(user.tenantId, entry.id), schoolId: entry.id };
        // eTag-conditional replace, retried on conflict: other members of the school write the same document.
        await updateDocument(schools, FIGURES_SCHOOL_ID, at.pk, (current) => withEntry(current, at, key, facts, now));
      }
      const tenant = user.tenantId.toLowerCase();
      if (!tenantsStarted.has(tenant)) {
        await started(user.tenantId, now);
        tenantsStarted.add(tenant);
      }
    },
    async remove(tenantId, aadObjectId, schoolId) {
      const at = { pk: schoolKey(tenantId, schoolId), schoolId };
      const key = figureEntryKey(userKey({ tenantId, aadObjectId }));
      await updateDocument(schools, FIGURES_SCHOOL_ID, at.pk, (current) => (current ? withEntry(current, at, key, undefined, new Date()) : undefined));
    },
  };
}
