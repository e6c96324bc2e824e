import type { UserIdentity } from '../users/user-record';

/** Keeps an eye on a person's induction so a stalled one gets a friendly nudge. */
export interface InductionNudges {
  /** Starts (or keeps) the daily check for this person; idempotent. */
  follow(person: UserIdentity, now: Date): Promise<void>;
}
