import restify from 'restify';
import type { AddressInfo } from 'node:net';
import type { TurnContext } from 'botbuilder';
import type { CefnogiAdapter } from './create-adapter';
import type { Logger } from '../logging/logger';
import { createMessagesEndpoint } from './messages-endpoint';

/** Teams caps a message at about 28 KB; anything far larger is not from Teams. */
const MAX_BODY_BYTES = 256 * 1024;

export interface HttpServer {
  port: number;
  /** The address it is bound to, as the system reports it (e.g. `127.0.0.1`). */
  address: string;
  close(): Promise<void>;
}

/**
 * The HTTP surface: POST /api/messages for Teams, GET /healthz for the platform, which
 * answers 200 only while the store answers (content is loaded before the server starts).
 */
export async function startHttpServer(options: {
  port: number;
  /** The interface to listen on (see `listenHost`). */
  host: string;
  adapter: CefnogiAdapter;
  logic: (context: TurnContext) => Promise<void>;
  requireAuth: boolean;
  healthy: () => Promise<boolean>;
  log: Logger;
}): Promise<HttpServer> {
  const server = restify.createServer({ name: 'cefnogi', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));
  server.post('/api/messages', createMessagesEndpoint(options.adapter, options.logic, options));
  server.get('/healthz', async (_req, res) => {
    const ok = await options.healthy().catch(() => false);
    res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    port,
    address,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
