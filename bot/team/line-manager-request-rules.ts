import { londonDate } from '../time/london-date';
import type { LineManagerRequestState } from './line-manager-request-state';

/** Line-manager changes a person may save in one day (Europe/London). */
export const MAX_MANAGER_CHANGES_PER_DAY = 5;

/** How long a manager's decline keeps that person's new requests from notifying them. */
export const DECLINE_QUIET_MS = 24 * 60 * 60 * 1000;

// The stored lists' bound (see the state's schema); the outbox key is the backstop for notices.
const MAX_KEPT = 20;

/**
 * The state as it stands at `now`: yesterday's counts start again at nought at midnight in
 * Wales, and declines older than a day are forgotten (so the stored lists stay short).
 */
export function requestStateAt(state: LineManagerRequestState | undefined, now: Date): LineManagerRequestState {
  const day = londonDate(now);
  const declined = (state?.declined ?? []).filter((d) => now.getTime() - Date.parse(d.at) < DECLINE_QUIET_MS);
  if (state?.day !== day) return { day, changes: 0, noticed: [], declined };
  return { ...state, noticed: [...state.noticed], declined };
}

/** True while the person has changed their line manager fewer than five times today. */
export function mayChangeManager(state: LineManagerRequestState | undefined, now: Date): boolean {
  return requestStateAt(state, now).changes < MAX_MANAGER_CHANGES_PER_DAY;
}

/** The state after one more line-manager change today. */
export function withManagerChange(state: LineManagerRequestState | undefined, now: Date): LineManagerRequestState {
  const current = requestStateAt(state, now);
  return { ...current, changes: current.changes + 1 };
}

/**
 * True when `manager` may be sent a request notice from this person now: none sent to them
 * today already, and they have not declined this person in the last day.
 */
export function mayNotifyManager(state: LineManagerRequestState | undefined, manager: string, now: Date): boolean {
  const current = requestStateAt(state, now);
  const id = manager.toLowerCase();
  return !current.noticed.includes(id) && !current.declined.some((d) => d.managerAadObjectId === id);
}

/** The state after a request notice to `manager` today. */
export function withManagerNotified(state: LineManagerRequestState | undefined, manager: string, now: Date): LineManagerRequestState {
  const current = requestStateAt(state, now);
  const id = manager.toLowerCase();
  return current.noticed.includes(id) ? current : { ...current, noticed: [...current.noticed, id].slice(-MAX_KEPT) };
}

/** The state after `manager` declined this person's request at `now`. */
export function withManagerDeclined(state: LineManagerRequestState | undefined, manager: string, now: Date): LineManagerRequestState {
  const current = requestStateAt(state, now);
  const id = manager.toLowerCase();
  const others = current.declined.filter((d) => d.managerAadObjectId !== id);
  return { ...current, declined: [...others, { managerAadObjectId: id, at: now.toISOString() }].slice(-MAX_KEPT) };
}
