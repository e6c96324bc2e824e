import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { selectItemInvoke } from '../../support/extension-activities';
import { cardAction, inChannel, inGroupChat, message, teamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

/** A school day at ten in the morning. */
const TUESDAY = new Date('2026-10-06T09:00:00Z');
const GROUP_CHAT = '19:staffroom@thread.v2';
const CHANNEL = '19:ta-team-general@thread.tacv2';

const nia = teamsUser({ name: 'Nia Evans' });
const gwen = teamsUser({ name: 'Gwen Puw', locale: 'cy-GB' });
const dafydd = teamsUser({ name: 'Dafydd Jones' });
const personalChat = (user: { aadObjectId: string }) => `a:personal-${user.aadObjectId}`;

/** The card picked from the extension's results, as it lands in the chat. */
function pickedCard(answer: { status: number; body: unknown }): Card {
  const body = answer.body as { composeExtension: { attachments: { content: Card }[] } };
  return body.composeExtension.attachments[0]!.content;
}

describe('"Save to my learning" on a card from Cefnogi\'s library', () => {
  const harness = new BotHarness();
  /** What the sender delivers now, as the activities sent and their conversations. */
  const deliver = async () => {
    const from = harness.connector.sent.length;
    await harness.bot!.proactive.sender.drain(TUESDAY);
    return harness.connector.sent.slice(from);
  };
  const press = (activity: Record<string, unknown>) => harness.post(activity);
  const fromGroupChat = (user: typeof nia, resourceId: unknown) => inGroupChat(cardAction(user, harness.serviceUrl, 'library.toLearning', { resourceId }), user, GROUP_CHAT);
  const fromChannel = (user: typeof nia, resourceId: unknown) => inChannel(cardAction(user, harness.serviceUrl, 'library.toLearning', { resourceId }), user, CHANNEL);

  beforeAll(async () => {
    await harness.start({ now: () => TUESDAY });
    // Nia and Gwen have their one-to-one chat with Cefnogi; Dafydd has not.
    await harness.post(message(nia, harness.serviceUrl, 'help'));
    await harness.post(message(gwen, harness.serviceUrl, 'help'));
    await deliver();
  });
  afterAll(() => harness.stop());

  it('when someone picks a library result into a chat, then its card offers Save to my learning for that resource and validates at 1.5', async () => {
    const card = pickedCard(await harness.post(selectItemInvoke(nia, harness.serviceUrl, { source: 'library', id: 'openlearn-teaching-assistants' })));
    expect(cardProblems(card)).toEqual([]);
    expect(actionsOf(card, 'library.toLearning')).toEqual([expect.objectContaining({ title: 'Save to my learning', data: { resourceId: 'openlearn-teaching-assistants' } })]);
  });

  it('when a Welsh speaker picks one, then the button reads Cadw yn fy nysgu', async () => {
    const card = pickedCard(await harness.post(selectItemInvoke(gwen, harness.serviceUrl, { source: 'library', id: 'keeping-learners-safe' })));
    expect(actionsOf(card, 'library.toLearning').map((a) => a.title)).toEqual(['Cadw yn fy nysgu']);
  });

  it('when Nia presses it in a group chat, then only she is answered, the entry waits in her own chat, and its button opens the form filled in', async () => {
    harness.connector.clear();
    const answer = invokeCard(await press(fromGroupChat(nia, 'openlearn-teaching-assistants')));
    expect(cardProblems(answer)).toEqual([]);
    expect(cardText(answer)).toContain('is waiting in your chat with Cefnogi');
    expect(cardText(answer)).toContain('OpenLearn: Teaching assistants');
    // The shared message is neither replaced nor answered in the group chat.
    expect(harness.connector.sent.filter((s) => s.conversationId === GROUP_CHAT)).toEqual([]);

    const sent = await deliver();
    expect(sent.map((s) => s.conversationId)).toEqual([personalChat(nia)]);
    const [notice] = cardsIn(sent);
    expect(cardProblems(notice!)).toEqual([]);
    expect(cardText(notice!)).toContain("from Cefnogi's library");
    expect(actionsOf(notice!, 'learning.show')).toHaveLength(1);
    // The resource opens from a button, not a bare address in the text.
    expect((notice!.actions as { type: string; title: string; url?: string }[]).filter((a) => a.type === 'Action.OpenUrl')).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the resource', url: 'https://www.open.edu/openlearn/' },
    ]);
    expect(cardText(notice!)).not.toContain('https://');
    const [start] = actionsOf(notice!, 'learning.new');
    expect(start?.title).toBe('Start the entry');

    const form = invokeCard(await harness.post(cardAction(nia, harness.serviceUrl, start!.verb, start!.data)));
    expect(cardProblems(form)).toEqual([]);
    const json = JSON.stringify(form);
    expect(json).toContain('"value":"OpenLearn: Teaching assistants');
    expect(json).toContain('https://www.open.edu/openlearn/');
    expect(json).toMatch(/"id":"learningAreas"[^}]*"value":"communication,development,literacy-numeracy"/);
    expect(json).toMatch(/"id":"learningKind"[^}]*"value":"e-learning"/);
  });

  it('when she presses it again the same day, then nothing more comes to her chat', async () => {
    await press(fromGroupChat(nia, 'openlearn-teaching-assistants'));
    expect(await deliver()).toEqual([]);
  });

  it('when Gwen presses it in a channel, then she is answered in Welsh and the entry in her chat is in Welsh, a guidance item as reading', async () => {
    harness.connector.clear();
    const answer = invokeCard(await press(fromChannel(gwen, 'keeping-learners-safe')));
    expect(cardText(answer)).toContain("yn aros yn eich sgwrs â Chefnogi");
    expect(harness.connector.sent.filter((s) => s.conversationId === CHANNEL)).toEqual([]);

    const sent = await deliver();
    expect(sent.map((s) => s.conversationId)).toEqual([personalChat(gwen)]);
    const [notice] = cardsIn(sent);
    expect(cardText(notice!)).toContain('o lyfrgell Cefnogi');
    expect((notice!.actions as { type: string; title: string }[]).find((a) => a.type === 'Action.OpenUrl')?.title).toBe('Agor yr adnodd');
    const [start] = actionsOf(notice!, 'learning.new');
    expect(start?.title).toBe("Dechrau'r cofnod");
    const json = JSON.stringify(invokeCard(await harness.post(cardAction(gwen, harness.serviceUrl, start!.verb, start!.data))));
    expect(json).toContain('"value":"Cadw Dysgwyr yn Ddiogel');
    expect(json).toMatch(/"id":"learningKind"[^}]*"value":"reading"/);
  });

  it('when the item is only about the person\'s own skills, then the form opens with no key area rather than refusing', async () => {
    await press(fromGroupChat(nia, 'openlearn-everyday-english-maths'));
    const [notice] = cardsIn(await deliver());
    const [start] = actionsOf(notice!, 'learning.new');
    const form = invokeCard(await harness.post(cardAction(nia, harness.serviceUrl, start!.verb, start!.data)));
    expect(JSON.stringify(form)).toContain('"value":"OpenLearn: everyday English and maths"');
    expect(cardText(form)).not.toContain('out of date');
  });

  it('when someone who never opened their chat with Cefnogi presses it, then the card asks them to open it first and nothing is queued', async () => {
    const answer = invokeCard(await press(fromGroupChat(dafydd, 'keeping-learners-safe')));
    expect(cardProblems(answer)).toEqual([]);
    expect(cardText(answer)).toContain('Open your chat with Cefnogi first');
    expect(await deliver()).toEqual([]);
  });

  it('when the resource id was tampered with, then the presser is told clearly in their language and nothing is queued', async () => {
    const unknown = invokeCard(await press(fromGroupChat(nia, 'no-such-resource')));
    expect(cardProblems(unknown)).toEqual([]);
    expect(cardText(unknown)).toContain("no longer in Cefnogi's library, so nothing was saved");
    expect(cardText(invokeCard(await press(fromChannel(gwen, 'dim-adnodd'))))).toContain("Nid yw'r adnodd hwnnw yn llyfrgell Cefnogi bellach");
    for (const bad of ['../x', 7, '', 'a'.repeat(500)]) {
      const answer = await press(fromGroupChat(nia, bad));
      expect(answer.status).toBe(200);
      expect(cardText(invokeCard(answer))).not.toContain('waiting in your chat');
    }
    expect(await deliver()).toEqual([]);
  });
});
