import { MemoryDueCollection } from '../../../bot/proactive/due-collection-memory';
import { MemoryCollection } from '../../../bot/storage/memory-collection';
import type { SchedulerJobRecord } from '../../../bot/proactive/scheduler-job-record';
import { Scheduler } from '../../../bot/proactive/scheduler-service';
import { z } from 'zod';
import { recordingLog, testClock } from './proactive-test-kit';

function setup() {
  const jobs = new MemoryDueCollection<SchedulerJobRecord>();
  const clock = testClock('2025-06-02T09:00:00Z');
  const log = recordingLog();
  const scheduler = new Scheduler({ jobs, history: new MemoryCollection<SchedulerJobRecord>(), now: clock.now, owner: 'test', log, retry: { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 3_600_000 }, random: () => 1 });
  return { jobs, clock, log, scheduler };
}

describe('the scheduler', () => {
  it('when a job is scheduled again with one key, then it is moved rather than added, and an identical call changes nothing', async () => {
    const { scheduler } = setup();
    expect(await scheduler.schedule({ key: 'j', kind: 'k', runAt: new Date('2025-06-10T09:00:00Z'), payload: { a: 1 } })).toBe('created');
    expect(await scheduler.schedule({ key: 'j', kind: 'k', runAt: new Date('2025-06-10T09:00:00Z'), payload: { a: 1 } })).toBe('unchanged');
    expect(await scheduler.schedule({ key: 'j', kind: 'k', runAt: new Date('2025-06-11T09:00:00Z'), payload: { a: 1 } })).toBe('moved');
    expect(await scheduler.get('j')).toMatchObject({ runAt: '2025-06-11T09:00:00.000Z', dueAt: '2025-06-11T09:00:00.000Z', status: 'scheduled' });
  });

  it('when a self-rescheduling job is ensured again, then it is left as it is, done or not', async () => {
    const { scheduler, clock } = setup();
    scheduler.register('digest', async () => ({ next: new Date('2025-06-09T09:00:00Z') }));
    expect(await scheduler.ensure({ key: 'd', kind: 'digest', runAt: clock.now() })).toBe('created');
    await scheduler.tick();
    expect(await scheduler.ensure({ key: 'd', kind: 'digest', runAt: clock.now() })).toBe('exists');
    expect(await scheduler.get('d')).toMatchObject({ runAt: '2025-06-09T09:00:00.000Z', runs: 1 });
  });

  it('when a handler returns a next time, then the job runs again then; when it returns nothing, the job is done', async () => {
    const { scheduler, clock } = setup();
    const runs: string[] = [];
    scheduler.register('twice', async (job) => {
      runs.push(job.runAt.toISOString());
      return job.runs === 0 ? { next: new Date('2025-06-03T09:00:00Z') } : undefined;
    });
    await scheduler.schedule({ key: 'j', kind: 'twice', runAt: clock.now() });
    expect(await scheduler.tick()).toMatchObject({ read: 1, rescheduled: 1 });
    expect(await scheduler.tick()).toMatchObject({ read: 0 });
    clock.set('2025-06-03T09:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ read: 1, done: 1 });
    expect(runs).toEqual(['2025-06-02T09:00:00.000Z', '2025-06-03T09:00:00.000Z']);
    expect(await scheduler.get('j')).toMatchObject({ status: 'done', runs: 2, lastRunAt: '2025-06-03T09:00:00.000Z' });
    expect(await scheduler.schedule({ key: 'j', kind: 'twice', runAt: new Date('2025-06-03T09:00:00Z') })).toBe('unchanged');
    expect(await scheduler.schedule({ key: 'j', kind: 'twice', runAt: new Date('2025-07-01T09:00:00Z') })).toBe('moved');
    expect(await scheduler.get('j')).toMatchObject({ status: 'scheduled' });
  });

  it('when a handler throws, then the error is recorded and the job is retried later with backoff, until it fails for good', async () => {
    const { scheduler, clock, log } = setup();
    scheduler.register('broken', async () => {
      throw new Error('the content service is down');
    });
    await scheduler.schedule({ key: 'j', kind: 'broken', runAt: clock.now() });
    expect(await scheduler.tick()).toMatchObject({ retrying: 1 });
    expect(await scheduler.get('j')).toMatchObject({ status: 'scheduled', attempts: 1, dueAt: '2025-06-02T09:01:00.000Z', lastError: { message: 'the content service is down' } });
    clock.set('2025-06-02T09:01:00Z');
    expect(await scheduler.tick()).toMatchObject({ retrying: 1 });
    expect(await scheduler.get('j')).toMatchObject({ attempts: 2, dueAt: '2025-06-02T09:03:00.000Z' });
    clock.set('2025-06-02T09:03:00Z');
    expect(await scheduler.tick()).toMatchObject({ failed: 1 });
    expect(await scheduler.get('j')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(log.events.filter((e) => e.event === 'job-failed')).toHaveLength(3);
  });

  it('when a payload does not match its handler schema, then the job fails at once without the handler running', async () => {
    const { scheduler, clock } = setup();
    const handler = jest.fn(async () => undefined);
    scheduler.register('typed', handler, z.object({ userKey: z.string() }));
    await scheduler.schedule({ key: 'j', kind: 'typed', runAt: clock.now(), payload: { user: 1 } });
    expect(await scheduler.tick()).toMatchObject({ failed: 1 });
    expect(handler).not.toHaveBeenCalled();
  });

  it('when no handler is registered for a kind, then its jobs are not even read', async () => {
    const { scheduler, clock } = setup();
    scheduler.register('known', async () => undefined);
    await scheduler.schedule({ key: 'a', kind: 'unknown', runAt: clock.now() });
    expect(await scheduler.tick()).toMatchObject({ read: 0 });
    expect(await scheduler.get('a')).toMatchObject({ status: 'scheduled' });
  });

  it('when a job is cancelled, then it does not run', async () => {
    const { scheduler, clock } = setup();
    const handler = jest.fn(async () => undefined);
    scheduler.register('k', handler);
    await scheduler.schedule({ key: 'j', kind: 'k', runAt: clock.now() });
    expect(await scheduler.cancel('j')).toBe(true);
    expect(await scheduler.cancel('j')).toBe(false);
    await scheduler.tick();
    expect(handler).not.toHaveBeenCalled();
  });

  it('when a job is moved while its handler runs, then the move wins over the handler\'s own next time', async () => {
    const { scheduler, clock } = setup();
    scheduler.register('k', async () => {
      await scheduler.schedule({ key: 'j', kind: 'k', runAt: new Date('2025-09-01T09:00:00Z') });
      return { next: new Date('2025-06-03T09:00:00Z') };
    });
    await scheduler.schedule({ key: 'j', kind: 'k', runAt: clock.now() });
    await scheduler.tick();
    expect(await scheduler.get('j')).toMatchObject({ status: 'scheduled', runAt: '2025-09-01T09:00:00.000Z' });
  });
});
