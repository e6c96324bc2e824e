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
