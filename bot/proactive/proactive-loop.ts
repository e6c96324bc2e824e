import { setMaxListeners } from 'node:events';
import type { Logger } from '../logging/logger';

/** A running loop; `stop` resolves once the cycle in progress (if any) has finished. */
export interface ProactiveLoop {
  stop(): Promise<void>;
  /** Runs a cycle as soon as possible (now if idle, else right after the one in progress). */
  poke(): void;
}

/** What the loop drives: anything that ticks and drains (the Scheduler and the OutboxSender). */
export interface ProactiveLoopOptions {
  scheduler: { tick(now: Date, options: { signal?: AbortSignal }): Promise<object> };
  sender: { drain(now: Date, options: { signal?: AbortSignal }): Promise<object> };
  /** Bulk messages: started by each cycle, worked beside it (never inside it), stopped with the loop. */
  bulk?: { pump(signal?: AbortSignal): Promise<number>; idle(): Promise<void> };
  intervalMs: number;
  now: () => Date;
  log?: Logger;
  /** Delay before the first cycle. Default: a random part of the interval, so instances started together spread out. */
  firstDelayMs?: number;
}

/**
 * Every `intervalMs`, in every instance: run the due jobs, then send what is due (including
 * what those jobs just enqueued). Cycles never overlap; a failed cycle is logged and the
 * next one runs as usual. The timer is unref'd: the loop never keeps the process alive by
 * itself. `stop` cuts pacing waits short (claimed records go back to the queue at once)
 * and waits for the cycle in progress.
 */
export function startProactiveLoop(options: ProactiveLoopOptions): ProactiveLoop {
  const controller = new AbortController();
  const signal = controller.signal;
  // Every send in flight (a drain's and the bulk cursors') waits on this one signal.
  setMaxListeners(256, signal);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let poked = false;

  const cycle = async (): Promise<void> => {
    try {
      if (options.bulk) await options.bulk.pump(signal);
      const tick = await options.scheduler.tick(options.now(), { signal });
      const drain = await options.sender.drain(options.now(), { signal });
      if (worthLogging(tick) || worthLogging(drain)) options.log?.info('proactive-cycle', { tick, drain });
    } catch (err) {
      options.log?.error('proactive-cycle-failed', { error: (err as Error).message });
    }
  };
  const plan = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = cycle().finally(() => {
        running = undefined;
        plan(poked ? 0 : options.intervalMs);
        poked = false;
      });
    }, delayMs);
    timer.unref();
  };
  plan(options.firstDelayMs ?? Math.floor(Math.random() * options.intervalMs));

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller.abort();
      await running;
      await options.bulk?.idle();
    },
    poke: () => {
      if (stopped) return;
      if (running) {
        poked = true;
        return;
      }
      if (timer) clearTimeout(timer);
      plan(0);
    },
  };
}

/** A report with any non-zero count: an idle cycle is not logged. */
function worthLogging(report: object): boolean {
  return Object.values(report).some((v) => typeof v === 'number' && v > 0);
}
