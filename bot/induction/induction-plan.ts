import type { InductionItem, InductionStageId } from '../content/induction-schemas';
import type { Holiday } from '../proactive/quiet-hours';
import { dueDate } from './induction-due-dates';
import type { InductionState, ItemProgress } from './induction-state';

/**
 * Where one item stands for the person, as the stage card shows it. `catch-up`: not done,
 * and due before it reached the person's checklist (they started before they began here,
 * or their school added it later), so it is theirs to catch up on, not late.
 */
export type ItemStatus = 'signed-off' | 'awaiting-sign-off' | 'done' | 'catch-up' | 'overdue' | 'due' | 'upcoming';

/** What shapes the dates beyond the start date: the school's holidays and when each item reached the person. */
export interface PlanOptions {
  holidays?: readonly Holiday[];
  /** The day (YYYY-MM-DD) an item reached the person's checklist; undefined means no catching up. */
  reachedOn?: (item: InductionItem) => string | undefined;
}

export interface PlannedItem {
  item: InductionItem;
  due: string;
  status: ItemStatus;
}

export interface PlannedStage {
  id: InductionStageId;
  items: PlannedItem[];
  finished: number;
}

/** A person's whole induction on a given day: stages in order, each item's due date and status. */
export interface InductionPlan {
  stages: PlannedStage[];
  total: number;
  /** Items the person has ticked: what their progress bar shows. */
  ticked: number;
  /** Items ticked and, where needed, signed off: induction is complete when all are. */
  finished: number;
  awaitingSignOff: number;
  /** Items due by today and not yet ticked (those to catch up included: they still want doing). */
  dueNotDone: number;
  /** Items to catch up on, in the order they were due. */
  catchUp: PlannedItem[];
  complete: boolean;
}

/** An item counts as finished once ticked and, where it needs one, signed off. */
export function isFinished(item: InductionItem, progress: ItemProgress | undefined): boolean {
  return Boolean(progress?.doneAt) && (!item.signOff || Boolean(progress?.signedOffAt));
}

function statusOf(item: InductionItem, progress: ItemProgress | undefined, due: string, today: string, reached: string | undefined): ItemStatus {
  if (progress?.doneAt) {
    if (!item.signOff) return 'done';
    return progress.signedOffAt ? 'signed-off' : 'awaiting-sign-off';
  }
  if (due < today) return reached !== undefined && due < reached ? 'catch-up' : 'overdue';
  return due === today ? 'due' : 'upcoming';
}

/**
 * The plan for `items` (already chosen for the person's role and journey) on `today`. Due
 * dates fall on school days (no weekends, none of the school's holidays).
 */
export function planInduction(
  items: readonly InductionItem[],
  stageOrder: readonly InductionStageId[],
  state: InductionState,
  today: string,
  options: PlanOptions = {},
): InductionPlan {
  const stages: PlannedStage[] = [];
  for (const id of stageOrder) {
    const planned = items
      .filter((item) => item.stage === id)
      .map((item) => {
        const due = dueDate(state.startDate, item.dayOffset, options.holidays);
        return { item, due, status: statusOf(item, state.items[item.id], due, today, options.reachedOn?.(item)) };
      })
      .sort((a, b) => a.due.localeCompare(b.due));
    if (planned.length > 0) {
      stages.push({ id, items: planned, finished: planned.filter((p) => isFinished(p.item, state.items[p.item.id])).length });
    }
  }
  const all = stages.flatMap((s) => s.items);
  const finished = stages.reduce((n, s) => n + s.finished, 0);
  return {
    stages,
    total: all.length,
    ticked: all.filter((p) => Boolean(state.items[p.item.id]?.doneAt)).length,
    finished,
    awaitingSignOff: all.filter((p) => p.status === 'awaiting-sign-off').length,
    dueNotDone: all.filter((p) => p.status === 'overdue' || p.status === 'due' || p.status === 'catch-up').length,
    catchUp: all.filter((p) => p.status === 'catch-up').sort((a, b) => a.due.localeCompare(b.due)),
    complete: all.length > 0 && finished === all.length,
  };
}

/**
 * The stage to show when someone comes back: the first with an item they have not ticked
 * (items waiting only for the line manager leave nothing for them to do there), else the
 * first still waiting on sign-off, else the last.
 */
export function currentStage(plan: InductionPlan): PlannedStage | undefined {
  const unticked = (s: PlannedStage) => s.items.some((p) => !['done', 'awaiting-sign-off', 'signed-off'].includes(p.status));
  return plan.stages.find(unticked) ?? plan.stages.find((s) => s.finished < s.items.length) ?? plan.stages[plan.stages.length - 1];
}
