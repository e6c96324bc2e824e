import { BotHarness } from '../support/bot-harness';
import { actionVerbs, cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { botAddedPersonal, botAddedToTeam, cardAction, installPersonal, message, teamsUser } from '../support/teams-activities';

/** Every Action.Execute on a card, in the body's action sets as well as at its foot. */
function allButtons(card: Card): { title: string; verb: string; data: Record<string, unknown> }[] {
  const out: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute') out.push({ title: String(n.title), verb: String(n.verb), data: (n.data ?? {}) as Record<string, unknown> });
    Object.values(n).forEach(walk);
  };
  walk(card);
  return out;
}

/** What the welcomes must not offer yet (see test/unit/no-unbuilt-promises.test.ts for every text). */
const UNBUILT = /development priorities|blaenoriaethau datblygu|absence|absenoldeb|timesheet|taflen(ni)? amser/i;

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

  it('when Cefnogi is added to a team by a Welsh speaker, then it posts one welcome in Welsh first and then English, promising nothing unbuilt', async () => {
    const user = teamsUser({ locale: 'cy-GB' });
    await harness.post(botAddedToTeam(user, harness.serviceUrl, '19:team-a@thread.tacv2'));
    await harness.post(botAddedToTeam(user, harness.serviceUrl, '19:team-a@thread.tacv2'));
    const cards = cardsIn(harness.connector.sent);
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]!);
    expect(text.indexOf('Mae Cefnogi wedi ymuno')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Cefnogi has joined')).toBeGreaterThan(text.indexOf('Mae Cefnogi wedi ymuno'));
    expect(text).toContain('**cymorth**');
    expect(text).toContain('**help**');
    expect(text).not.toMatch(UNBUILT);
    const link = (cards[0]!.actions as { type: string; url: string }[])[0]!;
    expect(link.type).toBe('Action.OpenUrl');
    expect(link.url).toBe('https://teams.microsoft.com/l/chat/0/0?users=28%3Acefnogi-bot');
    expect(harness.connector.sent[0]!.conversationId).toBe('19:team-a@thread.tacv2');
  });

  it('when Teams installs Cefnogi without the person\'s name, then the welcome greets them by the first name Teams gives for them', async () => {
    const user = teamsUser();
    const install = installPersonal(user, harness.serviceUrl) as { from: Record<string, unknown> };
    delete install.from.name;
    await harness.post(install);
    const text = cardText(cardsIn(harness.connector.sent)[0]!);
    // The recording connector answers the members call with givenName "Test".
    expect(text).toContain('Hello Test');
  });

  it('when the welcome is read in either language, then it offers nothing Cefnogi cannot do yet', async () => {
    for (const locale of ['en-GB', 'cy-GB']) {
      harness.connector.clear();
      await harness.post(installPersonal(teamsUser({ locale }), harness.serviceUrl));
      const text = cardText(cardsIn(harness.connector.sent)[0]!);
      expect(text).not.toMatch(UNBUILT);
    }
  });

  it('when someone opens help, then it has a button for every card it lists, my appraisal and my team among them, each opening as a new message', async () => {
    const user = teamsUser();
    await harness.post(message(user, harness.serviceUrl, 'help'));
    const buttons = allButtons(cardsIn(harness.connector.sent)[0]!);
    expect(buttons.map((b) => b.verb)).toEqual(['profile.edit', 'schools.mine', 'induction.start', 'selfAssessment.start', 'appraisal.show', 'team.show', 'language.set', 'language.set']);
    expect(buttons.find((b) => b.verb === 'appraisal.show')?.title).toBe('My appraisal');
    expect(buttons.find((b) => b.verb === 'team.show')?.title).toBe('My team');
    expect(buttons.filter((b) => b.verb !== 'language.set').every((b) => b.data.opensNewMessage === true)).toBe(true);
  });

  it('when a button on the help card is pressed, then its card arrives as a new message and the help card is left as it was', async () => {
    const user = teamsUser({ locale: 'cy-GB' });
    await harness.post(message(user, harness.serviceUrl, 'cymorth'));
    const appraisal = allButtons(cardsIn(harness.connector.sent)[0]!).find((b) => b.verb === 'appraisal.show')!;
    harness.connector.clear();
    const answer = await harness.post(cardAction(user, harness.serviceUrl, appraisal.verb, appraisal.data));
    // Not a card: Teams keeps the pressed card and shows this line under it.
    expect(answer.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringContaining('neges newydd') });
    const sent = cardsIn(harness.connector.sent);
    expect(sent).toHaveLength(1);
    expect(cardText(sent[0]!)).not.toContain('Beth alla i ei wneud');
    expect(harness.connector.sent[0]!.conversationId).toBe(`a:personal-${user.aadObjectId}`);
  });

  it('when the welcome card\'s profile button is pressed, then the profile form comes below and the welcome stays', async () => {
    const user = teamsUser();
    await harness.post(installPersonal(user, harness.serviceUrl));
    const profile = allButtons(cardsIn(harness.connector.sent)[0]!).find((b) => b.verb === 'profile.edit')!;
    harness.connector.clear();
    const answer = await harness.post(cardAction(user, harness.serviceUrl, profile.verb, profile.data));
    expect((answer.body as { type?: string }).type).toBe('application/vnd.microsoft.activity.message');
    expect(cardsIn(harness.connector.sent)).toHaveLength(1);
  });

  it('when a known user asks for help, then the turn costs one storage round trip', async () => {
    const user = teamsUser();
    await harness.post(message(user, harness.serviceUrl, 'help'));
    await harness.post(message(user, harness.serviceUrl, 'help'));
    expect(harness.bot!.stats.lastTurnRoundTrips).toBe(1);
  });
});
