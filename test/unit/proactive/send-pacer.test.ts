import { SendPacer, type PaceTarget } from '../../../bot/proactive/send-pacer';

/**
 * A pacer on a virtual clock, and a sender that does what the outbox sender does with its
 * answers: go after the tenant wait, or come back at the turn it was given. Sequential use only.
 */
function virtualPacer(tenantRatePerSecond = 40) {
  let t = 0;
  const pacer = new SendPacer({ tenantRatePerSecond, clock: () => t });
  const send = (target: PaceTarget): number => {
    for (;;) {
      const decision = pacer.tryAcquire(target);
      if (decision.ok) return (t += decision.waitMs);
      t += decision.retryInMs;
    }
  };
  return { pacer, send, now: () => t, advance: (ms: number) => void (t += ms) };
}

/** The shortest span of `n + 1` consecutive sends: more than n in a window shorter than it would break the limit. */
function minSpan(times: number[], n: number): number {
  let min = Infinity;
  for (let i = 0; i + n < times.length; i += 1) min = Math.min(min, (times[i + n] as number) - (times[i] as number));
  return min;
}

const conversation = (id: string): PaceTarget => ({ tenantId: 't', conversationId: id });

describe('pacing to Teams limits', () => {
  it('when 70 messages go to one conversation, then no more than 7 in any second, 8 in any 2 s, 60 in any 30 s', () => {
    const { send } = virtualPacer();
    const times = Array.from({ length: 70 }, () => send(conversation('c')));
    expect(minSpan(times, 7)).toBeGreaterThanOrEqual(1000);
    expect(minSpan(times, 8)).toBeGreaterThanOrEqual(2000);
    expect(minSpan(times, 60)).toBeGreaterThanOrEqual(30_000);
    // …and not slower than it must be: the first 7 go within the tenant's stream, the 8th after about a second.
    expect(times[6]).toBeLessThanOrEqual(250);
    expect(times[7]).toBeLessThanOrEqual(1100);
  });

  it('when 200 messages go to 200 people of one tenant at 40/s, then no more than 40 in any second, and about 40 a second', () => {
    const { send } = virtualPacer(40);
    const times = Array.from({ length: 200 }, (_, i) => send(conversation(`c${i}`)));
    expect(minSpan(times, 40)).toBeGreaterThanOrEqual(1000);
    // …as a steady stream: never more than a fifth of the second's budget in 200 ms…
    expect(minSpan(times, 8)).toBeGreaterThanOrEqual(200);
    // …and not much below the rate: 40 per 1.05 s with the jitter margin.
    const rate = 199 / ((times[199] as number) / 1000);
    expect(rate).toBeGreaterThan(37);
    expect(rate).toBeLessThanOrEqual(40);
  });

  it('when a conversation\'s window is shut, then the pacer says when to come back instead of waiting, and counts nothing', () => {
    const { pacer, send } = virtualPacer();
    for (let i = 0; i < 7; i += 1) send(conversation('c'));
    expect(pacer.opensInMs(conversation('c'))).toBeGreaterThanOrEqual(800);
    const decision = pacer.tryAcquire(conversation('c'));
    expect(decision).toEqual({ ok: false, retryInMs: expect.any(Number) });
    expect(decision.ok === false && decision.retryInMs).toBeGreaterThanOrEqual(800);
  });

  it('when many records of one busy conversation are told to come back, then their turns spread out in order, as the limits would let them go', () => {
    const { pacer, send } = virtualPacer();
    const sent = Array.from({ length: 7 }, () => send(conversation('c')));
    const turns: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      const decision = pacer.tryAcquire(conversation('c'));
      if (decision.ok) throw new Error('the window should be shut');
      turns.push(decision.retryInMs);
    }
    expect(turns).toEqual([...turns].sort((a, b) => a - b));
    const all = [...sent, ...turns];
    expect(minSpan(all, 7)).toBeGreaterThanOrEqual(1000);
    expect(minSpan(all, 8)).toBeGreaterThanOrEqual(2000);
    expect(minSpan(all, 60)).toBeGreaterThanOrEqual(30_000);
    // The 53 that fill the first 30 s come back within it, the rest after it.
    expect(turns[52]).toBeLessThan(30_000);
    expect(turns[53]).toBeGreaterThanOrEqual(30_000);
  });

  it('when Teams answered 429 with Retry-After 5, then nothing more goes to that conversation for 5 s', () => {
    const { pacer, send } = virtualPacer();
    pacer.pause('c', 5000);
    expect(send(conversation('c'))).toBeGreaterThanOrEqual(5000);
  });

  it('when one conversation\'s window is shut, then another conversation goes at once', () => {
    const pacer = new SendPacer({ tenantRatePerSecond: 50, conversationWindows: [{ count: 1, ms: 400 }], margin: 0 });
    expect(pacer.tryAcquire(conversation('busy'))).toEqual({ ok: true, waitMs: 0, at: expect.any(Number) });
    expect(pacer.tryAcquire(conversation('busy'))).toMatchObject({ ok: false });
    expect(pacer.tryAcquire(conversation('other'))).toMatchObject({ ok: true });
  });
});
