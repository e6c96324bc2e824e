import { enqueueNotice } from '../../bot/app/notice-in-both';
import { BILINGUAL_CARD_LIMIT, cardMessageSize } from '../../bot/i18n/bilingual-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

/** A school day at ten in the morning, outside every quiet hour. */
const TUESDAY = new Date('2026-10-06T09:00:00Z');

describe('the "Cymraeg a Saesneg / Welsh and English" language setting', () => {
  const harness = new BotHarness();
  let clock = TUESDAY;
  beforeAll(() => harness.start({ persist: true, now: () => clock }));
  afterAll(() => harness.stop());
  beforeEach(() => {
    clock = TUESDAY;
    harness.connector.clear();
  });

  const say = async (user: TeamsUser, text: string): Promise<Card[]> => {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    return cardsIn(harness.connector.sent);
  };
  /** Where `first` and `then` appear in the card's text; both must be there. */
  const order = (card: Card, first: string, then: string): [number, number] => {
    const text = cardText(card);
    return [text.indexOf(first), text.indexOf(then)];
  };
  const expectWelshThenEnglish = (card: Card, welsh: string, english: string): void => {
    const [cy, en] = order(card, welsh, english);
    expect(cy).toBeGreaterThanOrEqual(0);
    expect(en).toBeGreaterThan(cy);
    expect(cardProblems(card)).toEqual([]);
    expect(cardMessageSize(card as AdaptiveCardJson)).toBeLessThanOrEqual(BILINGUAL_CARD_LIMIT);
  };
  const titles = (card: Card): string[] => ((card.actions ?? []) as { title?: string }[]).map((a) => a.title ?? '');

  it('when an English speaker types "Cymraeg a Saesneg", then the help card comes Welsh first with the English beneath and each button once', async () => {
    const user = teamsUser({ locale: 'en-GB' });
    const [help] = await say(user, 'Cymraeg a Saesneg');
    expectWelshThenEnglish(help!, 'Beth alla i ei wneud', 'What I can do');
    expectWelshThenEnglish(help!, 'O hyn ymlaen, bydd pob cerdyn yn Gymraeg', 'From now on every card comes in Welsh');
    expect(titles(help!)).toContain('Cymraeg a Saesneg / Welsh and English');
    expect(titles(help!).filter((t) => t.startsWith('Cymraeg a Saesneg'))).toHaveLength(1);
  });

  it('when someone types "Welsh and English", then their profile card comes in both languages too', async () => {
    const user = teamsUser({ locale: 'en-GB' });
    await say(user, 'Welsh and English');
    const [profile] = await say(user, 'profile');
    expectWelshThenEnglish(profile!, 'Eich proffil', 'Your profile');
    const saved = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, 'profile.save', { roleId: 'catering-2', welshLevelId: 'entry' })));
    expectWelshThenEnglish(saved, 'Cymraeg a Saesneg', 'Welsh and English');
  });

  it('when a "Welsh and English" reader presses a button, then the card answered to the press is in both languages', async () => {
    const user = teamsUser({ locale: 'cy-GB' });
    const answer = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, 'language.set', { language: 'both', view: 'help' })));
    expectWelshThenEnglish(answer, 'Beth alla i ei wneud', 'What I can do');
  });

  it('when the bot restarts, then the choice is still there, and typing English switches back to English alone', async () => {
    const user = teamsUser({ locale: 'en-GB' });
    await say(user, 'cymraeg a saesneg');
    await harness.restart();
    const [after] = await say(user, 'help');
    expectWelshThenEnglish(after!, 'Beth alla i ei wneud', 'What I can do');

    const [english] = await say(user, 'English');
    expect(cardText(english!)).toContain('What I can do');
    expect(cardText(english!)).not.toContain('Beth alla i ei wneud');
    const [welsh] = await say(user, 'Cymraeg');
    expect(cardText(welsh!)).toContain('Beth alla i ei wneud');
    expect(cardText(welsh!)).not.toContain('What I can do');
    const key = `${user.tenantId}:${user.aadObjectId}`;
    expect((await harness.bot!.store.users.read(key, key))?.value.bothLanguages).toBeUndefined();
  });

  it('when a notice goes through the outbox to a "Welsh and English" reader, then it arrives Welsh first with the English beneath', async () => {
    const user = teamsUser({ locale: 'en-GB' });
    await say(user, 'Welsh and English');
    await enqueueNotice(harness.bot!.proactive.outbox, {
      key: `both-notice:${user.aadObjectId}`,
      recipient: `${user.tenantId}:${user.aadObjectId}`,
      card: (language) => (language === 'cy' ? { title: 'Nodyn i chi', text: 'Mae eich adolygiad yn agosáu.' } : { title: 'A note for you', text: 'Your review is coming up.' }),
    });
    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    const [notice] = cardsIn(harness.connector.sent.filter((s) => s.conversationId === `a:personal-${user.aadObjectId}`));
    expectWelshThenEnglish(notice!, 'Mae eich adolygiad yn agosáu.', 'Your review is coming up.');
  });

  it('when the two languages together would pass the size limit, then the Welsh card comes alone, saying the English is one tap away', async () => {
    const user = teamsUser({ locale: 'en-GB' });
    await say(user, 'Cymraeg a Saesneg');
    const big = (word: string): AdaptiveCardJson => ({
      type: 'AdaptiveCard',
      version: '1.5',
      body: Array.from({ length: 60 }, (_, i) => ({ type: 'TextBlock', wrap: true, text: `${word} ${i} ${'x'.repeat(300)}` })),
    });
    await harness.bot!.proactive.outbox.enqueue({
      key: `both-big:${user.aadObjectId}`,
      recipient: `${user.tenantId}:${user.aadObjectId}`,
      quietHours: false,
      content: { cy: { card: big('Cymraeg') }, en: { card: big('English') } },
    });
    harness.connector.clear();
    await harness.bot!.proactive.sender.drain(clock);
    const [card] = cardsIn(harness.connector.sent.filter((s) => s.conversationId === `a:personal-${user.aadObjectId}`));
    const text = cardText(card!);
    expect(text).toContain('Cymraeg 59');
    expect(text).not.toContain('English 0');
    expect(text).toContain("Mae'r Saesneg un tap i ffwrdd");
    expect(text).toContain('The English is one tap away');
    expect(titles(card!)).toContain('English');
    expect(cardProblems(card!)).toEqual([]);
    expect(cardMessageSize(card as AdaptiveCardJson)).toBeLessThanOrEqual(BILINGUAL_CARD_LIMIT);
  });
});
