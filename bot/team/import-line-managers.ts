import { randomUUID } from 'node:crypto';
import { Verbs } from '../../cards/verbs';
import { enqueueNotice } from '../app/notice-in-both';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import type { SchoolMemberships } from '../membership/school-memberships';
import type { Store } from '../storage/store';
import { updateDocument } from '../storage/update-document';
import { personByEmail } from '../users/directory-entry';
import { teamLinkFor } from '../users/team-link';
import { userKey, type UserIdentity, type UserRecord } from '../users/user-record';
import { shownName } from '../text/person-name';
import { GUID, parseManagerCsv, type ImportPair, type ImportReason, type RejectedRow } from './manager-csv';

/** What an import did: rows that set or replaced a manager, rows that removed a link, and each rejected row with its reason. */
export interface ImportReport {
  accepted: number;
  removed: number;
  rejected: RejectedRow[];
}

/** An import refused as a whole (nothing written), or its report. */
export type ImportOutcome = { kind: 'too-many'; lines: number } | { kind: 'report'; report: ImportReport };

/** The administrator importing, and the registered school the import applies to (already checked). */
export interface ImportScope {
  admin: UserIdentity;
  schoolId: string;
}

/**
 * An administrator's import of staff–line manager pairs for ONE school. A row is accepted
 * only when the staff member is a confirmed member of that school, and the manager is
 * someone who has used Cefnogi and is a confirmed member of the same school, and is not the
 * administrator themselves (an administrator cannot give themselves
 * sight of anyone). A staff member who already has a different accepted manager keeps them
 * unless the row says `replace`; a row saying `remove` takes an existing link away.
 *
 * An accepted row sets the staff member's line manager in their profile (the previous
 * manager's link goes) and writes the link already accepted, marked as imported with who
 * imported it and when, so the team view, sign-off and appraisal treat it like a link both
 * sides agreed to. The staff member, the new manager and any replaced manager are told, each
 * in their own language, through the outbox (keys unique to this import).
 */
