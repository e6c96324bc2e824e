import { ConfigError, loadConfig } from './config';
import { ContentError } from './content/load-content';
import { createLogger } from './logging/logger';
import { startBot } from './start-bot';

/** `npm start`: read settings, start, and stop cleanly (flushing the store) on a signal. */
async function main(): Promise<void> {
  const log = createLogger();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const bot = await startBot(config, log).catch((err: unknown) => {
    if (err instanceof ContentError) {
      process.stderr.write(`Cefnogi cannot start: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    bot.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('stop-failed', { error: (err as Error).message });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Cefnogi failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
