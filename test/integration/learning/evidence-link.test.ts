import en from '../../../bot/i18n/en.json';
import cy from '../../../bot/i18n/cy.json';
import { learningEntries } from '../../../bot/learning/learning-entry';
import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { choiceInputs } from '../../support/card-inputs';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { press } from '../../support/press-button';
import { confirmedAt, registerSchools, school } from '../../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

/** Monday 14 December 2026, 10:00 in Wales. */
const clock = new Date('2026-12-14T10:00:00Z');
const manager = teamsUser({ name: 'Eirian Price', locale: 'en-GB' });
const staff = teamsUser({ name: 'Nia Roberts', locale: 'cy-GB', tenantId: manager.tenantId });
const other = teamsUser({ name: 'Dai Jones', locale: 'en-GB', tenantId: manager.tenantId });

const ENTRY = { learningDate: '2026-12-01', learningHours: '2', learningKind: 'coaching', learningAreas: '', learningStandards: 'collaboration', learned: 'Questioning.', changed: 'More open questions.', difference: 'Pupils explain more.' };

describe('learning linked to appraisal objectives as evidence, over HTTP', () => {
  const harness = new BotHarness();
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> => invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const say = async (user: TeamsUser, text: string): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    return cardsIn(harness.connector.sent)[0]!;
  };
  const entriesOf = async (user: TeamsUser) => (await harness.bot!.store.collection(learningEntries).findInPartition(`${user.tenantId}:${user.aadObjectId}`, {})).map((s) => s.value);

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    const ids = await registerSchools(harness.bot!.store, manager.tenantId, [school('Ysgol y Castell')], clock);
    for (const user of [manager, staff, other]) await harness.post(message(user, harness.serviceUrl, 'help'));
    await confirmedAt(harness.bot!.store, staff.tenantId, ids.get('Ysgol y Castell')!.id, staff.aadObjectId, clock);
    await act(staff, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'fluent', lineManager: manager.aadObjectId });
    await act(manager, 'team.accept', { reportId: staff.aadObjectId });
    await act(staff, 'appraisal.addObjective', { objectiveText: 'Use more open questions in guided reading', objectiveMeasure: 'Seen in two observations', standards: 'pedagogy', keyAreas: '' });
  });
  afterAll(() => harness.stop());

  it('when someone links an entry to their own objective, then their log says so, and their line manager sees that entry (not the others) from the appraisal view', async () => {
    const form = await say(staff, 'cofnodi dysgu');
    const question = choiceInputs(form).find((c) => c.id === 'learningObjective')!;
    expect(question.label).toBe(cy.learning.objectiveLabel);
    expect(question.choices.map((c) => c.title)).toEqual([cy.learning.notLinked, 'Use more open questions in guided reading']);
    const objectiveId = question.choices[1]!.value;
    const log = await act(staff, 'learning.save', press(form, 'learning.save', { ...ENTRY, learningTitle: 'Coaching on questioning', learningObjective: objectiveId }).data);
    expect(cardText(log)).toContain('Tystiolaeth ar gyfer: Use more open questions in guided reading');
    await act(staff, 'learning.save', press(await say(staff, 'cofnodi dysgu'), 'learning.save', { ...ENTRY, learningTitle: 'Private reading' }).data);
    expect((await entriesOf(staff)).find((e) => e.title === 'Coaching on questioning')?.objective).toEqual({ cycleId: '2026-09', id: objectiveId });

    const appraisal = await act(manager, 'appraisal.openReview', { reportId: staff.aadObjectId });
    expect(actionsOf(appraisal, 'learning.evidence')[0]?.title).toBe(en.learningEvidence.open);
    const evidence = await act(manager, 'learning.evidence', press(appraisal, 'learning.evidence').data);
    expect(cardProblems(evidence)).toEqual([]);
    const text = cardText(evidence);
    expect(text).toContain('Use more open questions in guided reading');
    expect(text).toContain('Coaching on questioning');
    expect(text).toContain('Pupils explain more.');
    expect(text).not.toContain('Private reading');
  });

  it("when someone who is not the line manager asks, or an entry is linked to an objective that is not the person's own, then nothing is shown or written", async () => {
    expect(cardText(await act(other, 'learning.evidence', { reportId: staff.aadObjectId }))).toContain(en.appraisal.notYourReport);
    const before = JSON.stringify(await entriesOf(staff));
    const back = await act(staff, 'learning.save', { ...ENTRY, learningTitle: 'Tampered link', learningObjective: 'o99' });
    expect(cardText(back)).toContain(cy.learning.problems['objective-unknown']);
    expect(JSON.stringify(await entriesOf(staff))).toBe(before);
    // Someone without an appraisal is not asked the question at all, and cannot link either.
    expect(choiceInputs(await say(other, 'log learning')).map((c) => c.id)).not.toContain('learningObjective');
    expect(cardText(await act(other, 'learning.save', { ...ENTRY, learningTitle: 'x', learningObjective: 'o1' }))).toContain(en.learning.problems['objective-unknown']);
  });
});
