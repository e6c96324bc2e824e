import { BotHarness } from '../support/bot-harness';
import { actionVerbs, cardsIn, cardText, invokeCard } from '../support/cards-in';
import { botAddedPersonal, botAddedToTeam, cardAction, installPersonal, message, teamsUser } from '../support/teams-activities';

describe('welcome, help and the unknown, over HTTP as Teams sends them', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  it('when a cy-GB user installs Cefnogi, then the welcome card is in Welsh with its five actions (my schools among them)', async () => {
    const user = teamsUser({ locale: 'cy-GB', name: 'Gwenllian Jones' });
    const answer = await harness.post(installPersonal(user, harness.serviceUrl));
    expect(answer.status).toBe(200);
    const [card] = cardsIn(harness.connector.sent);
    expect(card).toBeDefined();
    const text = cardText(card!);
    expect(text).toContain('Croeso i Gefnogi');
    expect(text).toContain('Helo Gwenllian');
    expect(text).not.toContain('Welcome to Cefnogi');
    expect(actionVerbs(card!)).toEqual(['profile.edit', 'schools.mine', 'induction.start', 'selfAssessment.start', 'language.set']);
    expect(text).toContain('English');
  });

  it('when an en-GB user installs Cefnogi, then the welcome card is in English', async () => {
    const user = teamsUser({ locale: 'en-GB', name: 'Rhys Morgan' });
    await harness.post(installPersonal(user, harness.serviceUrl));
    const text = cardText(cardsIn(harness.connector.sent)[0]!);
    expect(text).toContain('Welcome to Cefnogi');
    expect(text).toContain('Hello Rhys');
    expect(text).not.toContain('Croeso');
  });

  it('when Teams announces one install twice (installationUpdate and conversationUpdate), then one welcome is sent', async () => {
    const user = teamsUser();
    await Promise.all([
      harness.post(installPersonal(user, harness.serviceUrl)),
      harness.post(botAddedPersonal(user, harness.serviceUrl)),
    ]);
    expect(cardsIn(harness.connector.sent)).toHaveLength(1);
  });

  it('when the welcome or a message arrives, then the conversation reference is stored for proactive messages', async () => {
    const user = teamsUser();
    await harness.post(installPersonal(user, harness.serviceUrl));
    const key = `${user.tenantId}:${user.aadObjectId}`;
    const stored = await harness.bot!.store.users.read(key, key);
    expect(stored?.value.conversation).toMatchObject({
      serviceUrl: harness.serviceUrl,
      conversationId: `a:personal-${user.aadObjectId}`,
      tenantId: user.tenantId,
      userId: `29:${user.aadObjectId}`,
    });
  });

  it.each([
    ['help', 'en-GB', 'What I can do'],
    ['cymorth', 'cy-GB', 'Beth alla i ei wneud'],
    ['  Help! ', 'en-GB', 'What I can do'],
  ])('when a user types "%s" (%s), then the help card comes in their language', async (text, locale, title) => {
    const user = teamsUser({ locale });
    await harness.post(message(user, harness.serviceUrl, text));
    const card = cardsIn(harness.connector.sent)[0]!;
    expect(cardText(card)).toContain(title);
    expect(actionVerbs(card)).toContain('language.set');
  });

  it('when a user types something Cefnogi does not understand, then it answers with help, not silence or an echo', async () => {
    const user = teamsUser();
    await harness.post(message(user, harness.serviceUrl, 'what is the wifi password'));
    expect(harness.connector.sent).toHaveLength(1);
    const text = cardText(cardsIn(harness.connector.sent)[0]!);
    expect(text).toContain("Sorry, I didn't understand that");
    expect(text).not.toContain('wifi');
  });

  it('when the help action is pressed, then the card is replaced by help in the user language', async () => {
    const user = teamsUser({ locale: 'cy' });
    const card = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, 'help.show')));
    expect(cardText(card)).toContain('Beth alla i ei wneud');
  });

  it('when the welcome card\'s self-assessment action is pressed before a profile exists, then the person is asked for their role first', async () => {
    const user = teamsUser();
    const card = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, 'selfAssessment.start')));
    expect(cardText(card)).toContain('I need your role first');
    expect(actionVerbs(card)).toEqual(['profile.edit']);
  });

  it('when Cefnogi is added to a team, then it posts one short welcome about sharing resources with the PLC', async () => {
    const user = teamsUser();
    await harness.post(botAddedToTeam(user, harness.serviceUrl, '19:team-a@thread.tacv2'));
    await harness.post(botAddedToTeam(user, harness.serviceUrl, '19:team-a@thread.tacv2'));
    const cards = cardsIn(harness.connector.sent);
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0]!)).toContain('professional learning community');
    expect(harness.connector.sent[0]!.conversationId).toBe('19:team-a@thread.tacv2');
  });

  it('when a known user asks for help, then the turn costs one storage round trip', async () => {
    const user = teamsUser();
    await harness.post(message(user, harness.serviceUrl, 'help'));
    await harness.post(message(user, harness.serviceUrl, 'help'));
    expect(harness.bot!.stats.lastTurnRoundTrips).toBe(1);
  });
});
