import { totalRoundTrips } from '../../bot/storage/round-trip-meter';
import { isParentMessage, type ChildMessage, type ChildStats, type ServedBot } from './ipc-protocol';

/**
 * Runs inside a forked bot process: starts the bot, tells the benchmark its port, and
 * answers requests for figures until told to stop. Both bots go through here so they are
 * started, measured and stopped in exactly the same way.
 */
export function serveOverIpc(start: () => Promise<ServedBot>): void {
  const send = (message: ChildMessage): void => {
    process.send?.(message);
  };
  if (!process.send) {
    process.stderr.write('this entry is started by the benchmark (child_process.fork), not by hand\n');
    process.exit(2);
  }
  // If the benchmark dies, the IPC channel closes: do not outlive it.
  process.on('disconnect', () => process.exit(0));
  start().then(
    (bot) => {
      process.on('message', (message: unknown) => {
        if (!isParentMessage(message)) return;
        if (message.type === 'stats') send({ type: 'stats', stats: readStats(bot) });
        else
          bot.stop().then(
            () => {
              send({ type: 'stopped' });
              process.disconnect();
            },
            (err: unknown) => send({ type: 'failed', error: String(err) }),
          );
      });
      send({ type: 'ready', port: bot.port });
    },
    (err: unknown) => {
      send({ type: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      process.exit(1);
    },
  );
}

/** Reads the counters; the forced GC (the child runs with --expose-gc) tells garbage from growth. */
function readStats(bot: ServedBot): ChildStats {
  const rssBytes = process.memoryUsage().rss;
  global.gc?.();
  const afterGc = process.memoryUsage();
  return {
    turns: bot.turns(),
    lastTurnRoundTrips: bot.lastTurnRoundTrips(),
    totalRoundTrips: totalRoundTrips(),
    rssBytes,
    rssAfterGcBytes: afterGc.rss,
    heapUsedAfterGcBytes: afterGc.heapUsed,
    heapTotalAfterGcBytes: afterGc.heapTotal,
    externalAfterGcBytes: afterGc.external,
  };
}
