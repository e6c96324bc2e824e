import { isLocalMode, type Config } from '../config';

/** The loopback interface: reachable from this machine only. */
export const LOOPBACK_HOST = '127.0.0.1';

/** Every interface, as a hosting platform (App Service, a container) expects. */
const ALL_INTERFACES = '0.0.0.0';

/**
 * Where the HTTP server listens. Local mode authenticates nobody, so it listens on the
 * loopback interface only, whatever was asked: anyone else on the network could otherwise
 * post activities as any person. With BOT_ID every request carries a checked token, and
 * the server listens where asked (every interface by default).
 */
export function listenHost(config: Pick<Config, 'BOT_ID'>, requested?: string): string {
  if (isLocalMode(config)) return LOOPBACK_HOST;
  return requested ?? ALL_INTERFACES;
}
