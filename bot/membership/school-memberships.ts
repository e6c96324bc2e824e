import { Verbs } from '../../cards/verbs';
import { enqueueNotice } from '../app/notice-in-both';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import type { SchoolRegister } from '../register/school-register';
import type { SchoolEntry } from '../register/school-entry';
import { schoolKey } from '../school/school-settings';
import type { Store } from '../storage/store';
import { isConflict } from '../storage/storage-errors';
import { updateDocument } from '../storage/update-document';
import { londonDate } from '../time/london-date';
import type { UserSession } from '../users/user-session';
import { userKey, type UserIdentity, type UserRecord } from '../users/user-record';
import type { FigureRecords } from '../figures/figure-records';
import { MAX_SCHOOLS_PER_PERSON, membershipsCollection, type MembershipRecord } from './membership-record';

/** What asking to join a school did. */
export type JoinOutcome = 'requested' | 'already' | 'unknown-school' | 'closed' | 'too-many';

/**
 * Belonging to a school: a person asks (pending), the school's administrator confirms or
 * declines, or imports the staff list (confirmed at once). Only confirmed members count for
 * line-manager imports and everything a school does for its staff; a person's own journeys
 * never wait for it. The membership document is the authority; the person's own document
 * keeps a mirror for their views.
 */
export interface SchoolMemberships {
  request(session: UserSession, identity: UserIdentity, schoolId: string, now: Date): Promise<JoinOutcome>;
  leave(session: UserSession, identity: UserIdentity, schoolId: string): Promise<void>;
  /** A school's roster: one partition read. */
  roster(tenantId: string, schoolId: string): Promise<MembershipRecord[]>;
  isConfirmed(tenantId: string, schoolId: string, aadObjectId: string): Promise<boolean>;
  /** Confirms or declines pending people (by object id) at a school the caller has checked; answers how many changed. */
  decide(admin: UserIdentity, school: SchoolEntry, people: string[], confirm: boolean, now: Date): Promise<number>;
  /**
   * Records that a person awaits a school's confirmation, outside their own turn (the
   * migration of a school they once typed): their membership and their own mirror.
   */
  awaitConfirmation(person: UserRecord, schoolId: string, now: Date): Promise<void>;
  /** Confirms a person at once (an administrator's staff import); false if they were already. */
  confirmDirectly(admin: UserIdentity, school: SchoolEntry, person: UserRecord, now: Date): Promise<boolean>;
}

