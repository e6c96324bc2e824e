import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logging/logger';
import { startBot, type RunningBot } from '../../bot/start-bot';
import type { PlcSharing } from '../../bot/message-extension/plc-sharing-port';
import { RecordingConnector } from './recording-connector';

/** An HTTP answer from the bot. */
export interface BotAnswer {
  status: number;
  body: unknown;
}

/**
 * The real bot on a free port, with a recording connector as its serviceUrl. With
 * `dataDir` the embedded store persists there, so a test can stop and start again.
 */
export class BotHarness {
  bot?: RunningBot;
  readonly connector = new RecordingConnector();
  serviceUrl = '';
  private dataDir?: string;
  private ownsDataDir = false;

  constructor(private readonly env: Record<string, string> = {}) {}

  private now?: () => Date;
  private plcSharing?: PlcSharing;

  /**
   * With `now`, the bot runs on that clock and its proactive loop does not run by itself:
   * the test ticks the scheduler and drains the outbox when its clock says so.
   */
  async start(options: { dataDir?: string; persist?: boolean; now?: () => Date; plcSharing?: PlcSharing } = {}): Promise<this> {
    if (options.now) this.now = options.now;
    if (options.plcSharing) this.plcSharing = options.plcSharing;
    if (!this.serviceUrl) this.serviceUrl = await this.connector.start();
    if (options.dataDir) this.dataDir = options.dataDir;
    else if (options.persist && !this.dataDir) {
      this.dataDir = await mkdtemp(path.join(tmpdir(), 'cefnogi-'));
      this.ownsDataDir = true;
    }
    const dataDir = this.dataDir;
    const config = loadConfig({ PORT: '0', ...(dataDir ? { DATA_DIR: dataDir } : {}), ...this.env });
    this.bot = await startBot(config, createLogger({ quiet: true }), {
      persist: dataDir !== undefined,
      host: '127.0.0.1',
      now: this.now,
      proactiveLoop: this.now === undefined,
      plcSharing: this.plcSharing,
    });
    return this;
  }

  /** Stops the bot cleanly (flushing its store) and starts it again on the same data. */
  async restart(): Promise<void> {
    await this.bot?.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    await this.bot?.stop();
    await this.connector.stop();
    if (this.ownsDataDir && this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
  }

  get url(): string {
    return `http://127.0.0.1:${this.bot?.port ?? 0}`;
  }

  /** Posts an activity to /api/messages exactly as Teams does. */
  async post(activity: unknown, headers: Record<string, string> = {}): Promise<BotAnswer> {
    const res = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body };
  }
}
