import type { InductionItem, InductionStageId } from '../../bot/content/induction-schemas';
import { dueDate, nextSchoolDay } from '../../bot/induction/induction-due-dates';
import { planInduction } from '../../bot/induction/induction-plan';
import { newInduction } from '../../bot/induction/start-induction';

const text = { en: 'x', cy: 'y' };
const item = (id: string, dayOffset: number): InductionItem => ({ id, stage: 'first-week', title: text, why: text, what: text, signOff: false, dayOffset });
const ORDER: InductionStageId[] = ['before-first-day', 'first-day', 'first-week', 'first-half-term', 'refresher'];
const CHRISTMAS = [{ from: '2026-12-21', to: '2027-01-01' }];

describe('induction due dates on school days', () => {
  it.each([
    ['a Monday', '2026-11-16', [], '2026-11-16'],
    ['a Saturday', '2026-11-21', [], '2026-11-23'],
    ['a Sunday', '2026-12-06', [], '2026-12-07'],
    ['a Saturday in the Christmas holiday', '2026-12-26', CHRISTMAS, '2027-01-04'],
    ['the first day of a holiday', '2026-12-21', CHRISTMAS, '2027-01-04'],
    ['a Friday before a holiday', '2026-12-18', CHRISTMAS, '2026-12-18'],
  ])('when an item falls on %s, then it is due on the next school day', (_case, date, holidays, expected) => {
    expect(nextSchoolDay(date, holidays)).toBe(expected);
  });

  it('when a holiday entered by mistake spans years, then the date still comes back (weekends only)', () => {
    expect(nextSchoolDay('2026-11-21', [{ from: '2026-01-01', to: '2030-12-31' }])).toBe('2026-11-23');
  });

  it('when the offset lands on a weekend, then the due date is the Monday after', () => {
    expect(dueDate('2026-11-16', 5)).toBe('2026-11-23');
    expect(dueDate('2026-11-16', -2)).toBe('2026-11-16');
  });
});

describe('what is late and what is to catch up', () => {
  const items = [item('early', 0), item('later', 3), item('school-1', 0)];
  const state = newInduction('2026-11-16', 'new', '2026-11-16', new Date('2026-11-16T10:00:00Z'))!;

  it('when an item was due before it reached the person, then it is to catch up; when due after, it is overdue', () => {
    const reachedOn = (i: InductionItem) => (i.id === 'school-1' ? '2026-11-30' : '2026-11-16');
    const plan = planInduction(items, ORDER, state, '2026-11-30', { reachedOn });
    expect(plan.stages[0]!.items.map((p) => [p.item.id, p.status])).toEqual([
      ['early', 'overdue'],
      ['school-1', 'catch-up'],
      ['later', 'overdue'],
    ]);
    expect(plan.catchUp.map((p) => p.item.id)).toEqual(['school-1']);
    // Still wanting doing: a reminder counts it.
    expect(plan.dueNotDone).toBe(3);
  });

  it('when nobody says when items arrived, then nothing is to catch up (as before)', () => {
    const plan = planInduction(items, ORDER, state, '2026-11-30');
    expect(plan.catchUp).toEqual([]);
  });
});
