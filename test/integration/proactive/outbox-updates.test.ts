import { createHttpConnectorTransport } from '../../../bot/edge/http-connector-transport';
import { NOT_DELIVERED } from '../../../bot/proactive/outbox-sender';
import { TEAMS_CONVERSATION_WINDOWS } from '../../../bot/proactive/rate-window';
import type { ThrottlingConnector } from '../../support/throttling-connector';
import { addPerson, engineOn, LOCAL, proactiveTestBed, type ProactiveTestStore } from './proactive-fixture';

let connector: ThrottlingConnector;
let serviceUrl: string;
let store: ProactiveTestStore;
proactiveTestBed('updates', (b) => ({ store, connector, serviceUrl } = b), { conversationWindows: TEAMS_CONVERSATION_WINDOWS, perSecond: 50 });

const notice = { en: { text: 'Staff meeting at 3pm' }, cy: { text: 'Cyfarfod staff am 3pm' } };
const moved = { en: { text: 'Staff meeting moved to 4pm' }, cy: { text: "Mae'r cyfarfod staff wedi symud i 4pm" } };

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('updating a message already delivered', () => {
  it('when a delivered notice is updated, then Teams gets a replacement of that same activity, in the language it went in', async () => {
    const person = await addPerson(store, 1, { serviceUrl, language: 'cy' });
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    await engine.outbox.enqueue({ key: 'notice:1', recipient: person.id, content: notice, quietHours: false });
    await engine.sender.drain();
    // They switch to English afterwards: the copy they have is Welsh, so the replacement is Welsh too.
    await store.users.replace({ ...person, language: 'en' }, (await store.users.read(person.id, person.id))?.etag ?? '');
    expect(await engine.outbox.enqueueUpdate({ key: 'notice:1:edit-1', of: 'notice:1', content: moved })).toBe('enqueued');
    expect(await engine.sender.drain()).toMatchObject({ sent: 1 });
    expect(connector.updated).toHaveLength(1);
    expect(connector.updated[0]).toMatchObject({ method: 'PUT', activityId: 'activity-1', conversationId: 'a:personal-1', activity: { id: 'activity-1', text: moved.cy.text, locale: 'cy-GB' } });
    expect(connector.delivered).toHaveLength(1);
    expect(await engine.outbox.get('notice:1:edit-1')).toMatchObject({ status: 'sent', activityId: 'activity-1', language: 'cy', recipient: person.id });
  });

  it('when the replacement is refused with 429 and Retry-After: 1, then it is tried again at least a second later and lands once', async () => {
    const person = await addPerson(store, 1, { serviceUrl });
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), intervalMs: 50 });
    await engine.outbox.enqueue({ key: 'notice:1', recipient: person.id, content: notice, quietHours: false });
    await engine.sender.drain();
    connector.refuseNext(1, { status: 429, retryAfter: '1' });
    await engine.outbox.enqueueUpdate({ key: 'notice:1:edit-1', of: 'notice:1', content: moved });
    engine.start();
    try {
      await connector.waitForUpdated(1);
    } finally {
      await engine.stop();
    }
    const puts = connector.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.status)).toEqual([429, 200]);
    expect((puts[1]?.at ?? 0) - (puts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(await engine.outbox.get('notice:1:edit-1')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('when the same update is enqueued twice, then the second is a duplicate and Teams gets one replacement', async () => {
    const person = await addPerson(store, 1, { serviceUrl });
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    await engine.outbox.enqueue({ key: 'notice:1', recipient: person.id, content: notice, quietHours: false });
    await engine.sender.drain();
    await engine.outbox.enqueueUpdate({ key: 'edit', of: 'notice:1', content: moved });
    await engine.sender.drain();
    expect(await engine.outbox.enqueueUpdate({ key: 'edit', of: 'notice:1', content: moved })).toBe('duplicate');
    await engine.sender.drain();
    expect(connector.updated).toHaveLength(1);
  });

  it('when the message to update was never sent, then the update fails with reason not-delivered and Teams hears nothing', async () => {
    const unreachable = await addPerson(store, 2);
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    await engine.outbox.enqueue({ key: 'notice:2', recipient: unreachable.id, content: notice, quietHours: false });
    await engine.sender.drain();
    await engine.outbox.enqueueUpdate({ key: 'edit-unknown', of: 'no-such-notice', content: moved });
    await engine.outbox.enqueueUpdate({ key: 'edit-unreachable', of: 'notice:2', content: moved });
    expect(await engine.sender.drain()).toMatchObject({ failed: 2 });
    expect(await engine.outbox.get('edit-unknown')).toMatchObject({ status: 'failed', reason: NOT_DELIVERED });
    expect(await engine.outbox.get('edit-unreachable')).toMatchObject({ status: 'failed', reason: 'not-delivered', recipient: unreachable.id });
    expect(connector.requests).toHaveLength(0);
  });

  it('when the message to update is still waiting to go, then the update waits for it and replaces it once it has gone', async () => {
    const person = await addPerson(store, 1, { serviceUrl });
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), intervalMs: 50 });
    await engine.outbox.enqueue({ key: 'notice:later', recipient: person.id, content: notice, quietHours: false, notBefore: new Date(Date.now() + 1500) });
    await engine.outbox.enqueueUpdate({ key: 'edit', of: 'notice:later', content: moved });
    expect(await engine.sender.drain()).toMatchObject({ postponed: 1, failed: 0 });
    engine.start();
    try {
      await until(async () => (await engine.outbox.get('edit'))?.status === 'sent');
    } finally {
      await engine.stop();
    }
    expect(connector.requests.map((r) => [r.method, r.activity.text])).toEqual([
      ['POST', notice.en.text],
      ['PUT', moved.en.text],
    ]);
  });

  it('when Teams no longer has the activity (404), then the update ends unreachable rather than being retried, and the person is not marked unreachable', async () => {
    const person = await addPerson(store, 1, { serviceUrl });
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    await engine.outbox.enqueue({ key: 'notice:1', recipient: person.id, content: notice, quietHours: false });
    await engine.sender.drain();
    connector.refuseNext(1, { status: 404 });
    await engine.outbox.enqueueUpdate({ key: 'edit', of: 'notice:1', content: moved });
    expect(await engine.sender.drain()).toMatchObject({ unreachable: 1 });
    expect(connector.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    // The person still has Cefnogi: their manager is not told otherwise.
    expect((await store.users.read(person.id, person.id))?.value.reachability).toMatchObject({ status: 'reachable' });
  });
});