/** `figures` keeps the anonymised per-person figure records in step with confirmations and leaving. */
export function createSchoolMemberships(store: Store, register: SchoolRegister, outbox: Outbox, figures?: FigureRecords): SchoolMemberships {
  const memberships = store.collection(membershipsCollection);
  const pk = (tenantId: string, schoolId: string) => schoolKey(tenantId, schoolId);

  /** Keeps the person's own mirror in step with their membership documents. */
  const mirror = async (tenantId: string, aadObjectId: string, schoolId: string, status: 'pending' | 'confirmed' | undefined, now: Date) => {
    const key = userKey({ tenantId, aadObjectId });
    return updateDocument(store.users, key, key, (user) => {
      if (!user) return undefined;
      const others = (user.schools ?? []).filter((s) => s.schoolId !== schoolId);
      // The mirror is bounded; the membership document itself is what every decision reads.
      if (status && others.length >= MAX_SCHOOLS_PER_PERSON) return undefined;
      const schools = status ? [...others, { schoolId, status, since: now.toISOString() }] : others;
      return { ...user, schools, updatedAt: now.toISOString() };
    });
  };

  const tell = async (tenantId: string, aadObjectId: string, schoolId: string, schoolName: string, confirmed: boolean, now: Date) => {
    const recipient = userKey({ tenantId, aadObjectId });
    await enqueueNotice(outbox, {
      key: `membership:${schoolId}:${recipient}:${confirmed ? 'confirmed' : 'declined'}:${londonDate(now)}`,
      recipient,
      notBefore: now,
      card: (lang) => {
        const s = strings(lang).membership.notices;
        const t = confirmed ? s.confirmed : s.declined;
        return { title: fill(t.title, { school: schoolName }), text: fill(t.text, { school: schoolName }), actions: [{ title: s.open, verb: Verbs.showMySchools, data: {} }] };
      },
    });
  };

  return {
    async request(session, identity, schoolId, now) {
      const mine = session.user.schools ?? [];
      if (mine.some((s) => s.schoolId === schoolId)) return 'already';
      if (mine.length >= MAX_SCHOOLS_PER_PERSON) return 'too-many';
      const school = (await register.school(identity.tenantId, schoolId))?.value.entry;
      if (!school) return 'unknown-school';
      if (!school.open) return 'closed';
      const record: MembershipRecord = {
        id: userKey(identity),
        pk: pk(identity.tenantId, schoolId),
        kind: 'membership',
        tenantId: identity.tenantId.toLowerCase(),
        schoolId,
        aadObjectId: identity.aadObjectId.toLowerCase(),
        ...(session.user.name ? { name: session.user.name.slice(0, 100) } : {}),
        status: 'pending',
        source: 'request',
        requestedAt: now.toISOString(),
      };
      let status: 'pending' | 'confirmed' = 'pending';
      try {
        await memberships.create(record);
      } catch (err) {
        if (!isConflict(err)) throw err;
        // Already there (imported by the school before they chose it): keep what the school decided.
        status = (await memberships.read(record.id, record.pk))?.value.status ?? 'pending';
      }
      session.change((user) => void (user.schools = [...(user.schools ?? []), { schoolId, status, since: now.toISOString() }]));
      return 'requested';
    },

    async leave(session, identity, schoolId) {
      await memberships.delete(userKey(identity), pk(identity.tenantId, schoolId));
      await figures?.remove(identity.tenantId, identity.aadObjectId, schoolId);
      session.change((user) => void (user.schools = (user.schools ?? []).filter((s) => s.schoolId !== schoolId)));
    },

    async roster(tenantId, schoolId) {
      return (await memberships.findInPartition(pk(tenantId, schoolId), { kind: 'membership' })).map((m) => m.value);
    },

    async isConfirmed(tenantId, schoolId, aadObjectId) {
      const found = await memberships.read(userKey({ tenantId, aadObjectId }), pk(tenantId, schoolId));
      return found?.value.status === 'confirmed';
    },

    async decide(admin, school, people, confirm, now) {
      const tenantId = admin.tenantId;
      const schoolId = school.id;
      let changed = 0;
      for (const aadObjectId of people) {
        const id = userKey({ tenantId, aadObjectId });
        const found = await memberships.read(id, pk(tenantId, schoolId));
        if (found?.value.status !== 'pending') continue;
        if (confirm) {
          await updateDocument(memberships, id, found.value.pk, (m) =>
            m && m.status === 'pending' ? { ...m, status: 'confirmed' as const, decidedAt: now.toISOString(), decidedBy: admin.aadObjectId.toLowerCase() } : undefined,
          );
        } else {
          await memberships.delete(id, found.value.pk);
        }
        const person = await mirror(tenantId, aadObjectId, schoolId, confirm ? 'confirmed' : undefined, now);
        if (confirm && person) await figures?.refresh(person.value, now);
        await tell(tenantId, aadObjectId, schoolId, school.name, confirm, now);
        changed += 1;
      }
      return changed;
    },

    async awaitConfirmation(person, schoolId, now) {
      const id = userKey({ tenantId: person.tenantId, aadObjectId: person.aadObjectId });
      const record: MembershipRecord = {
        id,
        pk: pk(person.tenantId, schoolId),
        kind: 'membership',
        tenantId: person.tenantId,
        schoolId,
        aadObjectId: person.aadObjectId,
        ...(person.name ? { name: person.name.slice(0, 100) } : {}),
        status: 'pending',
        source: 'migration',
        requestedAt: now.toISOString(),
      };
      try {
        await memberships.create(record);
      } catch (err) {
        if (!isConflict(err)) throw err;
        return;
      }
      await mirror(person.tenantId, person.aadObjectId, schoolId, 'pending', now);
    },

    async confirmDirectly(admin, school, person, now) {
      const tenantId = admin.tenantId;
      const schoolId = school.id;
      const id = userKey({ tenantId, aadObjectId: person.aadObjectId });
      let changed = false;
      await updateDocument(memberships, id, pk(tenantId, schoolId), (m) => {
        changed = m?.status !== 'confirmed';
        if (!changed) return undefined;
        return {
          id,
          pk: pk(tenantId, schoolId),
          kind: 'membership' as const,
          tenantId: tenantId.toLowerCase(),
          schoolId,
          aadObjectId: person.aadObjectId,
          ...(person.name ? { name: person.name.slice(0, 100) } : {}),
          status: 'confirmed' as const,
          source: m?.source ?? ('import' as const),
          requestedAt: m?.requestedAt ?? now.toISOString(),
          decidedAt: now.toISOString(),
          decidedBy: admin.aadObjectId.toLowerCase(),
        };
      });
      if (!changed) return false;
      const saved = await mirror(tenantId, person.aadObjectId, schoolId, 'confirmed', now);
      if (saved) await figures?.refresh(saved.value, now);
      await tell(tenantId, person.aadObjectId, schoolId, school.name, true, now);
      return true;
    },
  };
}
