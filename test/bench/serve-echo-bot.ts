import { startEchoBot } from './echo-bot';
import { serveOverIpc } from './serve-over-ipc';

/** The baseline echo bot in its own process, persisting its store under argv[2]. */
serveOverIpc(async () => {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: serve-echo-bot <data dir>');
  return startEchoBot(dataDir);
});
