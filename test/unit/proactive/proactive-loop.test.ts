import { startProactiveLoop } from '../../../bot/proactive/proactive-loop';
import { recordingLog } from './proactive-test-kit';

describe('the proactive loop', () => {
  it('when it runs, then each cycle ticks the scheduler before draining the outbox, and cycles never overlap', async () => {
    const calls: string[] = [];
    let active = 0;
    let overlapped = false;
    const step = (name: string) => async () => {
      overlapped ||= active > 0;
      active += 1;
      calls.push(name);
      await new Promise((r) => setTimeout(r, 15));
      active -= 1;
      return {};
    };
    const loop = startProactiveLoop({ scheduler: { tick: step('tick') }, sender: { drain: step('drain') }, intervalMs: 5, now: () => new Date(), firstDelayMs: 0 });
    await new Promise((r) => setTimeout(r, 120));
    await loop.stop();
    expect(calls.length).toBeGreaterThanOrEqual(4);
    expect(calls.slice(0, 4)).toEqual(['tick', 'drain', 'tick', 'drain']);
    expect(overlapped).toBe(false);
  });

  it('when stopped during a cycle, then stop waits for it, aborts its waits, and no cycle follows', async () => {
    let signalSeen: AbortSignal | undefined;
    let finished = false;
    let cycles = 0;
    const loop = startProactiveLoop({
      scheduler: { tick: async () => ({}) },
      sender: {
        drain: async (_now, { signal }) => {
          cycles += 1;
          signalSeen = signal;
          await new Promise((r) => setTimeout(r, 50));
          finished = true;
          return {};
        },
      },
      intervalMs: 1,
      now: () => new Date(),
      firstDelayMs: 0,
    });
    await new Promise((r) => setTimeout(r, 10));
    await loop.stop();
    expect(finished).toBe(true);
    expect(signalSeen?.aborted).toBe(true);
    const after = cycles;
    await new Promise((r) => setTimeout(r, 30));
    expect(cycles).toBe(after);
  });

  it('when a cycle fails, then it is logged and the next cycle runs as usual', async () => {
    const log = recordingLog();
    let ticks = 0;
    const loop = startProactiveLoop({
      scheduler: {
        tick: async () => {
          ticks += 1;
          if (ticks === 1) throw new Error('store unavailable');
          return {};
        },
      },
      sender: { drain: async () => ({ sent: 1 }) },
      intervalMs: 5,
      now: () => new Date(),
      log,
      firstDelayMs: 0,
    });
    await new Promise((r) => setTimeout(r, 60));
    await loop.stop();
    expect(ticks).toBeGreaterThan(1);
    expect(log.events).toContainEqual(expect.objectContaining({ level: 'error', event: 'proactive-cycle-failed', fields: { error: 'store unavailable' } }));
    expect(log.events).toContainEqual(expect.objectContaining({ event: 'proactive-cycle' }));
  });

  it('when nothing else is running, then the loop does not keep the process alive (its timers are unref\'d)', async () => {
    const spy = jest.spyOn(global, 'setTimeout');
    try {
      const loop = startProactiveLoop({ scheduler: { tick: async () => ({}) }, sender: { drain: async () => ({}) }, intervalMs: 5, now: () => new Date(), firstDelayMs: 0 });
      await new Promise((r) => setTimeout(r, 30).unref());
      await loop.stop();
      const timers = spy.mock.results.map((r) => r.value as NodeJS.Timeout);
      expect(timers.length).toBeGreaterThanOrEqual(3);
      expect(timers.filter((t) => t.hasRef())).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});
