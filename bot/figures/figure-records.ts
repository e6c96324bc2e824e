import type { Content } from '../content/content';
import type { SchoolRegister } from '../register/school-register';
import { schoolKey } from '../school/school-settings';
import type { Store } from '../storage/store';
import { isNotFound } from '../storage/storage-errors';
import { updateDocument } from '../storage/update-document';
import { userKey, type UserRecord } from '../users/user-record';
import { figurePersonCollection, figurePersonId, figurePersonOf, type FigurePerson } from './figure-person';

/**
 * Keeps the per-person figure records in step with the people's own documents, so the
 * nightly figures never read those documents. Every place that changes something the
 * figures count (profile, membership, induction, self-assessment, appraisal) calls `refresh`
 * with the person's document as saved; leaving a school calls `remove`.
 */
export interface FigureRecords {
  /** Writes the person's record at each school confirming them (only where it changed). */
  refresh(user: Readonly<UserRecord>, now: Date): Promise<void>;
  /** Drops the person's record at a school they no longer belong to. */
  remove(tenantId: string, aadObjectId: string, schoolId: string): Promise<void>;
}

/** The counted part of a record: what differs when the figures would differ. */
function counted(record: FigurePerson): string {
  const { updatedAt: _ignored, ...rest } = record;
  return JSON.stringify(rest);
}

/**
 * What of a person's document the figures count, in one comparable string (their schools
 * included): a turn that leaves it the same writes no figure record.
 */
export function figureFactsOf(user: Readonly<UserRecord>, content: Pick<Content, 'role'>): string {
  const record = figurePersonOf(user as UserRecord, { pk: '', schoolId: '', laId: '' }, content, new Date(0));
  const confirmed = (user.schools ?? []).filter((s) => s.status === 'confirmed').map((s) => s.schoolId);
  return `${counted(record)}|${confirmed.sort().join(',')}`;
}

/**
 * `started(tenantId, now)` is called once per tenant per instance when a record is first
 * written there: the nightly job then exists for every tenant with someone to count.
 */
export function createFigureRecords(store: Store, content: Pick<Content, 'role'>, register: Pick<SchoolRegister, 'catalogue'>, started: (tenantId: string, now: Date) => Promise<void>): FigureRecords {
  const people = store.collection(figurePersonCollection);
  const tenantsStarted = new Set<string>();
  return {
    async refresh(user, now) {
      const confirmed = (user.schools ?? []).filter((s) => s.status === 'confirmed');
      if (confirmed.length === 0) return;
      const catalogue = await register.catalogue(user.tenantId);
      for (const membership of confirmed) {
        const entry = catalogue.find((s) => s.id === membership.schoolId);
        if (!entry) continue;
        const pk = schoolKey(user.tenantId, entry.id);
        const record = figurePersonOf(user as UserRecord, { pk, schoolId: entry.id, laId: entry.laId }, content, now);
        await updateDocument(people, record.id, pk, (current) => (current && counted(current) === counted(record) ? undefined : record));
      }
      const tenant = user.tenantId.toLowerCase();
      if (!tenantsStarted.has(tenant)) {
        await started(user.tenantId, now);
        tenantsStarted.add(tenant);
      }
    },
    async remove(tenantId, aadObjectId, schoolId) {
      try {
        await people.delete(figurePersonId(userKey({ tenantId, aadObjectId })), schoolKey(tenantId, schoolId));
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
  };
}
