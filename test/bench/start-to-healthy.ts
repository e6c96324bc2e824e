import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

/** The real entry `npm start` runs, compiled (this file runs from dist/test/bench). */
const ENTRY = path.resolve(__dirname, '..', '..', 'bot', 'index.js');
const HEALTHY_TIMEOUT_MS = 30_000;
const POLL_EVERY_MS = 5;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Spawns `node dist/bot/index.js` on `port` with its data in `dataDir` and returns the
 * milliseconds from spawning until GET /healthz answers 200, which is when the platform
 * starts sending it traffic; then stops it with SIGTERM, as the platform does, so the
 * store is flushed and the next start restores the same data.
 */
export async function timeStartToHealthy(port: number, dataDir: string): Promise<number> {
  // A minimal environment: no BOT_ID or COSMOS_ENDPOINT from the shell changes what is measured.
  const env = { PATH: process.env.PATH ?? '', PORT: String(port), DATA_DIR: dataDir };
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-10_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    while (Number(process.hrtime.bigint() - started) / 1e6 < HEALTHY_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`Cefnogi exited (${child.exitCode}) before it was healthy:\n${output}`);
      if ((await healthStatus(port)) === 200) return Number(process.hrtime.bigint() - started) / 1e6;
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
    throw new Error(`Cefnogi not healthy after ${HEALTHY_TIMEOUT_MS} ms:\n${output}`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  }
}

/** GET /healthz once: its status, or 0 while nothing listens yet. */
function healthStatus(port: number): Promise<number> {
  return new Promise<number>((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 3000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}
