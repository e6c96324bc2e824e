import type { Request, Response } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../logging/logger';
import { activityEnvelopeSchema, describeEnvelopeError } from './activity-envelope';

/**
 * POST /api/messages. In order: without a bearer token when auth is on, 401; an activity
 * that is not a well-formed Teams activity, 400 with the reason; then the adapter, which
 * checks the token itself (401) before any turn runs.
 */
export function createMessagesEndpoint(
  adapter: TeamsAdapter,
  logic: (context: TurnContext) => Promise<void>,
  options: { requireAuth: boolean; log: Logger },
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    if (options.requireAuth && !/^Bearer \S+$/.test(req.header('authorization') ?? '')) {
      res.send(401, { error: 'a Bot Framework token is required' });
      return;
    }
    const envelope = activityEnvelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      options.log.warn('activity-rejected', { reason: describeEnvelopeError(envelope.error) });
      res.send(400, { error: 'not a valid Teams activity', reason: describeEnvelopeError(envelope.error) });
      return;
    }
    await adapter.process(req, res, logic);
  };
}
