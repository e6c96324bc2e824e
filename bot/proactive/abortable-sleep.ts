/** Thrown (rejected) when a wait is cut short because the engine is stopping. */
export class StoppedError extends Error {
  constructor() {
    super('stopped');
  }
}

/**
 * Waits `ms`, or rejects with StoppedError as soon as `signal` aborts. The timer is unref'd:
 * a pacing wait never keeps the process alive on its own.
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new StoppedError());
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new StoppedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    timer.unref();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