export async function importLineManagers(
  deps: { store: Store; outbox: Outbox; memberships: Pick<SchoolMemberships, 'isConfirmed'> },
  scope: ImportScope,
  csv: string,
  now: Date,
): Promise<ImportOutcome> {
  const parsed = parseManagerCsv(csv);
  if (parsed.tooMany) return { kind: 'too-many', lines: parsed.lines };
  const { store } = deps;
  const tenantId = scope.admin.tenantId.toLowerCase();
  const importId = randomUUID();
  const report: ImportReport = { accepted: 0, removed: 0, rejected: [...parsed.rejected] };
  const people = new Map<string, Promise<UserRecord | undefined>>();
  const person = (aadObjectId: string) => {
    if (!people.has(aadObjectId)) {
      const key = userKey({ tenantId, aadObjectId });
      people.set(aadObjectId, store.users.read(key, key).then((r) => r?.value));
    }
    return people.get(aadObjectId)!;
  };
  const atSchool = async (user: UserRecord | undefined) => user !== undefined && (await deps.memberships.isConfirmed(tenantId, scope.schoolId, user.aadObjectId));
  /** An object id, or the person an email belongs to (checked against their own document). */
  const resolve = async (name: string): Promise<string | undefined> => {
    if (GUID.test(name)) return name;
    const id = await personByEmail(store, tenantId, name);
    return id !== undefined && (await person(id))?.email === name ? id : undefined;
  };
  const seen = new Set<string>();
  const notices: Notice[] = [];

  /** Why a row is turned away, naming the person (as the row wrote them) it is about. */
  const check = async (pair: ImportPair): Promise<{ reason: ImportReason; value: string } | { staff: UserRecord; manager: UserRecord }> => {
    const aboutStaff = (reason: ImportReason) => ({ reason, value: pair.staff });
    const aboutManager = (reason: ImportReason) => ({ reason, value: pair.manager });
    const staffId = await resolve(pair.staff);
    const managerId = await resolve(pair.manager);
    if (staffId === undefined) return aboutStaff('unknown-email');
    if (managerId === undefined) return aboutManager('unknown-email');
    if (staffId === managerId) return aboutStaff('same-person');
    if (seen.has(staffId)) return aboutStaff('duplicate');
    seen.add(staffId);
    const staff = await person(staffId);
    if (!staff) return aboutStaff('unknown-staff');
    if (!staff.profile) return aboutStaff('no-profile');
    if (!(await atSchool(staff))) return aboutStaff('staff-other-school');
    if (managerId === scope.admin.aadObjectId.toLowerCase()) return aboutManager('manager-is-you');
    const manager = await person(managerId);
    if (!manager) return aboutManager('unknown-manager');
    // Removing a link needs only the link: the manager may have moved school since.
    if (pair.action !== 'remove' && !(await atSchool(manager))) return aboutManager('manager-other-school');
    return { staff, manager };
  };

  for (const pair of parsed.pairs) {
    const checked = await check(pair);
    if ('reason' in checked) {
      report.rejected.push({ line: pair.line, reason: checked.reason, value: checked.value });
      continue;
    }
    const staff = { tenantId, aadObjectId: checked.staff.aadObjectId };
    const key = userKey(staff);
    const managerId = checked.manager.aadObjectId;
    const managerKey = userKey({ tenantId, aadObjectId: managerId });
    const names = { staff: nameOf(checked.staff), manager: nameOf(checked.manager) };

    if (pair.action === 'remove') {
      const link = await store.teamLinks.read(key, managerKey);
      if (!link || checked.staff.profile?.lineManagerAadObjectId !== managerId) {
        report.rejected.push({ line: pair.line, reason: 'not-linked', value: pair.staff });
        continue;
      }
      await store.teamLinks.delete(key, managerKey);
      await updateDocument(store.users, key, key, (current) => {
        if (current?.profile?.lineManagerAadObjectId !== managerId) return undefined;
        const { lineManagerAadObjectId: _gone, ...profile } = current.profile;
        return { ...current, profile: { ...profile, updatedAt: now.toISOString() }, updatedAt: now.toISOString() };
      });
      notices.push({ to: key, kind: 'staff-removed', names }, { to: managerKey, kind: 'manager-removed', names });
      report.removed += 1;
      continue;
    }

    const previous = checked.staff.profile?.lineManagerAadObjectId;
    const current = await store.teamLinks.read(key, managerKey);
    if (previous === managerId && current?.value.status === 'accepted') {
      // Already so: nothing to write, nobody to tell.
      report.accepted += 1;
      continue;
    }
    const previousKey = previous && previous !== managerId ? userKey({ tenantId, aadObjectId: previous }) : undefined;
    const previousLink = previousKey ? await store.teamLinks.read(key, previousKey) : undefined;
    if (previousLink?.value.status === 'accepted' && pair.action !== 'replace') {
      report.rejected.push({ line: pair.line, reason: 'has-manager', value: pair.staff });
      continue;
    }
    await updateDocument(store.users, key, key, (doc) =>
      doc?.profile && doc.profile.lineManagerAadObjectId !== managerId
        ? { ...doc, profile: { ...doc.profile, lineManagerAadObjectId: managerId, updatedAt: now.toISOString() }, updatedAt: now.toISOString() }
        : undefined,
    );
    if (previousKey) await store.teamLinks.delete(key, previousKey);
    await updateDocument(
      store.teamLinks,
      key,
      managerKey,
      (link) => ({
        ...(link ?? teamLinkFor(staff, managerId, now)),
        status: 'accepted' as const,
        acceptedAt: now.toISOString(),
        source: 'import' as const,
        importedBy: scope.admin.aadObjectId.toLowerCase(),
        importedAt: now.toISOString(),
      }),
      { stored: current },
    );
    notices.push({ to: key, kind: 'staff-set', names }, { to: managerKey, kind: 'manager-set', names });
    if (previousKey && previousLink?.value.status === 'accepted') notices.push({ to: previousKey, kind: 'previous-manager', names });
    report.accepted += 1;
  }

  for (const [i, notice] of notices.entries()) {
    await enqueueNotice(deps.outbox, { key: `line-manager-import:${importId}:${i}:${notice.kind}:${notice.to}`, recipient: notice.to, notBefore: now, card: (lang) => noticeCard(lang, notice) });
  }
  report.rejected.sort((a, b) => a.line - b.line);
  return { kind: 'report', report };
}

interface Notice {
  to: string;
  kind: 'staff-set' | 'manager-set' | 'previous-manager' | 'staff-removed' | 'manager-removed';
  names: { staff: string; manager: string };
}

/** A name for a notice someone else reads: inert (see bot/text). */
const nameOf = (user: UserRecord) => shownName(user.name, user.email ?? user.aadObjectId);

function noticeCard(language: 'en' | 'cy', notice: Notice) {
  const s = strings(language).import.notices;
  const text = (t: { title: string; text: string }) => ({ title: fill(t.title, notice.names), text: fill(t.text, notice.names) });
  switch (notice.kind) {
    case 'staff-set':
      return { ...text(s.staffSet), actions: [{ title: s.editProfile, verb: Verbs.editProfile, data: {} }] };
    case 'manager-set':
      return { ...text(s.managerSet), actions: [{ title: s.openTeam, verb: Verbs.showTeam, data: {} }] };
    case 'previous-manager':
      return { ...text(s.previousManager), actions: [{ title: s.openTeam, verb: Verbs.showTeam, data: {} }] };
    case 'staff-removed':
      return { ...text(s.staffRemoved), actions: [{ title: s.editProfile, verb: Verbs.editProfile, data: {} }] };
    case 'manager-removed':
      return text(s.managerRemoved);
  }
}
