import en from '../../../bot/i18n/en.json';
import cy from '../../../bot/i18n/cy.json';
import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardText, invokeCard } from '../../support/cards-in';
import { inputValues } from '../../support/press-button';
import { SelfAssessmentTaker } from '../../support/self-assessment-taker';
import { cardAction, teamsUser } from '../../support/teams-activities';

const clock = new Date('2026-12-14T10:00:00Z');

describe('"Save to my learning" from self-assessment results, over HTTP', () => {
  const harness = new BotHarness();
  const taker = new SelfAssessmentTaker(harness);
  beforeAll(() => harness.start({ now: () => clock }));
  afterAll(() => harness.stop());

  it.each([
    ['en-GB', en],
    ['cy-GB', cy],
  ])('when someone in %s presses Save to my learning on their results, then a new entry opens dated today with their priorities as its key areas', async (locale, s) => {
    const user = await taker.staffMember(locale, 'teaching-assistant-2', 'Siôn Watkins');
    const low = new Set(['safeguarding', 'communication']);
    const results = await taker.takeWhole(user, await taker.act(user, 'selfAssessment.begin'), (area) => (low.has(area) ? '1' : '3'));
    const [save] = actionsOf(results, 'learning.new');
    expect(save?.title).toBe(s.learning.save);
    const form = await taker.act(user, save!.verb, save!.data);
    expect(cardText(form)).toContain(s.learning.newTitle);
    const values = inputValues(form);
    expect(String(values.learningAreas).split(',').sort()).toEqual(['communication', 'safeguarding']);
    expect(values.learningDate).toBe('2026-12-14');
    expect(values.learningTitle).toBe('');
  });

  it('when the start is tampered with (a key area that does not exist), then the stale-card card comes back', async () => {
    const user = teamsUser({ locale: 'en-GB' });
    const answer = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, 'learning.new', { areas: 'wizardry' })));
    expect(cardText(answer)).toContain(en.errors.staleCardTitle);
  });
});
