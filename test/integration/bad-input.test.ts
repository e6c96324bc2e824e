import { BotHarness } from '../support/bot-harness';
import { cardText, invokeCard } from '../support/cards-in';
import { cardAction, message, teamsUser } from '../support/teams-activities';

describe('bad activities and bad card data', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  const keyOf = (user: { tenantId: string; aadObjectId: string }) => `${user.tenantId}:${user.aadObjectId}`;

  it('when the body is not JSON, then the answer is 400 and nothing is sent', async () => {
    const answer = await harness.post('{"type": "message", ');
    expect(answer.status).toBe(400);
    expect(harness.connector.sent).toHaveLength(0);
  });

  it.each([
    ['without a serviceUrl', (a: Record<string, unknown>) => ({ ...a, serviceUrl: undefined }), 'serviceUrl'],
    ['from another channel', (a: Record<string, unknown>) => ({ ...a, channelId: 'slack' }), 'Microsoft Teams only'],
    ['without the sender Entra id', (a: Record<string, unknown>) => ({ ...a, from: { id: '29:x' } }), 'aadObjectId'],
    ['without a tenant', (a: Record<string, unknown>) => ({ ...a, conversation: { id: 'a:1' }, channelData: {} }), 'tenant'],
  ])('when an activity arrives %s, then the answer is 400 naming the problem and nothing is stored', async (_case, spoil, named) => {
    const user = teamsUser();
    const answer = await harness.post(spoil(message(user, harness.serviceUrl, 'help')));
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain(named);
    expect(harness.connector.sent).toHaveLength(0);
    expect(await harness.bot!.store.users.read(keyOf(user), keyOf(user))).toBeUndefined();
  });

  it('when a card action has a verb Cefnogi does not know, then an error card comes back (not a 5xx) and nothing is written', async () => {
    const user = teamsUser({ locale: 'cy-GB' });
    await harness.post(message(user, harness.serviceUrl, 'help'));
    const before = await harness.bot!.store.users.read(keyOf(user), keyOf(user));
    const answer = await harness.post(cardAction(user, harness.serviceUrl, 'payroll.approve', { amount: 1000 }));
    expect(answer.status).toBe(200);
    expect(cardText(invokeCard(answer))).toContain("Does dim modd defnyddio'r cerdyn hwnnw");
    expect((await harness.bot!.store.users.read(keyOf(user), keyOf(user)))?.etag).toBe(before?.etag);
  });

  it('when an old Action.Submit card is pressed, then the user gets help rather than an error from the framework', async () => {
    const user = teamsUser();
    const submit = { ...message(user, harness.serviceUrl, ''), text: undefined, value: { verb: 'old.thing' } };
    const answer = await harness.post(submit);
    expect(answer.status).toBe(200);
    await harness.connector.waitFor(1);
    expect(JSON.stringify(harness.connector.sent[0]!.activity)).toContain("didn't understand");
  });
});
