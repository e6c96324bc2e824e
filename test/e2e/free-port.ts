import { createServer } from 'node:net';

/**
 * A port nothing listens on right now, so a test never meets a developer's own Playground on
 * the default 56150. Another process may still take it meanwhile; the Playground then picks
 * another port by itself, which is why callers read the port it reports.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port was given'))));
    });
  });
}
