import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../bot/config';
import { createHttpConnectorTransport } from '../../../bot/edge/http-connector-transport';
import { openStore } from '../../../bot/storage/open-store';
import type { ConnectorTransport } from '../../../bot/proactive/connector-transport';
import { recordingLog, testClock } from '../../unit/proactive/proactive-test-kit';
import { ThrottlingConnector } from '../../support/throttling-connector';
import { addPerson, content, engineOn, LOCAL, proactiveTestBed, type ProactiveTestStore } from './proactive-fixture';

const LEASE_MS = 120_000;

let connector: ThrottlingConnector;
let serviceUrl: string;
let store: ProactiveTestStore;
const bed = proactiveTestBed('crash', (b) => ({ store, connector, serviceUrl } = b));

/** A transport that never answers: the process "dies" after claiming, before anything reaches Teams. */
const deadTransport: ConnectorTransport = { send: () => new Promise(() => undefined), update: () => new Promise(() => undefined) };

describe('crashes and concurrent instances', () => {
  it('when a sender dies between claiming and sending, then after its lease ends another sends the message, exactly once', async () => {
    const clock = testClock('2025-06-02T09:00:00Z');
    const person = await addPerson(store, 1, { serviceUrl });
    const dying = engineOn(store, { transport: deadTransport, now: clock.now, owner: 'dying' });
    await dying.outbox.enqueue({ key: 'review-1d:1', recipient: person.id, content: content(1), quietHours: true });

    void dying.sender.drain();
    const claimed = async () => (await dying.outbox.get('review-1d:1'))?.status === 'sending';
    for (let i = 0; i < 200 && !(await claimed()); i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(await dying.outbox.get('review-1d:1')).toMatchObject({ status: 'sending', lease: { owner: 'dying' }, attempts: 0 });

    // A restarted instance on the same store: while the lease lasts it leaves the record alone…
    const restarted = await bed.reconnect();
    const next = engineOn(restarted, { transport: createHttpConnectorTransport(LOCAL), now: clock.now, owner: 'restarted' });
    clock.advance(LEASE_MS - 1000);
    expect(await next.sender.drain()).toMatchObject({ read: 0 });
    // …and once it has run out, sends it.
    clock.advance(1001);
    expect(await next.sender.drain()).toMatchObject({ read: 1, sent: 1 });
    expect(await next.sender.drain()).toMatchObject({ read: 0 });
    clock.advance(LEASE_MS * 10);
    expect(await next.sender.drain()).toMatchObject({ read: 0 });

    expect(connector.delivered).toHaveLength(1);
    expect(await next.outbox.get('review-1d:1')).toMatchObject({ status: 'sent', attempts: 1, activityId: 'activity-1' });
    expect((await next.outbox.get('review-1d:1'))?.lease).toBeUndefined();
  });

  it('when two instances drain one store at the same moment, then every message is sent exactly once', async () => {
    const a = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), owner: 'a' });
    const other = await bed.reconnect();
    const b = engineOn(other, { transport: createHttpConnectorTransport(LOCAL), owner: 'b' });
    for (let i = 0; i < 60; i += 1) {
      const person = await addPerson(store, i, { serviceUrl });
      await a.outbox.enqueue({ key: `broadcast-7:${i}`, recipient: person.id, content: content(i), quietHours: false });
    }
    const reports = [];
    for (let round = 0; round < 3; round += 1) reports.push(...(await Promise.all([a.sender.drain(), b.sender.drain()])));

    const texts = connector.delivered.map((r) => r.activity.text);
    expect(texts).toHaveLength(60);
    expect(new Set(texts).size).toBe(60);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(60);
    // Both really competed: each read every record, and each lost some claims to the other.
    expect(reports[0]?.read).toBe(60);
    expect(reports[1]?.read).toBe(60);
    expect((reports[0]?.skipped ?? 0) + (reports[1]?.skipped ?? 0)).toBe(60);
    for (let i = 0; i < 60; i += 1) expect(await a.outbox.get(`broadcast-7:${i}`)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('when an instance stops while claimed messages wait for their conversation\'s window, then they go back to the queue at once and the next instance sends them', async () => {
    const person = await addPerson(store, 1, { serviceUrl });
    const first = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), owner: 'first', intervalMs: 100 });
    for (let i = 0; i < 9; i += 1) await first.outbox.enqueue({ key: `k${i}`, recipient: person.id, content: content(i), quietHours: false });
    first.start();
    await connector.waitForDelivered(7);
    await first.stop();
    expect(connector.delivered).toHaveLength(7);

    const second = engineOn(await bed.reconnect(), { transport: createHttpConnectorTransport(LOCAL), owner: 'second' });
    expect(await second.sender.drain()).toMatchObject({ read: 2, sent: 2 });
    expect(new Set(connector.delivered.map((r) => r.activity.text)).size).toBe(9);
  });

  it('when the bot restarts on its data folder, then a message enqueued before the restart is still waiting and is sent after it', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'cefnogi-proactive-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    try {
      const before = await openStore(config, recordingLog());
      const person = await addPerson(before, 1, { serviceUrl });
      await engineOn(before, { transport: createHttpConnectorTransport(LOCAL) }).outbox.enqueue({ key: 'k', recipient: person.id, content: content(1), quietHours: false });
      await before.close();

      const after = await openStore(config, recordingLog());
      try {
        const engine = engineOn(after, { transport: createHttpConnectorTransport(LOCAL) });
        expect(await engine.outbox.get('k')).toMatchObject({ status: 'pending' });
        expect(await engine.sender.drain()).toMatchObject({ sent: 1 });
        expect(connector.delivered).toHaveLength(1);
      } finally {
        await after.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
