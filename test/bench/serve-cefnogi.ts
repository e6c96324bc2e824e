import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logging/logger';
import { startBot } from '../../bot/start-bot';
import { serveOverIpc } from './serve-over-ipc';

/**
 * Cefnogi in its own process for the benchmark, started through `startBot` exactly as
 * `npm start` does, persisting its embedded store under the folder given as argv[2].
 */
serveOverIpc(async () => {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: serve-cefnogi <data dir>');
  // Only the settings that matter here: any BOT_ID or COSMOS_ENDPOINT in the shell is ignored.
  // Port 0: the system picks a free port, as it does for the echo bot.
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir });
  const bot = await startBot(config, createLogger({ quiet: true }), { persist: true, host: '127.0.0.1' });
  return {
    port: bot.port,
    turns: () => bot.stats.turns,
    lastTurnRoundTrips: () => bot.stats.lastTurnRoundTrips,
    stop: () => bot.stop(),
  };
});
