import { Outbox } from '../../../bot/proactive/outbox-queue';
import { OutboxSender } from '../../../bot/proactive/outbox-sender';
import { SendPacer } from '../../../bot/proactive/send-pacer';
import type { ConversationRef } from '../../../bot/users/conversation-ref';
import { newUserRecord, userKey, type Language } from '../../../bot/users/user-record';
import { memoryProactiveStore, recordingLog, ScriptedTransport, testClock } from './proactive-test-kit';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const content = {
  en: { text: 'Your review is next week', card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Review' }] } },
  cy: { text: 'Mae eich adolygiad wythnos nesaf' },
};

function ref(n: number, locale?: string): ConversationRef {
  return { serviceUrl: 'https://smba.example/', channelId: 'msteams', conversationId: `a:${n}`, tenantId: TENANT, botId: '28:bot', ...(locale ? { locale } : {}) };
}

/** A sender and outbox in memory on a test clock at a Monday 10:00 BST. */
function setup(options: { maxAttempts?: number; concurrency?: number } = {}) {
  const store = memoryProactiveStore();
  const clock = testClock('2025-06-02T09:00:00Z');
  const transport = new ScriptedTransport();
  const log = recordingLog();
  const outbox = new Outbox(store.outbox, store.deliveries, clock.now);
  const sender = new OutboxSender({
    records: store.outbox,
    deliveries: store.deliveries,
    bulkMessages: store.bulkMessages,
    users: store.users,
    conversations: store.conversations,
    transport,
    pacer: new SendPacer({ tenantRatePerSecond: 50 }),
    now: clock.now,
    owner: 'test',
    log,
    retry: { maxAttempts: options.maxAttempts ?? 6, baseDelayMs: 1000, maxDelayMs: 60_000 },
    random: () => 1,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  const person = async (n: number, with_: { language?: Language; conversation?: ConversationRef } = {}) => {
    const user = newUserRecord({ tenantId: TENANT, aadObjectId: `u${n}` }, clock.now());
    Object.assign(user, with_);
    await store.users.create(user);
    return userKey({ tenantId: TENANT, aadObjectId: `u${n}` });
  };
  const reachability = async (key: string) => (await store.users.read(key, key))?.value.reachability;
  return { store, clock, transport, log, outbox, sender, person, reachability };
}

describe('the outbox sender', () => {
  it.each([
    ['chose Welsh', 'cy', { language: 'cy' as const, conversation: ref(1) }, 'Mae eich adolygiad wythnos nesaf'],
    ['chose nothing and Teams is in cy-GB', 'cy', { conversation: ref(1, 'cy-GB') }, 'Mae eich adolygiad wythnos nesaf'],
    ['chose English though Teams is in cy-GB', 'en', { language: 'en' as const, conversation: ref(1, 'cy-GB') }, 'Your review is next week'],
    ['chose nothing and Teams is in en-US', 'en', { conversation: ref(1, 'en-US') }, 'Your review is next week'],
  ])('when the person %s, then the message goes in %s', async (_what, language, user, text) => {
    const s = setup();
    const recipient = await s.person(1, user);
    await s.outbox.enqueue({ key: 'k1', recipient, content, quietHours: true });
    expect(await s.sender.drain()).toMatchObject({ read: 1, sent: 1 });
    expect(s.transport.sent).toHaveLength(1);
    expect(s.transport.sent[0]?.activity).toMatchObject({ type: 'message', text });
    expect(await s.outbox.get('k1')).toMatchObject({ status: 'sent', activityId: 'activity-1', language, attempts: 1, sentAt: '2025-06-02T09:00:00.000Z' });
    expect((await s.outbox.get('k1'))?.lease).toBeUndefined();
  });

  it('when the English content has a card, then it goes as an Adaptive Card attachment beside the text', async () => {
    const s = setup();
    await s.outbox.enqueue({ key: 'k1', recipient: await s.person(1, { conversation: ref(1) }), content, quietHours: false });
    await s.sender.drain();
    expect(s.transport.sent[0]?.activity.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: content.en.card }]);
  });

  it('when the person has no conversation reference, then the record is unreachable and their user record says so', async () => {
    const s = setup();
    const recipient = await s.person(1);
    await s.outbox.enqueue({ key: 'k1', recipient, content, quietHours: true });
    expect(await s.sender.drain()).toMatchObject({ unreachable: 1, sent: 0 });
    expect(s.transport.calls).toHaveLength(0);
    expect(await s.outbox.get('k1')).toMatchObject({ status: 'unreachable', unreachable: 'no-conversation', attempts: 0, reason: expect.stringContaining('no conversation') });
    expect(await s.reachability(recipient)).toMatchObject({ status: 'no-conversation', at: '2025-06-02T09:00:00.000Z' });
    expect(s.log.events).toContainEqual(expect.objectContaining({ level: 'warn', event: 'outbox-unreachable' }));
  });

  it('when nobody by that key is known at all, then the record is unreachable and no user record is made up', async () => {
    const s = setup();
    await s.outbox.enqueue({ key: 'k1', recipient: 'nobody', content, quietHours: true });
    await s.sender.drain();
    expect(await s.outbox.get('k1')).toMatchObject({ status: 'unreachable', unreachable: 'no-conversation' });
    expect(await s.store.users.read('nobody', 'nobody')).toBeUndefined();
  });

  it.each([
    [403, 'blocked'],
    [404, 'not-installed'],
  ] as const)('when Teams answers %i, then the person is marked %s, and a later good send marks them reachable again', async (status, why) => {
    const s = setup();
    const recipient = await s.person(1, { conversation: ref(1) });
    s.transport.answer({ ok: false, status, message: 'refused' });
    await s.outbox.enqueue({ key: 'k1', recipient, content, quietHours: true });
    expect(await s.sender.drain()).toMatchObject({ unreachable: 1 });
    expect(await s.outbox.get('k1')).toMatchObject({ status: 'unreachable', unreachable: why, attempts: 1 });
    expect(await s.reachability(recipient)).toMatchObject({ status: why });
    await s.outbox.enqueue({ key: 'k2', recipient, content, quietHours: true });
    expect(await s.sender.drain()).toMatchObject({ sent: 1 });
    expect(await s.reachability(recipient)).toEqual({ status: 'reachable', at: '2025-06-02T09:00:00.000Z' });
  });

  it('when Teams keeps answering 503, then the sender backs off, tries 6 times in all, and records why it gave up', async () => {
    const s = setup();
    const recipient = await s.person(1, { conversation: ref(1) });
    s.transport.answer(...Array.from({ length: 10 }, () => ({ ok: false as const, status: 503, message: 'Service Unavailable' })));
    await s.outbox.enqueue({ key: 'k1', recipient, content, quietHours: false });
    const waits: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const before = s.clock.now().getTime();
      await s.sender.drain();
      const record = await s.outbox.get('k1');
      if (record?.status !== 'pending') break;
      waits.push(Date.parse(record.dueAt!) - before);
      expect(await s.sender.drain()).toMatchObject({ read: 0 });
      s.clock.set(record.dueAt!);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(s.transport.calls).toHaveLength(6);
    expect(await s.outbox.get('k1')).toMatchObject({
      status: 'failed',
      attempts: 6,
      reason: 'gave up after 6 attempts; last answer HTTP 503 Service Unavailable',
      lastError: { status: 503 },
    });
    expect(await s.reachability(recipient)).toMatchObject({ status: 'failing', reason: expect.stringContaining('gave up') });
  });

  it('when Teams answers 429 with Retry-After, then the record is due again exactly that much later', async () => {
    const s = setup();
    const recipient = await s.person(1, { conversation: ref(1) });
    s.transport.answer({ ok: false, status: 429, retryAfterMs: 3000, message: 'Too Many Requests' });
    await s.outbox.enqueue({ key: 'k1', recipient, content, quietHours: false });
    expect(await s.sender.drain()).toMatchObject({ retrying: 1 });
    expect(await s.outbox.get('k1')).toMatchObject({ status: 'pending', dueAt: '2025-06-02T09:00:03.000Z', attempts: 1 });
  });

  it('when the transport throws, then it counts as no answer and is retried', async () => {
    const s = setup();
    const recipient = await s.person(1, { conversation: ref(1) });
    s.transport.send = async () => {
      throw new Error('socket hang up');
    };
    await s.outbox.enqueue({ key: 'k1', recipient, content, quietHours: false });
    expect(await s.sender.drain()).toMatchObject({ retrying: 1 });
    expect(await s.outbox.get('k1')).toMatchObject({ status: 'pending', lastError: { status: 0, message: 'socket hang up' } });
  });

  it('when Teams refuses with 400, then the record fails at once with the answer as the reason', async () => {
    const s = setup();
    s.transport.answer({ ok: false, status: 400, message: 'BadArgument: bad card' });
    await s.outbox.enqueue({ key: 'k1', recipient: await s.person(1, { conversation: ref(1) }), content, quietHours: false });
    expect(await s.sender.drain()).toMatchObject({ failed: 1 });
    expect(await s.outbox.get('k1')).toMatchObject({ status: 'failed', attempts: 1, reason: 'the connector refused the message: HTTP 400 BadArgument: bad card' });
  });

  it('when a prompt that was due at 17:59 is only drained at 18:05, then it waits for the next morning instead of going', async () => {
    const s = setup();
    const recipient = await s.person(1, { conversation: ref(1) });
    s.clock.set('2025-06-02T16:59:00Z');
    await s.outbox.enqueue({ key: 'k1', recipient, content, quietHours: true });
    s.clock.set('2025-06-02T17:05:00Z');
    expect(await s.sender.drain()).toMatchObject({ postponed: 1, sent: 0 });
    expect(await s.outbox.get('k1')).toMatchObject({ status: 'pending', dueAt: '2025-06-03T07:00:00.000Z' });
    s.clock.set('2025-06-03T07:00:00Z');
    expect(await s.sender.drain()).toMatchObject({ sent: 1 });
  });

  it('when records are not yet due, then a drain reads none of them', async () => {
    const s = setup();
    const recipient = await s.person(1, { conversation: ref(1) });
    for (let i = 0; i < 20; i += 1) await s.outbox.enqueue({ key: `k${i}`, recipient, content, quietHours: false, notBefore: new Date('2025-06-03T09:00:00Z') });
    expect(await s.sender.drain()).toMatchObject({ read: 0 });
  });

  it("when one person's messages must wait for their conversation's window, then another person's message goes before them, even with a single sender slot", async () => {
    const s = setup({ concurrency: 1 });
    const busy = await s.person(1, { conversation: ref(1) });
    for (let i = 0; i < 9; i += 1) await s.outbox.enqueue({ key: `digest-${i}`, recipient: busy, content, quietHours: false });
    s.clock.advance(1000);
    await s.outbox.enqueue({ key: 'review', recipient: await s.person(2, { conversation: ref(2) }), content, quietHours: false });
    expect(await s.sender.drain()).toMatchObject({ read: 10, sent: 10 });
    // Seven go at once (7 in a second); the eighth's window opens a second later, and the other person does not wait for it.
    expect(s.transport.sent.map((m) => m.ref.conversationId)).toEqual([...Array(7).fill('a:1'), 'a:2', 'a:1', 'a:1']);
  });

  it("when a message must wait for its conversation's window beyond the drain, then it is back in the queue, due when the window opens, and claimed by nobody", async () => {
    const s = setup();
    const store = s.store;
    const sender = new OutboxSender({
      records: store.outbox,
      deliveries: store.deliveries,
      bulkMessages: store.bulkMessages,
      users: store.users,
      conversations: store.conversations,
      transport: s.transport,
      pacer: new SendPacer({ tenantRatePerSecond: 50, conversationWindows: [{ count: 1, ms: 60_000 }] }),
      now: s.clock.now,
      owner: 'test',
      log: s.log,
      lingerMs: 1000,
    });
    const busy = await s.person(1, { conversation: ref(1) });
    await s.outbox.enqueue({ key: 'k1', recipient: busy, content, quietHours: false });
    await s.outbox.enqueue({ key: 'k2', recipient: busy, content, quietHours: false });
    expect(await sender.drain()).toMatchObject({ read: 2, sent: 1, postponed: 1 });
    const records = [await s.outbox.get('k1'), await s.outbox.get('k2')];
    expect(records.map((r) => r?.status).sort()).toEqual(['pending', 'sent']);
    const waiting = records.find((r) => r?.status === 'pending');
    expect(waiting).toMatchObject({ attempts: 0 });
    expect(waiting?.lease).toBeUndefined();
    expect(Date.parse(waiting!.dueAt!) - s.clock.now().getTime()).toBeGreaterThanOrEqual(60_000);
  });
});
