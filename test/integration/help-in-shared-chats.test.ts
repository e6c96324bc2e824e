import en from '../../bot/i18n/en.json';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText, type Card } from '../support/cards-in';
import { cardAction, inChannel, inGroupChat, message, teamsUser, type TeamsUser } from '../support/teams-activities';

const TENANT = '11111111-2222-3333-4444-555555555555';
const admin = teamsUser({ aadObjectId: 'c0c0c0c0-1111-4222-8333-444455550101', tenantId: TENANT });
const CHAT_LINK = 'https://teams.microsoft.com/l/chat/0/0?users=28%3Acefnogi-bot';

/** The buttons of a card anywhere on it: type, title, verb or url. */
function buttons(card: Card): { type: string; title: string; verb?: string; url?: string; data?: Record<string, unknown> }[] {
  const out: { type: string; title: string; verb?: string; url?: string; data?: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (typeof n.type === 'string' && n.type.startsWith('Action.')) out.push(n as never);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return out;
}

/** The old personal help card's profile button, as it sits on cards already posted in chats. */
const profileButton = { verb: 'profile.edit', data: { opensNewMessage: true } };

describe('help and private commands in group chats and channels', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${admin.aadObjectId}` });
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  async function said(activity: Record<string, unknown>): Promise<Card> {
    harness.connector.clear();
    await harness.post(activity);
    const cards = cardsIn(harness.connector.sent);
    expect(cards).toHaveLength(1);
    return cards[0]!;
  }

  it.each([
    ['a group chat', (a: Record<string, unknown>, u: TeamsUser) => inGroupChat(a, u), []],
    ['a channel', (a: Record<string, unknown>, u: TeamsUser) => inChannel(a, u), ['cymuned ddysgu', 'rhannu <dolen> <nodyn>', 'llyfrgell', 'ymuno <cod>']],
  ])('when someone asks for help in %s, then help lists what works there and offers the one-to-one chat, with no private buttons', async (_where, place, learningCommunity) => {
    const user = teamsUser({ locale: 'cy-GB' });
    const card = await said(place(message(user, harness.serviceUrl, 'cymorth'), user));
    const text = cardText(card);
    expect(text).toContain('Beth alla i ei wneud yn y sgwrs hon');
    const facts = (card.body as { type: string; facts?: { title: string }[] }[]).flatMap((b) => b.facts ?? []).map((f) => f.title);
    expect(facts).toEqual(['cymorth', 'Cymraeg', 'English', ...learningCommunity]);
    expect(text).not.toContain('Gosod fy mhroffil');
    const all = buttons(card);
    expect(all.filter((b) => b.type === 'Action.Execute').map((b) => b.verb)).toEqual(['language.set']);
    expect(all.find((b) => b.type === 'Action.OpenUrl')).toMatchObject({ title: 'Agor sgwrs un-i-un', url: CHAT_LINK });
  });

  it('when someone switches language in a group chat, then the help that comes back is the chat\'s, in the new language', async () => {
    const user = teamsUser();
    const card = await said(inGroupChat(message(user, harness.serviceUrl, 'Cymraeg'), user));
    const text = cardText(card);
    expect(text).toContain('Beth alla i ei wneud yn y sgwrs hon');
    expect(text).not.toContain('Gosod fy mhroffil');
  });

  it('when an administrator switches language in the one-to-one chat, then the help that comes back lists their commands', async () => {
    const text = cardText(await said(message(admin, harness.serviceUrl, 'English')));
    expect(text).toContain(en.language.switched);
    expect(buttons(await said(message(admin, harness.serviceUrl, 'English'))).map((b) => b.title)).toEqual(expect.arrayContaining(['Roles', 'Audit']));
  });

  it('when an administrator asks for help in a channel, then it tells them they can link the team there', async () => {
    const text = cardText(await said(inChannel(message(admin, harness.serviceUrl, 'help'), admin)));
    expect(text).toContain('link school');
    expect(text).toContain('unlink school');
    const user = teamsUser();
    expect(cardText(await said(inChannel(message(user, harness.serviceUrl, 'help'), user)))).not.toContain('link school');
  });

  it('when someone presses "Gosod fy mhroffil" on a help card in a group chat, then the help card stays and the refusal comes below with the one-to-one button', async () => {
    const user = teamsUser({ locale: 'cy-GB' });
    harness.connector.clear();
    const answer = await harness.post(inGroupChat(cardAction(user, harness.serviceUrl, profileButton.verb, profileButton.data), user));
    expect((answer.body as { type?: string }).type).toBe('application/vnd.microsoft.activity.message');
    const [refusal] = cardsIn(harness.connector.sent);
    expect(harness.connector.sent[0]!.conversationId).toBe('19:group-chat@thread.v2');
    expect(cardText(refusal!)).toContain('Gadewch i ni siarad un-i-un');
    expect(cardText(refusal!)).not.toContain('Ni newidiwyd dim');
    expect(buttons(refusal!)).toEqual([{ type: 'Action.OpenUrl', title: 'Agor sgwrs un-i-un', url: CHAT_LINK }]);
  });

  it.each(['profile', 'induction', 'my appraisal', 'my team', 'my schools', 'admin'])(
    'when someone types "%s" in a channel, then the answer offers the one-to-one chat and does not say nothing was changed',
    async (command) => {
      const user = teamsUser();
      const card = await said(inChannel(message(user, harness.serviceUrl, command), user));
      expect(cardText(card)).toContain(en.helpCards.oneToOne);
      expect(cardText(card)).not.toContain(en.helpCards.nothingChanged);
      expect(buttons(card)).toEqual([{ type: 'Action.OpenUrl', title: en.helpCards.openChat, url: CHAT_LINK }]);
    },
  );

  it('when someone presses a button that would change something in a channel, then the answer says nothing was changed', async () => {
    const user = teamsUser();
    const answer = await harness.post(inChannel(cardAction(user, harness.serviceUrl, 'induction.tick', { itemId: 'x', stage: 'first-day' }), user));
    const card = (answer.body as { value: Card }).value;
    expect(cardText(card)).toContain(en.helpCards.nothingChanged);
  });

  it('when someone types something Cefnogi does not understand in a group chat, then it answers with the help for that chat', async () => {
    const user = teamsUser();
    const text = cardText(await said(inGroupChat(message(user, harness.serviceUrl, 'what is the wifi password'), user)));
    expect(text).toContain(en.fallback.text);
    expect(text).toContain(en.helpCards.shared.title);
  });
});
