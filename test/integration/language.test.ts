import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText, invokeCard } from '../support/cards-in';
import { cardAction, message, teamsUser } from '../support/teams-activities';

describe('choosing a language', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start({ persist: true }));
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  it('when an en-GB user types Cymraeg, then Cefnogi answers in Welsh from then on, also after a restart', async () => {
    const user = teamsUser({ locale: 'en-GB' });
    await harness.post(message(user, harness.serviceUrl, 'Cymraeg'));
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('Byddaf yn siarad Cymraeg');

    await harness.restart();
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, 'help'));
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('Beth alla i ei wneud');
  });

  it('when a Welsh user types English, then the help card comes back in English', async () => {
    const user = teamsUser({ locale: 'cy-GB' });
    await harness.post(message(user, harness.serviceUrl, 'English'));
    await harness.post(message(user, harness.serviceUrl, 'cymorth'));
    const cards = cardsIn(harness.connector.sent);
    expect(cardText(cards[1]!)).toContain('What I can do');
  });

  it('when the toggle on the welcome card is pressed, then the welcome card comes back in the other language and the choice is kept', async () => {
    const user = teamsUser({ locale: 'en-GB', name: 'Dafydd Rees' });
    const card = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, 'language.set', { language: 'cy', view: 'welcome' })));
    expect(cardText(card)).toContain('Croeso i Gefnogi');
    expect(cardText(card)).toContain('Helo Dafydd');
    await harness.post(message(user, harness.serviceUrl, 'help'));
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('Beth alla i ei wneud');
  });

  it('when the toggle carries a language that does not exist, then an error card comes back and nothing changes', async () => {
    const user = teamsUser({ locale: 'en-GB' });
    await harness.post(message(user, harness.serviceUrl, 'help'));
    const key = `${user.tenantId}:${user.aadObjectId}`;
    const before = await harness.bot!.store.users.read(key, key);
    const answer = await harness.post(cardAction(user, harness.serviceUrl, 'language.set', { language: 'fr' }));
    expect(answer.status).toBeLessThan(500);
    expect(cardText(invokeCard(answer))).toContain("That card can't be used");
    const after = await harness.bot!.store.users.read(key, key);
    expect(after?.etag).toBe(before?.etag);
    expect(after?.value.language).toBeUndefined();
  });
});
