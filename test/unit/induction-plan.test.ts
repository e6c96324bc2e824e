import type { InductionItem, InductionStageId } from '../../bot/content/induction-schemas';
import { currentStage, planInduction } from '../../bot/induction/induction-plan';
import { signOffItem, tickItem, untickItem } from '../../bot/induction/induction-rules';
import type { InductionState } from '../../bot/induction/induction-state';
import { newInduction } from '../../bot/induction/start-induction';
import { schoolDaysBetween } from '../../bot/time/london-date';

const text = { en: 'x', cy: 'y' };
const item = (id: string, stage: InductionStageId, dayOffset: number, signOff = false): InductionItem => ({
  id,
  stage,
  title: { en: id, cy: id },
  why: text,
  what: text,
  signOff,
  dayOffset,
});
const ORDER: InductionStageId[] = ['before-first-day', 'first-day', 'first-week', 'first-half-term', 'refresher'];
const items = [item('read-policy', 'before-first-day', -3), item('fire-walk', 'first-day', 0, true), item('meet-alnco', 'first-week', 3)];
const NOW = new Date('2026-09-02T10:00:00Z');
const fresh = (): InductionState => newInduction('2026-09-01', 'new', '2026-09-02', NOW)!;

describe('an induction plan on a given day', () => {
  it.each([
    ['nothing ticked, a week before the first day', {}, '2026-08-25', ['upcoming', 'upcoming', 'upcoming']],
    ['nothing ticked, on the first day', {}, '2026-09-01', ['overdue', 'due', 'upcoming']],
    ['all ticked, sign-off outstanding', { 'read-policy': { doneAt: 'a' }, 'fire-walk': { doneAt: 'a' }, 'meet-alnco': { doneAt: 'a' } }, '2026-09-10', ['done', 'awaiting-sign-off', 'done']],
    ['signed off', { 'fire-walk': { doneAt: 'a', signedOffAt: 'b' } }, '2026-09-10', ['overdue', 'signed-off', 'overdue']],
  ])('when %s, then the statuses are as a person would read them', (_case, progress, today, statuses) => {
    const plan = planInduction(items, ORDER, { ...fresh(), items: progress }, today);
    expect(plan.stages.flatMap((s) => s.items.map((p) => p.status))).toEqual(statuses);
  });

  it('when an item needs sign-off, then ticking counts on the progress bar but completes nothing until the manager signs', () => {
    const state = fresh();
    for (const i of items) tickItem(state, items, i.id, NOW);
    let plan = planInduction(items, ORDER, state, '2026-09-10');
    expect([plan.ticked, plan.finished, plan.complete, state.completedAt]).toEqual([3, 2, false, undefined]);
    expect(currentStage(plan)?.id).toBe('first-day');
    expect(signOffItem(state, items, 'fire-walk', 'manager-1', NOW)).toEqual({ ok: true });
    plan = planInduction(items, ORDER, state, '2026-09-10');
    expect([plan.finished, plan.complete, state.completedAt]).toEqual([3, true, NOW.toISOString()]);
  });

  it.each([
    ['tick an item not in the plan', (s: InductionState) => tickItem(s, items, 'made-up', NOW), 'unknown-item'],
    ['sign off an item that needs no sign-off', (s: InductionState) => signOffItem(s, items, 'meet-alnco', 'm', NOW), 'no-sign-off-needed'],
    ['sign off an item not yet ticked', (s: InductionState) => signOffItem(s, items, 'fire-walk', 'm', NOW), 'not-done'],
  ])('when someone tries to %s, then it is refused with a reason', (_case, attempt, problem) => {
    expect(attempt(fresh())).toEqual({ ok: false, problem });
  });

  it('when a signed-off item is unticked, then it is refused; an unsigned one can be unticked', () => {
    const state = fresh();
    tickItem(state, items, 'fire-walk', NOW);
    tickItem(state, items, 'meet-alnco', NOW);
    signOffItem(state, items, 'fire-walk', 'm', NOW);
    expect(untickItem(state, items, 'fire-walk', NOW)).toEqual({ ok: false, problem: 'signed-off' });
    expect(untickItem(state, items, 'meet-alnco', NOW)).toEqual({ ok: true });
    expect(state.items['meet-alnco']?.doneAt).toBeUndefined();
  });

  it.each([
    ['2026-09-01', true],
    ['2021-01-01', false],
    ['2027-01-10', false],
    ['2026-02-30', false],
    ['1 September', false],
  ])('when the start date is %s, then it is accepted: %s', (date, accepted) => {
    expect(newInduction(date, 'new', '2026-09-02', NOW) !== undefined).toBe(accepted);
  });

  it.each([
    ['2026-09-02', '2026-09-09', 5],
    ['2026-09-04', '2026-09-07', 1],
    ['2026-09-05', '2026-09-06', 0],
    ['2026-10-23', '2026-10-30', 5],
  ])('when counting school days from %s to %s, then there are %i (weekends not counted)', (from, to, days) => {
    expect(schoolDaysBetween(from, to)).toBe(days);
  });
});
