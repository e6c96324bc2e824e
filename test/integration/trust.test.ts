import { createSign, generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { startBot, type RunningBot } from '../../bot/start-bot';
import { BotHarness } from '../support/bot-harness';
import { RecordingConnector } from '../support/recording-connector';
import { recordingLog } from '../unit/proactive/proactive-test-kit';
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

describe('an allow-list of * (any tenant)', () => {
  const harness = new BotHarness({ ALLOWED_TENANT_IDS: '*' });
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('when someone from any tenant writes, then they are served', async () => {
    await harness.post(message(teamsUser({ tenantId: OTHER }), harness.serviceUrl, 'help'));
    expect(JSON.stringify(harness.connector.sent[0]!.activity)).toContain('What I can do');
  });
});

const BOT_ID = '0b5e3c1a-1111-4222-8333-944445555666';

/** A JWT shaped like a Bot Framework token for this bot, signed with a key nobody published. */
function forgedToken(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = part({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' });
  const body = part({ iss: 'https://api.botframework.com', aud: BOT_ID, nbf: now - 60, exp: now + 3600, serviceurl: 'https://smba.trafficmanager.net/emea/' });
  return `${head}.${body}.${createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url')}`;
}

const BAD_AUTHORIZATION: [string, Record<string, string>][] = [
  ['no Authorization header', {}],
  ['a forged Bot Framework JWT', { authorization: `Bearer ${forgedToken()}` }],
  ['a token that is not a JWT', { authorization: 'Bearer not.a.jwt' }],
  ['a garbage header', { authorization: '%%%garbage%%%' }],
  ['basic credentials', { authorization: 'Basic dXNlcjpwYXNz' }],
];

describe('Bot Framework authentication when BOT_ID is set', () => {
  const harness = new BotHarness({ BOT_ID, BOT_PASSWORD: 'not-a-real-secret', ALLOWED_TENANT_IDS: '*' });
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it.each(BAD_AUTHORIZATION)('when a request comes with %s, then it gets 401 with a short generic body and nothing is processed or stored', async (_case, headers) => {
    const user = teamsUser();
    const answer = await harness.post(message(user, harness.serviceUrl, 'help'), headers);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: 'unauthorized' });
    expect(harness.connector.sent).toHaveLength(0);
    const key = `${user.tenantId}:${user.aadObjectId}`;
    expect(await harness.bot!.store.users.read(key, key)).toBeUndefined();
    expect(harness.bot!.stats.turns).toBe(0);
  });
});

describe('the log of refused requests', () => {
  const connector = new RecordingConnector();
  const log = recordingLog();
  let bot: RunningBot;
  let serviceUrl = '';
  beforeAll(async () => {
    serviceUrl = await connector.start();
    bot = await startBot(loadConfig({ PORT: '0', BOT_ID, BOT_PASSWORD: 'not-a-real-secret', ALLOWED_TENANT_IDS: '*' }), log, { persist: false, proactiveLoop: false });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('when requests with bad tokens are refused, then each is logged with a reason and no token, name or id of the person', async () => {
    const user = teamsUser({ name: 'Gwenllian Jones' });
    for (const [, headers] of BAD_AUTHORIZATION) {
      const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(message(user, serviceUrl, 'help')),
      });
      expect(res.status).toBe(401);
    }
    const refusals = log.events.filter((e) => e.event === 'request-unauthenticated');
    // A forged token is rejected once its signing keys are fetched; where they cannot be (no
    // network), it cannot be checked: refused either way.
    expect(refusals.map((e) => e.fields?.['reason'])).toEqual([
      'no-bearer-token',
      expect.stringMatching(/^token-(rejected|unverifiable)$/),
      'token-rejected',
      'no-bearer-token',
      'no-bearer-token',
    ]);
    const logged = JSON.stringify(log.events);
    for (const secret of [user.aadObjectId, user.name, user.tenantId, 'forged-key', 'not.a.jwt', 'garbage', 'dXNlcjpwYXNz']) expect(logged).not.toContain(secret);
  });
});
