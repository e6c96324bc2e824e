import { userKey, type UserIdentity, type UserRecord } from '../users/user-record';

/**
 * The person whose data is downloaded or erased, with everything that identifies them in
 * stored text. Built only from the acting person's identity (the activity, never a card)
 * and their own document, so nobody can name someone else.
 */
export interface PersonalDataSubject {
  tenantId: string;
  /** Lower case, as Cefnogi stores object ids. */
  aadObjectId: string;
  /** `userKey(identity)`: id and partition of their document. */
  key: string;
  email?: string;
  name?: string;
}

/** The subject for the person acting, from their identity and (when they have one) their document. */
export function subjectOf(identity: UserIdentity, user: Pick<UserRecord, 'email' | 'name'> | undefined): PersonalDataSubject {
  return {
    tenantId: identity.tenantId.toLowerCase(),
    aadObjectId: identity.aadObjectId.toLowerCase(),
    key: userKey(identity),
    email: user?.email,
    name: user?.name,
  };
}

/** Whether a document names the person anywhere (case-insensitive: Teams ids and emails vary in case). */
export function mentions(doc: unknown, person: PersonalDataSubject): boolean {
  const text = JSON.stringify(doc).toLowerCase();
  return identifyingTexts(person).some((t) => text.includes(t));
}

/** What identifies a person in stored text: their key, object id, email and name, lower case. */
export function identifyingTexts(person: PersonalDataSubject): string[] {
  return [person.key, person.aadObjectId, person.email, person.name].flatMap((t) => (t && t.trim().length >= 3 ? [t.trim().toLowerCase()] : []));
}
