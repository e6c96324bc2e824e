import type { Store } from '../storage/store';
import { EMAIL, personByEmail } from '../users/directory-entry';
import { userKey, type UserIdentity, type UserRecord } from '../users/user-record';
import type { SchoolEntry } from '../register/school-entry';
import type { SchoolMemberships } from './school-memberships';

/** Lines one import takes; more and nothing is read or written. */
export const MAX_STAFF_LINES = 1000;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Why a line of a staff list was not imported; each has words in both languages. */
export type StaffLineReason = 'unknown-email' | 'unknown-person' | 'malformed' | 'duplicate';

/** What an import did: people newly confirmed, people already confirmed, and lines not imported with why. */
export interface StaffImportReport {
  confirmed: number;
  already: number;
  rejected: { line: number; reason: StaffLineReason }[];
}

export type StaffImportOutcome = { kind: 'too-many'; lines: number } | { kind: 'empty' } | { kind: 'report'; report: StaffImportReport };

/**
 * An administrator's staff list for one school (already checked by the guard): one email
 * or Entra object id per line. A line is imported only for a person who has used Cefnogi,
 * found the way the line-manager import finds them (the email's directory entry, then the
 * person's own document, whose email must still be that one); each is confirmed at once
 * and told. Blank lines are skipped; line numbers count every pasted line.
 */
export async function importStaff(
  deps: { store: Pick<Store, 'users' | 'directory'>; memberships: Pick<SchoolMemberships, 'confirmDirectly'> },
  admin: UserIdentity,
  /** The school, already checked by the route: each line is confirmed there without reading it again. */
  school: SchoolEntry,
  pasted: string,
  now: Date,
): Promise<StaffImportOutcome> {
  const lines = pasted.split(/\r?\n/).map((text, i) => ({ line: i + 1, text: text.trim().replace(/^[,;"']+|[,;"']+$/g, '').toLowerCase() })).filter((l) => l.text !== '');
  if (lines.length > MAX_STAFF_LINES) return { kind: 'too-many', lines: lines.length };
  if (lines.length === 0) return { kind: 'empty' };
  const tenantId = admin.tenantId.toLowerCase();
  const report: StaffImportReport = { confirmed: 0, already: 0, rejected: [] };
  const seen = new Set<string>();
  const read = async (aadObjectId: string): Promise<UserRecord | undefined> => {
    const key = userKey({ tenantId, aadObjectId });
    return (await deps.store.users.read(key, key))?.value;
  };

  for (const { line, text } of lines) {
    const reject = (reason: StaffLineReason) => void report.rejected.push({ line, reason });
    let person: UserRecord | undefined;
    if (GUID.test(text)) {
      person = await read(text);
      if (!person) {
        reject('unknown-person');
        continue;
      }
    } else if (EMAIL.test(text)) {
      const id = await personByEmail(deps.store, tenantId, text);
      person = id !== undefined ? await read(id) : undefined;
      // The entry may be stale (an address reused): the person's own document has the last word.
      if (!person || person.email !== text) {
        reject('unknown-email');
        continue;
      }
    } else {
      reject('malformed');
      continue;
    }
    if (seen.has(person.aadObjectId)) {
      reject('duplicate');
      continue;
    }
    seen.add(person.aadObjectId);
    if (await deps.memberships.confirmDirectly(admin, school, person, now)) report.confirmed += 1;
    else report.already += 1;
  }
  return { kind: 'report', report };
}
