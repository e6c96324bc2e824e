import { BotHarness } from '../support/bot-harness';
import { cardText, invokeCard } from '../support/cards-in';
import { cardAction, installPersonal, message, teamsUser } from '../support/teams-activities';

const ALLOWED = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER = 'bbbbbbbb-0000-4000-8000-000000000002';

describe('tenants outside the allow-list', () => {
  const harness = new BotHarness({ ALLOWED_TENANT_IDS: ALLOWED });
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  it('when someone from another tenant installs or writes, then they get a short polite refusal and nothing about them is stored', async () => {
    const user = teamsUser({ tenantId: OTHER, locale: 'cy-GB' });
    await harness.post(installPersonal(user, harness.serviceUrl));
    await harness.post(message(user, harness.serviceUrl, 'help'));
    expect(harness.connector.sent.map((s) => s.activity.text)).toEqual([
      expect.stringContaining('nid yw Cefnogi ar gael'),
      expect.stringContaining('nid yw Cefnogi ar gael'),
    ]);
    const key = `${OTHER}:${user.aadObjectId}`;
    expect(await harness.bot!.store.users.read(key, key)).toBeUndefined();
  });

  it('when someone from another tenant presses a card action, then the refusal replaces the card', async () => {
    const user = teamsUser({ tenantId: OTHER, locale: 'en-GB' });
    const card = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, 'help.show')));
    expect(cardText(card)).toContain('not available to your organisation');
  });

  it('when someone from the allowed tenant writes, then they are served', async () => {
    const user = teamsUser({ tenantId: ALLOWED });
    await harness.post(message(user, harness.serviceUrl, 'help'));
    expect(JSON.stringify(harness.connector.sent[0]!.activity)).toContain('What I can do');
  });
});

describe('Bot Framework authentication when BOT_ID is set', () => {
  const harness = new BotHarness({ BOT_ID: '0b5e3c1a-1111-4222-8333-944445555666', BOT_PASSWORD: 'not-a-real-secret' });
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it.each([
    ['no Authorization header', {}],
    ['a token that is not a Bot Framework JWT', { authorization: 'Bearer not.a.jwt' }],
  ])('when a request comes with %s, then it gets 401 and nothing is processed or stored', async (_case, headers) => {
    const user = teamsUser();
    const answer = await harness.post(message(user, harness.serviceUrl, 'help'), headers);
    expect(answer.status).toBe(401);
    expect(harness.connector.sent).toHaveLength(0);
    const key = `${user.tenantId}:${user.aadObjectId}`;
    expect(await harness.bot!.store.users.read(key, key)).toBeUndefined();
    expect(harness.bot!.stats.turns).toBe(0);
  });
});
