import { backoffDelayMs, DEFAULT_RETRY_POLICY } from '../../../bot/proactive/retry-policy';
import { sendOutcome } from '../../../bot/proactive/send-outcome';

const refused = (status: number, retryAfterMs?: number) => ({ ok: false as const, status, message: 'x', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });

describe('what a connector answer means', () => {
  it.each([
    [403, 'unreachable', 'blocked'],
    [404, 'unreachable', 'not-installed'],
    [400, 'failed', undefined],
    [401, 'failed', undefined],
    [500, 'failed', undefined],
    [429, 'retry', undefined],
    [412, 'retry', undefined],
    [502, 'retry', undefined],
    [503, 'retry', undefined],
    [504, 'retry', undefined],
    [0, 'retry', undefined],
  ])('when the connector answers %i on a first attempt, then the outcome is %s', (status, kind, why) => {
    const outcome = sendOutcome(refused(status), 1, DEFAULT_RETRY_POLICY);
    expect(outcome.kind).toBe(kind);
    if (why) expect(outcome).toMatchObject({ why });
  });

  it('when the connector gives Retry-After, then the wait is exactly that', () => {
    expect(sendOutcome(refused(429, 1000), 1, DEFAULT_RETRY_POLICY)).toEqual({ kind: 'retry', waitMs: 1000 });
  });

  it('when the last allowed attempt fails too, then the outcome is failed, saying how many tries and the last answer', () => {
    const outcome = sendOutcome(refused(503), DEFAULT_RETRY_POLICY.maxAttempts, DEFAULT_RETRY_POLICY);
    expect(outcome).toEqual({ kind: 'failed', reason: 'gave up after 6 attempts; last answer HTTP 503 x' });
  });

  it('when no Retry-After is given, then the waits grow exponentially with jitter, up to the cap', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 8000 };
    expect(backoffDelayMs(1, policy, () => 0)).toBe(500);
    expect(backoffDelayMs(1, policy, () => 1)).toBe(1000);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(2000);
    expect(backoffDelayMs(3, policy, () => 1)).toBe(4000);
    expect(backoffDelayMs(9, policy, () => 1)).toBe(8000);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelayMs(2, policy)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
