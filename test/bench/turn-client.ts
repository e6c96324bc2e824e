import http from 'node:http';

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Posts activities to one bot's /api/messages and times each from sending the request to
 * the end of the response. The bot answers only after its reply reached the connector, so
 * this is the whole turn as Teams would wait for it. Connections are kept alive (one pool
 * per bot), as the Bot Framework service keeps them, so a TCP handshake is not measured.
 */
export class TurnClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  constructor(private readonly port: number) {}

  /** Posts one activity; resolves with the milliseconds it took, rejects on a non-200. */
  post(activity: Record<string, unknown>): Promise<number> {
    const body = JSON.stringify(activity);
    return new Promise<number>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: '/api/messages',
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            if (res.statusCode === 200) resolve(ms);
            else reject(new Error(`HTTP ${res.statusCode ?? '?'} from port ${this.port}: ${text.slice(0, 300)}`));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Runs `count` turns one at a time; returns each one's milliseconds. */
  async sequential(count: number, activity: (i: number) => Record<string, unknown>): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) times.push(await this.post(activity(i)));
    return times;
  }

  /**
   * Runs `count` turns with `inFlight` at a time; returns the wall-clock milliseconds for
   * all of them, for throughput.
   */
  async concurrent(count: number, inFlight: number, activity: (i: number) => Record<string, unknown>): Promise<number> {
    let next = 0;
    const started = process.hrtime.bigint();
    const worker = async (): Promise<void> => {
      while (next < count) {
        const i = next;
        next += 1;
        await this.post(activity(i));
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    return Number(process.hrtime.bigint() - started) / 1e6;
  }

  close(): void {
    this.agent.destroy();
  }
}
