import { createHttpConnectorTransport } from '../../../bot/edge/http-connector-transport';
import { moveFinishedRecords } from '../../../bot/proactive/move-finished-records';
import { newJobRecord } from '../../../bot/proactive/scheduler-job-record';
import { Scheduler } from '../../../bot/proactive/scheduler-service';
import { shardOf } from '../../../bot/proactive/shard-key';
import { recordingLog } from '../../unit/proactive/proactive-test-kit';
import type { ThrottlingConnector } from '../../support/throttling-connector';
import { countDocuments } from '../../support/proactive-store-fixture';
import { addPerson, content, engineOn, LOCAL, proactiveTestBed, type ProactiveTestStore } from './proactive-fixture';

let connector: ThrottlingConnector;
let serviceUrl: string;
let store: ProactiveTestStore;
proactiveTestBed('live-only', (b) => ({ store, connector, serviceUrl } = b));

describe('the loop queries live work only', () => {
  it('when messages have been sent, then the documents the sender can query are the ones still waiting, and a sent key is never sent again', async () => {
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    for (let i = 1; i <= 30; i += 1) {
      const person = await addPerson(store, i, { serviceUrl });
      await engine.outbox.enqueue({ key: `notice:${i}`, recipient: person.id, content: content(i), quietHours: false, ...(i > 25 ? { notBefore: new Date(Date.now() + 3_600_000) } : {}) });
    }
    expect(await engine.sender.drain()).toMatchObject({ sent: 25 });
    expect(await countDocuments(store.outboxContainer)).toBe(5);
    expect(await countDocuments(store.deliveriesContainer)).toBe(25);
    const finished = await store.deliveries.read('notice:3', shardOf('notice:3'));
    expect(finished?.value).toMatchObject({ status: 'sent', recipient: expect.any(String) });
    expect(finished?.value).not.toHaveProperty('content');
    expect(await engine.outbox.enqueue({ key: 'notice:3', recipient: 'someone', content: content(3), quietHours: false })).toBe('duplicate');
    expect(await engine.sender.drain()).toMatchObject({ read: 0, sent: 0 });
    expect(connector.delivered).toHaveLength(25);
  });

  it('when jobs are done, then they leave the live jobs for the history, and asking for the same job again changes nothing', async () => {
    const now = new Date('2026-01-05T09:00:00Z');
    const scheduler = new Scheduler({ jobs: store.jobs, history: store.jobHistory, now: () => now, owner: 'a', log: recordingLog() });
    const ran: string[] = [];
    scheduler.register('digest', async (job) => void ran.push(job.key));
    for (let i = 0; i < 20; i += 1) await scheduler.schedule({ key: `digest:${i}`, kind: 'digest', runAt: new Date(now.getTime() - 1000) });
    await scheduler.schedule({ key: 'digest:later', kind: 'digest', runAt: new Date(now.getTime() + 3_600_000) });
    expect(await scheduler.tick(now)).toMatchObject({ done: 20 });
    expect(await countDocuments(store.jobsContainer)).toBe(1);
    expect(await countDocuments(store.jobHistoryContainer)).toBe(20);
    expect(await scheduler.get('digest:4')).toMatchObject({ status: 'done', runs: 1 });
    expect(await scheduler.schedule({ key: 'digest:4', kind: 'digest', runAt: new Date(now.getTime() - 1000) })).toBe('unchanged');
    expect(await scheduler.ensure({ key: 'digest:5', kind: 'digest', runAt: now })).toBe('exists');
    expect(await scheduler.tick(now)).toMatchObject({ read: 0 });
    expect(ran).toHaveLength(20);
    // Moved to another time, a finished job runs again.
    expect(await scheduler.schedule({ key: 'digest:6', kind: 'digest', runAt: now })).toBe('moved');
    expect(await scheduler.tick(now)).toMatchObject({ done: 1 });
    expect(ran).toHaveLength(21);
  });

  it('when finished records were left in the live containers, then the start-up move takes them out and keeps what they said', async () => {
    const person = await addPerson(store, 1, { serviceUrl });
    const stamp = '2025-01-01T00:00:00.000Z';
    await store.outbox.create({
      id: 'old-notice', pk: shardOf('old-notice'), kind: 'outbox-message', key: 'old-notice', recipient: person.id, content: content(1),
      notBefore: stamp, quietHours: false, status: 'sent', dueAt: stamp, attempts: 1, activityId: 'activity-9', sentAt: stamp, language: 'en', createdAt: stamp, updatedAt: stamp,
    });
    await store.jobs.create({ ...newJobRecord({ key: 'old-job', kind: 'digest', runAt: new Date(stamp) }, new Date(stamp)), status: 'done', runs: 1 });
    expect(await moveFinishedRecords(store, new Date(), recordingLog())).toEqual({ messages: 1, jobs: 1 });
    expect(await countDocuments(store.outboxContainer)).toBe(0);
    expect(await countDocuments(store.jobsContainer)).toBe(0);
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    expect(await engine.outbox.get('old-notice')).toMatchObject({ status: 'sent', activityId: 'activity-9' });
    expect(await engine.scheduler.get('old-job')).toMatchObject({ status: 'done' });
  });
});
