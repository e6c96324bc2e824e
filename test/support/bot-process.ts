import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The project root, found upwards from here whether running from source or from dist/. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

const ENTRY = path.join(projectRoot(), 'dist', 'bot', 'index.js');

/** A port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The bot as `npm start` runs it (compiled, its own process), for crash and start-up tests. */
export class BotProcess {
  private child?: ChildProcess;
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  start(): ChildProcess {
    this.output = '';
    this.child = spawn(process.execPath, [ENTRY], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    return this.child;
  }

  /** Resolves with the exit code once the process ends. */
  exited(): Promise<number | null> {
    const child = this.child;
    if (!child) return Promise.resolve(null);
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
    return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Polls /healthz until it answers 200; returns the milliseconds that took. */
  async healthy(port: number, timeoutMs = 20000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) throw new Error(`bot exited: ${this.output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
      if (ok) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`bot not healthy after ${timeoutMs} ms: ${this.output}`);
  }

  /** SIGKILL: no clean shutdown, no flush. */
  async kill9(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited();
  }

  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      await this.exited();
    }
  }
}
