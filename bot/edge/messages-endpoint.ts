import type { Request, Response } from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { activityEnvelopeSchema, describeEnvelopeError } from './activity-envelope';
import { AuthenticationFailure, type AuthenticationReason } from './authentication-failure';
import type { CefnogiAdapter } from './create-adapter';

/** All a caller without a valid token learns: the same short body whatever was wrong. */
const UNAUTHORIZED_BODY = { error: 'unauthorized' };
const INTERNAL_ERROR_BODY = { error: 'internal error' };

/**
 * POST /api/messages. In order: without a bearer token when auth is on, 401; an activity
 * that is not a well-formed Teams activity, 400 with the reason; then the token is checked
 * (401 if it fails, whatever the cause) before any turn runs. Failures answer with a fixed
 * body, never an error's text: the log gets the reason, without personal data.
 */
export function createMessagesEndpoint(
  adapter: CefnogiAdapter,
  logic: (context: TurnContext) => Promise<void>,
  options: { requireAuth: boolean; log: Logger },
): (req: Request, res: Response) => Promise<void> {
  const refuse = (res: Response, reason: AuthenticationReason, detail?: string): void => {
    options.log.warn('request-unauthenticated', { reason, ...(detail ? { detail } : {}) });
    res.send(401, UNAUTHORIZED_BODY);
  };
  return async (req, res) => {
    const authorization = req.header('authorization') ?? '';
    if (options.requireAuth && !/^Bearer \S+$/.test(authorization)) return refuse(res, 'no-bearer-token');
    const envelope = activityEnvelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      options.log.warn('activity-rejected', { reason: describeEnvelopeError(envelope.error) });
      res.send(400, { error: 'not a valid Teams activity', reason: describeEnvelopeError(envelope.error) });
      return;
    }
    try {
      const invoke = await adapter.processAuthenticated(authorization, activityFrom(req.body as Record<string, unknown>), logic);
      if (invoke?.body === undefined) res.send(invoke?.status ?? 200);
      else res.send(invoke.status, invoke.body);
    } catch (err) {
      if (err instanceof AuthenticationFailure) return refuse(res, err.reason, err.detail);
      // The turn's own error handler answers the person; this is a failure around it.
      options.log.error('request-failed', { error: err instanceof Error ? err.name : typeof err });
      res.send(500, INTERNAL_ERROR_BODY);
    }
  };
}

/** The body as the SDK expects an activity: its timestamps as dates (what the SDK's `process` does). */
function activityFrom(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}
