import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

/*
 * `npm run dev`: Cefnogi in local mode and the Microsoft 365 Agents Playground (a Teams-like
 * chat page) side by side, so anyone can chat with Cefnogi on their own machine without a
 * tenant, an app registration or a tunnel. Ctrl-C stops both; Cefnogi saves its data first.
 *   PORT                 Cefnogi's port (default 3978)
 *   TEAMSAPPTESTER_PORT  the Playground's port (default 56150; it picks another if taken)
 *   CEFNOGI_NO_BROWSER=1 do not open a browser (on a machine without a desktop)
 * The Playground and its test share `startPlayground`, so the test starts it exactly as here.
 */

/** The Playground as a child process: where it listens once ready, and a clean stop. */
export interface PlaygroundProcess {
  readonly pid: number | undefined;
  /** The page to open, once the Playground printed "Listening on N" (it may pick another port than asked). */
  readonly ready: Promise<string>;
  /** Settles when the process has ended, whoever ended it. */
  readonly exited: Promise<void>;
  stop(): Promise<void>;
}

/** How to start the Playground; `env` is passed whole so callers decide every variable. */
export interface PlaygroundOptions {
  readonly botEndpoint: string;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly port?: number;
  readonly readyTimeoutMs?: number;
  /** Every line the Playground prints, to show a person or to keep for a failing test. */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

const LISTENING = /Listening on (\d+)/;
const READY_TIMEOUT_MS = 30_000;
// Long enough for Cefnogi to write its store to disk on SIGTERM.
const STOP_GRACE_MS = 15_000;

/**
 * Starts the Playground's own Node process (its cli.js under this Node, not through npx,
 * whose wrapper would leave the server holding the port when killed) against a bot endpoint
 * in the Teams channel, with telemetry off.
 */
export function startPlayground(options: PlaygroundOptions): PlaygroundProcess {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [cli, '-e', options.botEndpoint, '-c', 'msteams', '--disable-telemetry'];
  if (options.port !== undefined) args.push('-p', String(options.port));
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a terminal's Ctrl-C reaches only the parent, which stops things in order.
    detached: process.platform !== 'win32',
  });
  const exited = exitOf(child);
  const output: string[] = [];
  const readyTimeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`the Agents Playground did not start in ${readyTimeoutMs} ms:\n${output.join('\n')}`));
      void stopChild(child, exited);
    }, readyTimeoutMs);
    const onLine = (stream: 'stdout' | 'stderr') => (line: string) => {
      output.push(line);
      options.onLine?.(line, stream);
      const port = LISTENING.exec(line)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://localhost:${port}`);
      }
    };
    createInterface({ input: child.stdout }).on('line', onLine('stdout'));
    createInterface({ input: child.stderr }).on('line', onLine('stderr'));
    child.once('error', (err) => (clearTimeout(timer), reject(err)));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the Agents Playground stopped before it was ready:\n${output.join('\n')}`));
    });
  });
  // A caller that only ever stops the Playground must not see an unhandled rejection.
  ready.catch(() => undefined);
  return { pid: child.pid, ready, exited, stop: () => stopChild(child, exited) };
}

/** Resolves once the process has ended (or never started). */
function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
}

/** SIGTERM, then SIGKILL if the process has not ended within the grace period. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** Polls GET /healthz until it answers 200; fails if the bot ends first or never gets ready. */
async function waitForHealthy(url: string, bot: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (bot.exitCode !== null || bot.signalCode !== null) throw new Error('Cefnogi stopped while starting (see its output above)');
    const status = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Cefnogi did not answer ${url} with 200 within ${timeoutMs / 1000} s`);
}

/** True when something already accepts connections on the port (say, another Cefnogi). */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

function wantsNoBrowser(env: NodeJS.ProcessEnv): boolean {
  const value = (env.CEFNOGI_NO_BROWSER ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

async function main(): Promise<void> {
  // dist/scripts/dev.js → the repository, so .data/ and devTools/ land there wherever dev is run from.
  const root = path.resolve(__dirname, '..', '..');
  const port = process.env.PORT?.trim() || '3978';
  const say = (line: string) => process.stdout.write(`[dev] ${line}\n`);
  // Otherwise /healthz could be answered by whatever holds the port, before Cefnogi fails on it.
  if (/^\d+$/.test(port) && (await portInUse(Number(port)))) {
    say(`port ${port} is already in use (another Cefnogi?): stop it, or set PORT to another port`);
    process.exit(1);
  }
  if (process.env.BOT_ID) say('BOT_ID is set, so Cefnogi will refuse the Playground (it sends no token): unset it to chat locally.');

  const bot = spawn(process.execPath, [path.join(root, 'dist', 'bot', 'index.js')], {
    cwd: root,
    env: { ...process.env, PORT: port },
    // No stdin: in its own process group it must never read the terminal.
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: process.platform !== 'win32',
  });
  const botExited = exitOf(bot);
  let playground: PlaygroundProcess | undefined;
  let stopping = false;
  const stopAll = async (exitCode: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say('stopping the Playground, and Cefnogi (saving its data)…');
    await Promise.all([playground?.stop(), stopChild(bot, botExited)]);
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));
  void botExited.then(() => {
    if (stopping) return;
    say(`Cefnogi stopped (exit code ${bot.exitCode ?? bot.signalCode ?? 'unknown'})`);
    void stopAll(bot.exitCode || 1);
  });

  try {
    await waitForHealthy(`http://127.0.0.1:${port}/healthz`, bot, 60_000);
    const env: NodeJS.ProcessEnv = {
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(root, '.m365agentsplayground.yml'),
      ...process.env,
      ...(wantsNoBrowser(process.env) ? { TEAMSAPPTESTER_BROWSER: 'none' } : {}),
    };
    playground = startPlayground({
      botEndpoint: `http://localhost:${port}/api/messages`,
      env,
      cwd: root,
      onLine: (line, stream) => (stream === 'stdout' ? process.stdout : process.stderr).write(`[playground] ${line}\n`),
    });
    void playground.exited.then(() => {
      if (stopping) return;
      say('the Agents Playground stopped');
      void stopAll(1);
    });
    const url = await playground.ready;
    say(`Cefnogi answers on http://localhost:${port}/api/messages`);
    say(`Chat with Cefnogi in the Agents Playground: ${url}`);
    say('Press Ctrl-C to stop both.');
  } catch (err) {
    say((err as Error).message);
    await stopAll(1);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`[dev] ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
