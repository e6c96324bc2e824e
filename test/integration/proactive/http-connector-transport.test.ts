import { createHttpConnectorTransport } from '../../../bot/edge/http-connector-transport';
import { ThrottlingConnector } from '../../support/throttling-connector';
import { conversationRef, LOCAL } from './proactive-fixture';

const WITH_APP = { ...LOCAL, BOT_ID: '0b5e3c1a-1111-4222-8333-944445555666', BOT_PASSWORD: 'secret' };
const activity = { type: 'message', text: 'Helo' };

let connector: ThrottlingConnector;
let serviceUrl: string;
beforeEach(async () => {
  connector = new ThrottlingConnector();
  serviceUrl = await connector.start();
});
afterEach(() => connector.stop());

describe('the HTTP connector transport', () => {
  it('when the connector accepts, then the activity id comes back and the body carries the addressing', async () => {
    const transport = createHttpConnectorTransport(LOCAL);
    const result = await transport.send(conversationRef(serviceUrl, 'a:1;x@thread'), activity);
    expect(result).toEqual({ ok: true, activityId: 'activity-1' });
    expect(connector.requests[0]).toMatchObject({
      conversationId: 'a:1;x@thread',
      activity: { type: 'message', text: 'Helo', channelId: 'msteams', from: { id: '28:cefnogi' }, conversation: { id: 'a:1;x@thread' } },
    });
    expect(connector.requests[0]?.authorization).toBeUndefined();
  });

  it('when the connector answers 429 with an HTTP date, then the refusal carries the wait until then', async () => {
    const now = new Date('2025-06-02T09:00:00Z');
    const transport = createHttpConnectorTransport(LOCAL, { now: () => now });
    connector.refuseNext(1, { status: 429, retryAfter: 'Mon, 02 Jun 2025 09:00:07 GMT' });
    expect(await transport.send(conversationRef(serviceUrl, 'a:1'), activity)).toEqual({
      ok: false,
      status: 429,
      retryAfterMs: 7000,
      message: 'Throttled: test refusal 429',
    });
  });

  it('when the bot has an app id, then each request carries a bearer token, refreshed once after a 401', async () => {
    const tokens: boolean[] = [];
    const transport = createHttpConnectorTransport(WITH_APP, {
      token: async (force) => {
        tokens.push(force);
        return force ? 'fresh' : 'cached';
      },
    });
    connector.refuseNext(1, { status: 401 });
    expect(await transport.send(conversationRef(serviceUrl, 'a:1'), activity)).toMatchObject({ ok: true });
    expect(tokens).toEqual([false, true]);
    expect(connector.requests.map((r) => r.authorization)).toEqual(['Bearer cached', 'Bearer fresh']);
  });

  it('when the connector never answers, then the send ends after the timeout as unanswered (status 0), to be retried', async () => {
    const transport = createHttpConnectorTransport(LOCAL, { timeoutMs: 200 });
    connector.refuseNext(1, { status: 0 });
    const result = await transport.send(conversationRef(serviceUrl, 'a:1'), activity);
    expect(result).toMatchObject({ ok: false, status: 0 });
  });

  it('when nothing listens at the service URL, then the send is unanswered (status 0), not an exception', async () => {
    await connector.stop();
    const result = await createHttpConnectorTransport(LOCAL).send(conversationRef(serviceUrl, 'a:1'), activity);
    expect(result).toMatchObject({ ok: false, status: 0 });
  });

  it('when an activity is replaced, then a PUT goes to that activity with its id in the body, and its id comes back', async () => {
    const transport = createHttpConnectorTransport(LOCAL);
    const ref = conversationRef(serviceUrl, 'a:1;x@thread');
    await transport.send(ref, activity);
    const result = await transport.update(ref, 'activity-1', { type: 'message', text: 'Wedi newid' });
    expect(result).toEqual({ ok: true, activityId: 'activity-1' });
    expect(connector.requests[1]).toMatchObject({ method: 'PUT', activityId: 'activity-1', conversationId: 'a:1;x@thread', activity: { id: 'activity-1', text: 'Wedi newid', from: { id: '28:cefnogi' } } });
  });

  it('when a replacement is throttled, then the refusal carries Retry-After like a send', async () => {
    const transport = createHttpConnectorTransport(LOCAL);
    const ref = conversationRef(serviceUrl, 'a:1');
    await transport.send(ref, activity);
    connector.refuseNext(1, { status: 429, retryAfter: '2' });
    expect(await transport.update(ref, 'activity-1', activity)).toEqual({ ok: false, status: 429, retryAfterMs: 2000, message: 'Throttled: test refusal 429' });
  });

  it('when the activity to replace is unknown to Teams, then the answer is 404', async () => {
    const result = await createHttpConnectorTransport(LOCAL).update(conversationRef(serviceUrl, 'a:1'), 'activity-99', activity);
    expect(result).toMatchObject({ ok: false, status: 404 });
  });
});
