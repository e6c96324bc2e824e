import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { isChildMessage, type ChildMessage, type ChildStats } from './ipc-protocol';

const READY_TIMEOUT_MS = 30_000;
const ANSWER_TIMEOUT_MS = 10_000;
const MAX_OUTPUT_CHARS = 20_000;

/**
 * One bot in its own forked process, as the benchmark drives it: started from a compiled
 * entry beside this file, asked for its figures over IPC, stopped cleanly (so its store is
 * flushed to its data folder). Its output is kept only to explain a failure.
 */
export class BenchChild {
  port = 0;
  private output = '';
  private readonly child: ChildProcess;

  private constructor(
    readonly name: string,
    entry: string,
    dataDir: string,
  ) {
    // --expose-gc lets the child tell garbage from growth when it reports memory.
    this.child = fork(path.join(__dirname, entry), [dataDir], { execArgv: ['--expose-gc'], silent: true });
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-MAX_OUTPUT_CHARS);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
  }

  /** Forks `entry` (e.g. serve-cefnogi.js) and waits until the bot listens. */
  static async start(name: string, entry: string, dataDir: string): Promise<BenchChild> {
    const bench = new BenchChild(name, entry, dataDir);
    const ready = await bench.next('ready', READY_TIMEOUT_MS);
    if (ready.type === 'ready') bench.port = ready.port;
    return bench;
  }

  /** The bot's counters and memory, read inside its process. */
  async stats(): Promise<ChildStats> {
    const answer = this.next('stats', ANSWER_TIMEOUT_MS);
    this.child.send({ type: 'stats' });
    const message = await answer;
    if (message.type !== 'stats') throw new Error(`${this.name}: unexpected ${message.type}`);
    return message.stats;
  }

  /** Stops the bot cleanly and waits for its process to end. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const stopped = this.next('stopped', ANSWER_TIMEOUT_MS);
    this.child.send({ type: 'stop' });
    try {
      await stopped;
    } finally {
      // A clean stop disconnects and the process ends by itself; if not, end it.
      const timer = setTimeout(() => this.child.kill('SIGKILL'), ANSWER_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  }

  /** Ends the process without ceremony (after a failure elsewhere). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** Waits for the next message of `type`; a failure report, exit or timeout rejects. */
  private next(type: ChildMessage['type'], timeoutMs: number): Promise<ChildMessage> {
    return new Promise<ChildMessage>((resolve, reject) => {
      const cleanUp = (): void => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
      };
      const fail = (why: string): void => {
        cleanUp();
        reject(new Error(`${this.name}: ${why}\n${this.output}`));
      };
      const onMessage = (message: unknown): void => {
        if (!isChildMessage(message)) return;
        if (message.type === 'failed') fail(message.error);
        else if (message.type === type) {
          cleanUp();
          resolve(message);
        }
      };
      const onExit = (code: number | null): void => fail(`exited (${code}) while waiting for ${type}`);
      const timer = setTimeout(() => fail(`no ${type} in ${timeoutMs} ms`), timeoutMs);
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
    });
  }
}
