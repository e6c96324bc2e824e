import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText, invokeCard } from '../support/cards-in';
import { cardAction, inChannel, message, teamsUser } from '../support/teams-activities';

describe('private views outside the one-to-one chat', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  it.each(['profile', 'induction', 'self-assessment', 'my team', 'my appraisal', 'school', 'import managers'])(
    'when someone asks for "%s" in a team channel, then the channel is told it is private and sees nobody’s records',
    async (command) => {
      const user = teamsUser({ locale: 'en-GB' });
      await harness.post(cardAction(user, harness.serviceUrl, 'profile.save', { roleId: 'teaching-assistant-1', welshLevelId: 'entry', ewcNumber: '998877' }));
      harness.connector.clear();
      await harness.post(inChannel(message(user, harness.serviceUrl, command), user));
      const text = cardText(cardsIn(harness.connector.sent)[0]!);
      expect(text).toContain("Let's talk one-to-one");
      expect(text).not.toContain('998877');
      expect(text).not.toContain('Ysgol Glan');
    },
  );

  it('when a colleague presses Done on an induction card in a channel, then nothing is ticked and the card says why', async () => {
    const user = teamsUser({ locale: 'cy-GB' });
    await harness.post(cardAction(user, harness.serviceUrl, 'profile.save', { roleId: 'teaching-assistant-1', welshLevelId: 'entry' }));
    await harness.post(cardAction(user, harness.serviceUrl, 'induction.begin', { startDate: '2026-11-20', mode: 'new' }));
    const key = `${user.tenantId}:${user.aadObjectId}`;
    const before = await harness.bot!.store.users.read(key, key);
    const card = invokeCard(await harness.post(inChannel(cardAction(user, harness.serviceUrl, 'induction.tick', { itemId: 'x', stage: 'first-day' }), user)));
    expect(cardText(card)).toContain('Gadewch i ni siarad un-i-un');
    expect((await harness.bot!.store.users.read(key, key))?.etag).toBe(before?.etag);
  });

  it('when someone types help in a channel, then help still answers there', async () => {
    const user = teamsUser();
    await harness.post(inChannel(message(user, harness.serviceUrl, 'help'), user));
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('What I can do');
  });
});
