import { promptCard } from '../../../bot/appraisal/appraisal-prompt-view';
import { cardText } from '../../support/cards-in';
import { actionsOf } from '../../support/card-actions';

const nia = { reportId: '00000000-0000-4000-8000-000000000001', name: 'Nia Roberts' };

describe('an appraisal prompt as its reader sees it', () => {
  it('when a snooze reminder comes after the meeting’s date, then it says the meeting is overdue, not coming up', () => {
    const staff = cardText(promptCard('en', { meeting: 'mid-year', kind: 'snoozed', role: 'staff', date: '2027-03-10', day: '2027-03-11', until: '2027-03-11' }));
    expect(staff.split('\n')[0]).toBe('Overdue: Mid-year review (planned for Wednesday, 10 March 2027)');
    expect(staff).not.toContain('Is the date still right?');
    const manager = cardText(promptCard('cy', { meeting: 'mid-year', kind: 'snoozed', role: 'manager', date: '2027-03-10', day: '2027-03-15', until: '2027-03-15' }, nia));
    expect(manager.split('\n')[0]).toMatch(/^Yn hwyr: /);
  });

  it('when a snooze reminder comes before the meeting, then it is a reminder of the date', () => {
    const staff = cardText(promptCard('en', { meeting: 'mid-year', kind: 'snoozed', role: 'staff', date: '2027-03-10', day: '2027-03-08', until: '2027-03-08' }));
    expect(staff.split('\n')[0]).toBe('Reminder: Mid-year review on Wednesday, 10 March 2027');
    expect(staff).toContain('Is the date still right?');
  });

  it('when a prompt names a meeting mid-sentence, then the name is in lower case, and the Welsh asks formally', () => {
    const en = promptCard('en', { meeting: 'planning', kind: 'before-7', role: 'manager', date: '2027-01-06', day: '2026-12-30' }, nia);
    expect(cardText(en)).toContain("Nia Roberts's planning meeting. Confirm the date");
    const cy = promptCard('cy', { meeting: 'planning', kind: 'before-7', role: 'staff', date: '2027-01-06', day: '2026-12-30' });
    expect(actionsOf(cy, 'appraisal.snooze')[0]!.title).toBe('Atgoffwch fi ymhen wythnos');
  });
});
