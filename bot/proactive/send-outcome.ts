import type { SendResult, SendRefused } from './connector-transport';
import type { UnreachableReason } from './outbox-record';
import { backoffDelayMs, isRetryableStatus, type RetryPolicy } from './retry-policy';

/** What to do with a record after one send attempt. */
export type SendOutcome =
  | { kind: 'sent'; activityId: string }
  | { kind: 'unreachable'; why: UnreachableReason; reason: string }
  | { kind: 'retry'; waitMs: number }
  | { kind: 'failed'; reason: string };

/**
 * Reads the connector's answer to attempt number `attempt` (1 for the first): 403 means
 * the person blocked the bot or removed the app, 404 that the conversation is unknown;
 * 429, 412, 502, 503, 504 and no answer are retried (after Retry-After when given, else
 * backoff with jitter) until the policy's attempts are spent; anything else fails at once.
 */
export function sendOutcome(result: SendResult, attempt: number, policy: RetryPolicy, random: () => number = Math.random): SendOutcome {
  if (result.ok) return { kind: 'sent', activityId: result.activityId };
  if (result.status === 403) {
    return { kind: 'unreachable', why: 'blocked', reason: 'Teams refused (403): the person blocked Cefnogi or the app was removed for them' };
  }
  if (result.status === 404) {
    return { kind: 'unreachable', why: 'not-installed', reason: 'Teams does not know the conversation (404): the app is not installed for them' };
  }
  if (!isRetryableStatus(result.status)) return { kind: 'failed', reason: `the connector refused the message: ${describe(result)}` };
  if (attempt >= policy.maxAttempts) return { kind: 'failed', reason: `gave up after ${attempt} attempts; last answer ${describe(result)}` };
  return { kind: 'retry', waitMs: result.retryAfterMs ?? backoffDelayMs(attempt, policy, random) };
}

function describe(result: SendRefused): string {
  return result.status === 0 ? `no answer (${result.message})` : `HTTP ${result.status} ${result.message}`.trim();
}
