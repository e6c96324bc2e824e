import type { InductionItem } from '../content/induction-schemas';
import { isFinished } from './induction-plan';
import type { InductionState } from './induction-state';

/** Why a change to an induction was refused; each has a message in both languages. */
export type InductionProblem = 'unknown-item' | 'not-started' | 'signed-off' | 'not-done' | 'no-sign-off-needed' | 'already-signed-off';

type Result = { ok: true } | { ok: false; problem: InductionProblem };
const ok: Result = { ok: true };
const refuse = (problem: InductionProblem): Result => ({ ok: false, problem });

function markCompletion(state: InductionState, items: readonly InductionItem[], now: Date): void {
  const complete = items.length > 0 && items.every((item) => isFinished(item, state.items[item.id]));
  if (complete) state.completedAt ??= now.toISOString();
  else delete state.completedAt;
}

/**
 * The person ticks an item of their own plan. Ticking twice is harmless (a second device
 * may have got there first). These rules run again on a fresh copy when two writers meet,
 * so they only change the state they are given.
 */
export function tickItem(state: InductionState, items: readonly InductionItem[], itemId: string, now: Date): Result {
  if (!items.some((i) => i.id === itemId)) return refuse('unknown-item');
  const progress = (state.items[itemId] ??= {});
  progress.doneAt ??= now.toISOString();
  state.lastProgressAt = now.toISOString();
  markCompletion(state, items, now);
  return ok;
}

/** The person takes a tick back; not once their line manager has signed the item off. */
export function untickItem(state: InductionState, items: readonly InductionItem[], itemId: string, now: Date): Result {
  if (!items.some((i) => i.id === itemId)) return refuse('unknown-item');
  const progress = state.items[itemId];
  if (progress?.signedOffAt) return refuse('signed-off');
  if (progress) delete progress.doneAt;
  markCompletion(state, items, now);
  return ok;
}

/** The line manager confirms an item the person has ticked and that needs their word. */
export function signOffItem(state: InductionState, items: readonly InductionItem[], itemId: string, managerId: string, now: Date): Result {
  const item = items.find((i) => i.id === itemId);
  if (!item) return refuse('unknown-item');
  if (!item.signOff) return refuse('no-sign-off-needed');
  const progress = state.items[itemId];
  if (!progress?.doneAt) return refuse('not-done');
  if (progress.signedOffAt) return refuse('already-signed-off');
  progress.signedOffAt = now.toISOString();
  progress.signedOffBy = managerId;
  state.lastProgressAt = now.toISOString();
  markCompletion(state, items, now);
  return ok;
}
