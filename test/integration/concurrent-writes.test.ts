import { BotHarness, type BotAnswer } from '../support/bot-harness';
import { cardsIn, cardText, invokeCard } from '../support/cards-in';
import { cardAction, message, teamsUser } from '../support/teams-activities';

/** The turn-error card, in either language: what a person sees when a write gave up. */
const ERROR_CARD = /Something went wrong|Aeth rhywbeth o'i le/;
const PARALLEL = 40;

describe('one person doing many things at once (several devices, double clicks)', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());
  const keyOf = (user: { tenantId: string; aadObjectId: string }) => `${user.tenantId}:${user.aadObjectId}`;

  it(`when one person switches language ${PARALLEL} times at once, then every switch is confirmed and none ends in an error card`, async () => {
    const user = teamsUser({ locale: 'en-GB' });
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => harness.post(message(user, harness.serviceUrl, i % 2 === 0 ? 'Cymraeg' : 'English'))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(200));
    const texts = cardsIn(harness.connector.sent).map(cardText);
    expect(texts.filter((t) => ERROR_CARD.test(t))).toEqual([]);
    expect(texts.filter((t) => /Byddaf yn siarad Cymraeg|I'll speak English/.test(t))).toHaveLength(PARALLEL);
    expect(['cy', 'en']).toContain((await harness.bot!.store.users.read(keyOf(user), keyOf(user)))?.value.language);
  });

  it(`when one person saves their profile ${PARALLEL} times at once, then every save is confirmed, none ends in an error card, and one of them is stored`, async () => {
    const user = teamsUser({ locale: 'en-GB' });
    const numbers = Array.from({ length: PARALLEL }, (_, i) => String(100000 + i));
    const answers: BotAnswer[] = await Promise.all(
      numbers.map((ewcNumber) =>
        harness.post(cardAction(user, harness.serviceUrl, 'profile.save', { roleId: 'teaching-assistant-2', ewcNumber, welshLevelId: 'fluent' })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(200));
    const texts = answers.map((a) => cardText(invokeCard(a)));
    expect(texts.filter((t) => ERROR_CARD.test(t))).toEqual([]);
    expect(texts.filter((t) => t.includes('Your profile is saved.'))).toHaveLength(PARALLEL);
    expect(numbers).toContain((await harness.bot!.store.users.read(keyOf(user), keyOf(user)))?.value.profile?.ewcNumber);
  });
});
