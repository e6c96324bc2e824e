import en from '../../../bot/i18n/en.json';
import cy from '../../../bot/i18n/cy.json';
import { newAppraisal } from '../../../bot/appraisal/appraisal-state';
import { BotHarness } from '../../support/bot-harness';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { deliveredByPerson } from '../../support/delivered-notices';
import { press } from '../../support/press-button';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

/** Monday 25 January 2027, 10:00 in Wales. */
let clock = new Date('2027-01-25T10:00:00Z');
const now = () => clock;
const ffion = teamsUser({ name: 'Ffion Davies', locale: 'cy-GB' });
const alex = teamsUser({ name: 'Alex Brown', locale: 'en-GB', tenantId: ffion.tenantId });
const ALL_MEET = { paid: 'yes', 'teaching-work': 'yes', 'with-learners': 'yes', 'teacher-direction': 'yes', qts: 'no' };
const NEVER = [/need not register/i, /don't need to register/i, /do not need to register/i, /does not need to be registered/i, /nid oes angen i chi gofrestru/i];

describe('EWC registration: the questions, what they mean, and reminders on a test clock, over HTTP', () => {
  const harness = new BotHarness();
  const say = async (user: TeamsUser, text: string): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    return cardsIn(harness.connector.sent)[0]!;
  };
  const pressOn = async (user: TeamsUser, card: Card, verb: string, typed: Record<string, unknown> = {}): Promise<Card> => {
    const { data } = press(card, verb, typed);
    const answer = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
    expect(cardProblems(answer)).toEqual([]);
    return answer;
  };
  const tickAt = async (at: Date) => {
    clock = at;
    await harness.bot!.proactive.scheduler.tick(clock);
    return deliveredByPerson(harness, clock);
  };

  beforeAll(() => harness.start({ now }));
  afterAll(() => harness.stop());

  it('when work fits every part of the definition, then it is the kind that must be registered, with who decides; anything else says to check with the headteacher, never that no registration is needed', async () => {
    const card = await say(alex, 'registration');
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Do you work directly with learners?');
    expect(cardText(card)).toContain('Source: ');
    expect(cardText(card)).toContain('As of 2017');
    const must = cardText(await pressOn(alex, card, 'learning.registrationAnswer', ALL_MEET));
    expect(must).toContain(en.registration.mustRegister);
    for (const changed of [{ paid: 'no' }, { qts: 'yes' }, { 'teacher-direction': 'no' }]) {
      const text = cardText(await pressOn(alex, card, 'learning.registrationAnswer', { ...ALL_MEET, ...changed }));
      expect(text).toContain(en.registration.checkWithHead);
      for (const never of NEVER) expect(text).not.toMatch(never);
    }
    const welsh = cardText(await pressOn(ffion, await say(ffion, 'cofrestru'), 'learning.registrationAnswer', { ...ALL_MEET, paid: 'no' }));
    expect(welsh).toContain(cy.registration.checkWithHead);
    for (const never of NEVER) expect(welsh).not.toMatch(never);
  });

  it('when a question is left unanswered or an answer is tampered with, then the card comes back with the answers given and the problem at the question', async () => {
    const card = await say(alex, 'registration');
    const back = await pressOn(alex, card, 'learning.registrationAnswer', { paid: 'yes', qts: 'no' });
    expect(cardText(back)).toContain(en.registration.answerEach);
    expect(cardText(back).split(en.registration.unanswered).length - 1).toBe(3);
    expect(JSON.stringify(back)).toContain('"id":"paid"');
    const tampered = invokeCard(await harness.post(cardAction(alex, harness.serviceUrl, 'learning.registrationAnswer', { paid: 'maybe' })));
    expect(cardText(tampered)).toContain(en.errors.staleCardTitle);
  });

  it('when reminders are on, then the EWC fee note comes in February and a Passport note in the week before a review, once each, in the person\'s language; off, nothing more', async () => {
    for (const user of [alex, ffion]) {
      const card = await say(user, user === alex ? 'registration' : 'cofrestru');
      const on = await pressOn(user, card, 'learning.reminders');
      expect(cardText(on)).toContain(user === alex ? en.registration.remindersStarted : cy.registration.remindersStarted);
    }
    // Alex's mid-year review is on Wednesday 10 February.
    const key = `${alex.tenantId}:${alex.aadObjectId}`;
    const stored = (await harness.bot!.store.users.read(key, key))!;
    const appraisal = newAppraisal('2026-09', clock);
    appraisal.meetings['mid-year'].date = '2027-02-10';
    await harness.bot!.store.users.replace({ ...stored.value, appraisal }, stored.etag);

    const january = await tickAt(new Date('2027-01-26T10:00:00Z'));
    expect(january.size).toBe(0);
    const february = await tickAt(new Date('2027-02-01T10:00:00Z'));
    expect(february.get(alex.aadObjectId)?.join('\n')).toContain(en.registration.feeTitle);
    expect(february.get(alex.aadObjectId)?.join('\n')).toContain('As of 2017');
    expect(february.get(ffion.aadObjectId)?.join('\n')).toContain(cy.registration.feeTitle);
    const week = await tickAt(new Date('2027-02-08T10:00:00Z'));
    expect(week.get(alex.aadObjectId)?.join('\n')).toContain(en.registration.passportTitle);
    expect(week.get(alex.aadObjectId)?.join('\n')).toContain('10 February 2027');
    expect(week.get(alex.aadObjectId)?.join('\n')).not.toContain(en.registration.feeTitle);
    expect(week.has(ffion.aadObjectId)).toBe(false);
    expect((await tickAt(new Date('2027-02-08T14:00:00Z'))).size).toBe(0);

    const off = await pressOn(alex, await say(alex, 'registration'), 'learning.reminders');
    expect(cardText(off)).toContain(en.registration.remindersStopped);
    const year = await tickAt(new Date('2028-02-01T10:00:00Z'));
    expect(year.has(alex.aadObjectId)).toBe(false);
  });
});
