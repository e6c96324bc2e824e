import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { isLocalMode, type Config } from '../config';
import { AuthenticationFailure } from './authentication-failure';

/**
 * The Bot Framework adapter, with authentication split from the turn. The SDK's own
 * `process` answers a token it cannot check with HTTP 500 and the error's text (a forged
 * token with the signing keys out of reach gives "request to https://login… failed"); here
 * every failed check is an AuthenticationFailure, which the endpoint answers with a plain
 * 401, and only an authenticated activity reaches the turn.
 */
export class CefnogiAdapter extends TeamsAdapter {
  /**
   * Checks `authorization` (the request's header) for `activity`, then runs the turn.
   * Throws AuthenticationFailure when the check fails, before any turn logic runs; resolves
   * with the invoke response, if the turn gave one.
   */
  async processAuthenticated(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    let authenticated;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
    } catch (err) {
      throw AuthenticationFailure.from(err);
    }
    return this.processActivity(authenticated, activity, logic);
  }
}

/**
 * The Bot Framework adapter. With BOT_ID it checks every request's token (401 otherwise);
 * without, it is local mode for the Agents Playground and tests, and checks nothing.
 */
export function createAdapter(config: Config): CefnogiAdapter {
  if (isLocalMode(config)) return new CefnogiAdapter({});
  return new CefnogiAdapter({
    MicrosoftAppId: config.BOT_ID,
    MicrosoftAppPassword: config.BOT_PASSWORD,
    MicrosoftAppType: config.BOT_TYPE === 'UserAssignedMsi' ? 'UserAssignedMSI' : config.BOT_TYPE,
    MicrosoftAppTenantId: config.BOT_TENANT_ID,
  });
}
