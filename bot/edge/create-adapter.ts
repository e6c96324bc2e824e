import { TeamsAdapter } from '@microsoft/teams-ai';
import { isLocalMode, type Config } from '../config';

/**
 * The Bot Framework adapter. With BOT_ID it checks every request's token (401 otherwise);
 * without, it is local mode for the Agents Playground and tests, and checks nothing.
 */
export function createAdapter(config: Config): TeamsAdapter {
  if (isLocalMode(config)) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: config.BOT_ID,
    MicrosoftAppPassword: config.BOT_PASSWORD,
    MicrosoftAppType: config.BOT_TYPE === 'UserAssignedMsi' ? 'UserAssignedMSI' : config.BOT_TYPE,
    MicrosoftAppTenantId: config.BOT_TENANT_ID,
  });
}
