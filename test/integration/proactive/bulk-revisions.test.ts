import { createHttpConnectorTransport } from '../../../bot/edge/http-connector-transport';
import { bulkDeliveryKey } from '../../../bot/proactive/bulk-message';
import type { ConnectorTransport } from '../../../bot/proactive/connector-transport';
import { TEAMS_CONVERSATION_WINDOWS } from '../../../bot/proactive/rate-window';
import { countDocuments } from '../../support/proactive-store-fixture';
import type { ThrottlingConnector } from '../../support/throttling-connector';
import { addPerson, conversationRef, engineOn, LOCAL, proactiveTestBed, type ProactiveTestStore } from './proactive-fixture';

let connector: ThrottlingConnector;
let serviceUrl: string;
let store: ProactiveTestStore;
const bed = proactiveTestBed('revise', (b) => ({ store, connector, serviceUrl } = b), { conversationWindows: TEAMS_CONVERSATION_WINDOWS, perSecond: 50 });

const news = { en: { text: 'Inset day on Friday' }, cy: { text: 'Diwrnod HMS ddydd Gwener' } };
const edited = { en: { text: 'Inset day moved to Monday' }, cy: { text: "Mae'r diwrnod HMS wedi symud i ddydd Llun" } };
const withdrawn = { en: { text: 'This message was withdrawn' }, cy: { text: "Tynnwyd y neges hon yn ôl" } };

