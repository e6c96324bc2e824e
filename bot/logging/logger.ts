/**
 * A one-line JSON logger. Callers pass only operational facts (event names, counts,
 * correlation ids, error messages): never names, message text or other personal data.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** Writes JSON lines to stdout/stderr; `quiet` (tests) keeps only errors. */
export function createLogger(options: { quiet?: boolean } = {}): Logger {
  const write = (level: string, event: string, fields: Record<string, unknown> = {}): void => {
    if (options.quiet && level !== 'error') return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
    if (level === 'info') process.stdout.write(`${line}\n`);
    else process.stderr.write(`${line}\n`);
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
