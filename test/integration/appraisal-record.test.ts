import { BotHarness } from '../support/bot-harness';
import { actionsOf, textInputValue } from '../support/card-actions';
import { cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

/** Monday 14 December 2026, 10:00 in Wales. */
const clock = new Date('2026-12-14T10:00:00Z');

describe('a meeting’s record: short on the appraisal, whole on its own card', () => {
  const harness = new BotHarness();
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> => {
    const card = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
    expect(cardProblems(card)).toEqual([]);
    return card;
  };
  const manager = teamsUser({ name: 'Eirian Price', locale: 'en-GB' });
  const staff = teamsUser({ name: 'Nia Roberts', locale: 'en-GB', tenantId: manager.tenantId });
  const longComments = `${'Settled well, and the phonics group reads more each week. '.repeat(30)}The end.`;

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await harness.post(message(manager, harness.serviceUrl, 'help'));
    await harness.post(message(staff, harness.serviceUrl, 'help'));
    await act(staff, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', lineManager: manager.aadObjectId });
    await act(manager, 'team.accept', { reportId: staff.aadObjectId });
    await act(staff, 'appraisal.addObjective', { objectiveText: 'Lead phonics sessions', objectiveMeasure: 'The group reads on its own', standards: 'pedagogy', keyAreas: '' });
    await act(staff, 'appraisal.setDates', { reportId: '', 'date-planning': '2026-12-14' });
    const form = await act(manager, 'appraisal.openReview', { reportId: staff.aadObjectId, meeting: 'planning' });
    await act(manager, 'appraisal.record', { ...actionsOf(form, 'appraisal.record')[0]!.data, comments: longComments, priorities: 'Phonics leadership' });
  });
  afterAll(() => harness.stop());

  it('when long comments are recorded, then the appraisal shows them shortened and the record card shows them whole, with her comment box', async () => {
    const overview = await act(staff, 'appraisal.show');
    expect(cardText(overview)).toContain('Settled well');
    expect(cardText(overview)).not.toContain('The end.');
    const open = actionsOf(overview, 'appraisal.show').find((a) => a.data.record === 'planning')!;
    expect(open.title).toBe('Read the record and comment');
    const record = await act(staff, open.verb, open.data);
    expect(cardText(record)).toContain('The end.');
    expect(cardText(record)).toContain('Development priorities for next year: Phonics leadership');
    expect(textInputValue(record, 'comment-planning')).toBe('');

    const save = actionsOf(record, 'appraisal.comment')[0]!;
    expect(cardText(await act(staff, save.verb, { ...save.data, 'comment-planning': 'Thank you: I will keep the group going.' }))).toContain('Your comment is saved');
    expect(textInputValue(await act(staff, open.verb, open.data), 'comment-planning')).toBe('Thank you: I will keep the group going.');
  });

  it('when her line manager opens the record, then they read her comment and can go back, and nobody else can open it', async () => {
    const view = await act(manager, 'appraisal.openReview', { reportId: staff.aadObjectId });
    const open = actionsOf(view, 'appraisal.openReview').find((a) => a.data.record === 'planning')!;
    expect(open.title).toBe('Read the record');
    const record = await act(manager, open.verb, open.data);
    expect(cardText(record)).toContain("Staff member's comment: Thank you: I will keep the group going.");
    expect(cardText(record)).toContain('The end.');
    expect(textInputValue(record, 'comment-planning')).toBeUndefined();
    expect(actionsOf(record, 'appraisal.openReview').map((a) => a.data)).toEqual([{ reportId: staff.aadObjectId }]);
    const stranger = teamsUser({ tenantId: manager.tenantId });
    expect(cardText(await act(stranger, open.verb, open.data))).toContain("You are not this person's line manager");
    expect(cardText(await act(staff, 'appraisal.show', { record: 'mid-year' }))).toContain('That meeting has not been recorded yet.');
  });
});