/** `count` people from number `from`: every third Welsh; `reachable: false` have never opened Cefnogi. */
async function people(count: number, from = 1, options: { reachable?: boolean } = {}): Promise<string[]> {
  const keys: string[] = [];
  for (let i = from; i < from + count; i += 1) {
    const user = await addPerson(store, i, { ...(options.reachable === false ? {} : { serviceUrl }), language: i % 3 === 0 ? 'cy' : 'en' });
    keys.push(user.id);
  }
  return keys;
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sends and waits until the bulk sender has been through every recipient. */
async function sendAll(engine: ReturnType<typeof engineOn>): Promise<void> {
  await engine.bulkSender.pump();
  await engine.bulkSender.idle();
}

describe('revising and resending bulk messages', () => {
  it('when a delivered broadcast is edited, then every copy is replaced once, over its own activity, in the language it went in', async () => {
    const reachable = await people(60);
    const never = await people(5, 1000, { reachable: false });
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), config: { TEAMS_TENANT_RATE_PER_SECOND: 50 } });
    await engine.bulkOutbox.enqueue({ key: 'inset', recipients: [...reachable, ...never], content: news, quietHours: false });
    await sendAll(engine);
    // Someone changes language after the broadcast: their copy stays in the language they were sent.
    const changer = await store.users.read(reachable[2] as string, reachable[2] as string);
    await store.users.replace({ ...(changer?.value as NonNullable<typeof changer>['value']), language: 'en' }, changer?.etag ?? '');
    expect(await engine.bulkOutbox.enqueueRevision({ key: 'inset:edit-1', of: 'inset', content: edited })).toBe('enqueued');
    await sendAll(engine);
    const sentIds = new Map(connector.delivered.map((r) => [`activity-${connector.delivered.indexOf(r) + 1}`, r]));
    expect(connector.updated).toHaveLength(60);
    expect(new Set(connector.updated.map((r) => r.activityId)).size).toBe(60);
    for (const update of connector.updated) {
      const original = sentIds.get(update.activityId as string);
      expect(update.conversationId).toBe(original?.conversationId);
      expect(update.activity.locale).toBe(original?.activity.locale);
      expect(update.activity.text).toBe(original?.activity.locale === 'cy-GB' ? edited.cy.text : edited.en.text);
    }
    expect(connector.updated.find((r) => r.conversationId === 'a:personal-3')?.activity.text).toBe(edited.cy.text);
    expect(connector.delivered).toHaveLength(60);
    expect(await engine.bulkOutbox.get('inset:edit-1')).toMatchObject({ recipients: 65, figures: { sent: 60, passedOver: 5, failed: 0, retrying: 0, unreachable: 0 } });
    expect(await engine.outbox.get(bulkDeliveryKey('inset:edit-1', reachable[0] as string))).toMatchObject({ status: 'sent', activityId: 'activity-1' });
    expect(await countDocuments(store.outboxContainer)).toBe(0);
    expect(await engine.bulkOutbox.enqueueRevision({ key: 'inset:edit-1', of: 'inset', content: edited })).toBe('duplicate');
  });

  it('when a broadcast is withdrawn after an edit, then each person sees only the withdrawal notice in place of the same message', async () => {
    const everyone = await people(20);
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), config: { TEAMS_TENANT_RATE_PER_SECOND: 50 } });
    await engine.bulkOutbox.enqueue({ key: 'inset', recipients: everyone, content: news, quietHours: false });
    await sendAll(engine);
    await engine.bulkOutbox.enqueueRevision({ key: 'inset:edit', of: 'inset', content: edited });
    await sendAll(engine);
    // Withdrawing "the edit" replaces the original copies again: there is one message per person.
    await engine.bulkOutbox.enqueueRevision({ key: 'inset:withdraw', of: 'inset:edit', content: withdrawn });
    await sendAll(engine);
    const last = new Map(connector.updated.map((r) => [r.activityId, r.activity.text]));
    expect(last.size).toBe(20);
    expect([...last.values()].every((text) => text === withdrawn.en.text || text === withdrawn.cy.text)).toBe(true);
    expect(await engine.bulkOutbox.get('inset:withdraw')).toMatchObject({ figures: { sent: 20, passedOver: 0 } });
  });

  it('when Teams throttles some replacements, then they are retried from the outbox and each copy is replaced once', async () => {
    const everyone = await people(30);
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), intervalMs: 50, sender: { retry: { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 200 } } });
    await engine.bulkOutbox.enqueue({ key: 'inset', recipients: everyone, content: news, quietHours: false });
    await sendAll(engine);
    connector.refuseNext(3, { status: 429, retryAfter: '1' });
    await engine.bulkOutbox.enqueueRevision({ key: 'inset:edit', of: 'inset', content: edited });
    engine.start();
    try {
      await until(() => connector.updated.length === 30, 20_000);
      await until(async () => (await countDocuments(store.outboxContainer)) === 0, 10_000);
    } finally {
      await engine.stop();
    }
    expect(connector.requests.filter((r) => r.method === 'PUT' && r.status === 429)).toHaveLength(3);
    expect(new Set(connector.updated.map((r) => r.activityId)).size).toBe(30);
    expect(connector.updated).toHaveLength(30);
  });

  it('when a revision is asked for while the broadcast is still going out, then it waits and replaces every copy', async () => {
    const everyone = await people(120);
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), intervalMs: 50, config: { TEAMS_TENANT_RATE_PER_SECOND: 50 } });
    await engine.bulkOutbox.enqueue({ key: 'inset', recipients: everyone, content: news, quietHours: false });
    engine.start();
    try {
      await until(() => connector.delivered.length >= 20, 20_000);
      await engine.bulkOutbox.enqueueRevision({ key: 'inset:edit', of: 'inset', content: edited });
      await until(async () => (await engine.bulkOutbox.get('inset:edit'))?.finishedParts === 1, 30_000);
    } finally {
      await engine.stop();
    }
    expect(connector.delivered).toHaveLength(120);
    expect(new Set(connector.updated.map((r) => r.activityId)).size).toBe(120);
    expect(await engine.bulkOutbox.get('inset:edit')).toMatchObject({ figures: { sent: 120, passedOver: 0 } });
  });

  it('when the instance revising dies mid-way, then another resumes from its checkpoint and every copy is replaced exactly once', async () => {
    const everyone = await people(150);
    const http = createHttpConnectorTransport(LOCAL);
    const sender = engineOn(store, { transport: http, config: { TEAMS_TENANT_RATE_PER_SECOND: 50 } });
    await sender.bulkOutbox.enqueue({ key: 'inset', recipients: everyone, content: news, quietHours: false });
    await sendAll(sender);
    // The dying instance replaces 45 copies, then freezes for ever mid-send, as a killed process would.
    let allowed = 45;
    const dying: ConnectorTransport = { send: http.send, update: (ref, id, activity) => (allowed-- > 0 ? http.update(ref, id, activity) : new Promise(() => undefined)) };
    const first = engineOn(store, { transport: dying, owner: 'dying', intervalMs: 50, bulk: { checkpointEvery: 20, leaseMs: 1500 } });
    await first.bulkOutbox.enqueueRevision({ key: 'inset:edit', of: 'inset', content: edited });
    void first.bulkSender.pump();
    await until(() => connector.updated.length >= 45, 20_000);
    const second = engineOn(await bed.reconnect(), { transport: http, owner: 'second', intervalMs: 50 });
    second.start();
    try {
      await until(async () => (await second.bulkOutbox.get('inset:edit'))?.finishedParts === 1, 30_000);
    } finally {
      await second.stop();
    }
    expect(connector.updated).toHaveLength(150);
    expect(new Set(connector.updated.map((r) => r.activityId)).size).toBe(150);
  });

  it('when a broadcast is resent, then only those it did not reach get it, now that they can be reached', async () => {
    const reachable = await people(25);
    const late = await people(5, 500, { reachable: false });
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), config: { TEAMS_TENANT_RATE_PER_SECOND: 50 } });
    await engine.bulkOutbox.enqueue({ key: 'inset', recipients: [...reachable, ...late], content: news, quietHours: false });
    await sendAll(engine);
    expect(connector.delivered).toHaveLength(25);
    // Four of the five open Cefnogi afterwards; one still has not.
    for (const key of late.slice(0, 4)) {
      const found = await store.users.read(key, key);
      const n = Number(found?.value.aadObjectId.slice(-12));
      await store.users.replace({ ...(found?.value as NonNullable<typeof found>['value']), conversation: conversationRef(serviceUrl, `a:personal-${n}`) }, found?.etag ?? '');
    }
    expect(await engine.bulkOutbox.enqueueResend({ key: 'inset:again', of: 'inset' })).toBe('enqueued');
    await sendAll(engine);
    expect(connector.delivered.slice(25).map((r) => r.conversationId).sort()).toEqual(['a:personal-500', 'a:personal-501', 'a:personal-502', 'a:personal-503']);
    expect(connector.delivered.slice(25).every((r) => r.activity.text === news.en.text || r.activity.text === news.cy.text)).toBe(true);
    expect(await engine.bulkOutbox.get('inset:again')).toMatchObject({ recipients: 30, figures: { sent: 4, unreachable: 1, passedOver: 25 } });
  });

  it('when a revision names a bulk message that does not exist, then it is refused and nothing is written', async () => {
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    await expect(engine.bulkOutbox.enqueueRevision({ key: 'x:edit', of: 'x', content: edited })).rejects.toThrow(/no bulk message/);
    expect(await engine.bulkOutbox.get('x:edit')).toBeUndefined();
    expect(await countDocuments(store.outboxContainer)).toBe(0);
  });
});
