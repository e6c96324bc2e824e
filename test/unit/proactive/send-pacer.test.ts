import { SendPacer } from '../../../bot/proactive/send-pacer';

/** A pacer on a virtual clock that moves when it sleeps: sequential use only. */
function virtualPacer(tenantRatePerSecond = 40) {
  let t = 0;
  const pacer = new SendPacer({ tenantRatePerSecond, clock: () => t, sleep: async (ms) => void (t += Math.max(0, ms)) });
  return { pacer, now: () => t };
}

/** The shortest span of `n + 1` consecutive sends: more than n in a window shorter than it would break the limit. */
function minSpan(times: number[], n: number): number {
  let min = Infinity;
  for (let i = 0; i + n < times.length; i += 1) min = Math.min(min, (times[i + n] as number) - (times[i] as number));
  return min;
}

describe('pacing to Teams limits', () => {
  it('when 70 messages go to one conversation, then no more than 7 in any second, 8 in any 2 s, 60 in any 30 s', async () => {
    const { pacer, now } = virtualPacer();
    const times: number[] = [];
    for (let i = 0; i < 70; i += 1) {
      await pacer.acquire({ tenantId: 't', conversationId: 'c' }, { maxWaitMs: Infinity });
      times.push(now());
    }
    expect(minSpan(times, 7)).toBeGreaterThanOrEqual(1000);
    expect(minSpan(times, 8)).toBeGreaterThanOrEqual(2000);
    expect(minSpan(times, 60)).toBeGreaterThanOrEqual(30_000);
    // …and not slower than it must be: the first 7 go at once, the 8th after about a second.
    expect(times[6]).toBe(0);
    expect(times[7]).toBeLessThanOrEqual(1100);
  });

  it('when 200 messages go to 200 people of one tenant at 40/s, then no more than 40 in any second, and about 40 a second', async () => {
    const { pacer, now } = virtualPacer(40);
    const times: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      await pacer.acquire({ tenantId: 't', conversationId: `c${i}` }, { maxWaitMs: Infinity });
      times.push(now());
    }
    expect(minSpan(times, 40)).toBeGreaterThanOrEqual(1000);
    // …as a steady stream: never more than a fifth of the second's budget in 200 ms…
    expect(minSpan(times, 8)).toBeGreaterThanOrEqual(200);
    // …and not much below the rate: 40 per 1.05 s with the jitter margin.
    const rate = 199 / ((times[199] as number) / 1000);
    expect(rate).toBeGreaterThan(37);
    expect(rate).toBeLessThanOrEqual(40);
  });

  it('when a conversation would have to wait longer than allowed, then the pacer says how long instead of waiting', async () => {
    const { pacer } = virtualPacer();
    for (let i = 0; i < 7; i += 1) await pacer.acquire({ tenantId: 't', conversationId: 'c' }, { maxWaitMs: 0 });
    const result = await pacer.acquire({ tenantId: 't', conversationId: 'c' }, { maxWaitMs: 100 });
    expect(result).toEqual({ ok: false, retryInMs: expect.any(Number) });
    expect(result.ok === false && result.retryInMs).toBeGreaterThanOrEqual(1000);
  });

  it('when Teams answered 429 with Retry-After 5, then nothing more goes to that conversation for 5 s', async () => {
    const { pacer, now } = virtualPacer();
    pacer.pause('c', 5000);
    await pacer.acquire({ tenantId: 't', conversationId: 'c' }, { maxWaitMs: Infinity });
    expect(now()).toBeGreaterThanOrEqual(5000);
  });

  it('when one conversation waits for its window, then another conversation is not held up behind it', async () => {
    const pacer = new SendPacer({ tenantRatePerSecond: 50, conversationWindows: [{ count: 1, ms: 400 }], margin: 0 });
    const order: string[] = [];
    await pacer.acquire({ tenantId: 't', conversationId: 'busy' }, { maxWaitMs: Infinity });
    const busy = pacer.acquire({ tenantId: 't', conversationId: 'busy' }, { maxWaitMs: Infinity }).then(() => order.push('busy'));
    const other = pacer.acquire({ tenantId: 't', conversationId: 'other' }, { maxWaitMs: Infinity }).then(() => order.push('other'));
    await Promise.all([busy, other]);
    expect(order).toEqual(['other', 'busy']);
  });

  it('when the engine stops during a wait, then the wait ends at once with StoppedError', async () => {
    const pacer = new SendPacer({ tenantRatePerSecond: 50, conversationWindows: [{ count: 1, ms: 60_000 }] });
    await pacer.acquire({ tenantId: 't', conversationId: 'c' }, { maxWaitMs: Infinity });
    const controller = new AbortController();
    const waiting = pacer.acquire({ tenantId: 't', conversationId: 'c' }, { maxWaitMs: Infinity, signal: controller.signal });
    controller.abort();
    await expect(waiting).rejects.toThrow('stopped');
  });
});
