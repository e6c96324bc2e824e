import type { ConversationRef } from '../users/conversation-ref';

/** The connector took the activity; its id lets the message be updated or withdrawn later. */
export interface SendAccepted {
  ok: true;
  activityId: string;
}

/** The connector refused, or could not be reached (status 0). */
export interface SendRefused {
  ok: false;
  /** HTTP status; 0 when no answer came (network error, timeout). */
  status: number;
  /** From a Retry-After header, when the connector sent one. */
  retryAfterMs?: number;
  message: string;
}

export type SendResult = SendAccepted | SendRefused;

/**
 * How the engine puts one activity into one conversation, or replaces one it put there. One
 * attempt, no retries inside: the engine sees every 429 and 503 itself, so pacing,
 * Retry-After and giving up are decided in one place. The edge implements it over HTTP;
 * tests implement it however they like.
 */
export interface ConnectorTransport {
  send(ref: ConversationRef, activity: Record<string, unknown>): Promise<SendResult>;
  /**
   * Replaces the activity `activityId` in the conversation with `activity` (an edited notice,
   * a withdrawn one). Answers like `send`; on success `activityId` is the id updated.
   */
  update(ref: ConversationRef, activityId: string, activity: Record<string, unknown>): Promise<SendResult>;
}
