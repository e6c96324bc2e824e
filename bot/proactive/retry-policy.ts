/** How hard the engine tries before it records a failure. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles after each one. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

/** Six tries over about a minute and a half: past a short Teams outage, not past a day. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 2000, maxDelayMs: 60_000 };

/**
 * HTTP answers worth another try (Teams' guidance: 429, 412, 502, 503, 504), plus 0 for
 * no answer at all (a dropped connection or a timeout).
 */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 412 || status === 429 || status === 502 || status === 503 || status === 504;
}

/**
 * The wait before attempt `failures + 1`: exponential, capped, with "equal jitter" (half
 * fixed, half random) so many instances retrying after one outage do not return together.
 */
export function backoffDelayMs(failures: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
