import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the connector answered, refused ones included. */
export interface ConnectorRequest {
  /** `performance.now()` when it arrived: for spacing, not for dates. */
  at: number;
  conversationId: string;
  /** POST: a new activity; PUT: a replacement of `activityId`. */
  method: 'POST' | 'PUT';
  /** For a PUT, the activity it replaces. */
  activityId?: string;
  status: number;
  activity: Record<string, unknown>;
  authorization?: string;
}

/** How to refuse the next requests: a status, and a Retry-After header if wanted. */
export interface Refusal {
  /** The HTTP status; 0 means never answer at all (the request hangs until the client gives up). */
  status: number;
  retryAfter?: string;
}

/** Limits to enforce as Teams does, answering 429 (Retry-After: 1) to anything over them. */
export interface EnforcedLimits {
  conversationWindows?: readonly { count: number; ms: number }[];
  perSecond?: number;
}

/**
 * A stand-in for the Teams connector for the proactive engine's tests: it records every
 * activity posted to `/v3/conversations/{id}/activities` (and every replacement PUT to
 * `…/activities/{activityId}`, which counts against the same limits, as Teams counts edits
 * with sends, and is answered 404 for an activity it never issued) with its arrival time and can be
 * told to refuse the next K requests (429 with Retry-After, 503, 403…), or to enforce
 * Teams' rate limits itself, so tests see exactly what reached "Teams" and when.
 */
export class ThrottlingConnector {
  /** Every request, in arrival order. */
  readonly requests: ConnectorRequest[] = [];
  /** Requests answered 429 because they broke an enforced limit. */
  violations = 0;
  private server?: http.Server;
  private refusals: Refusal[] = [];
  private counter = 0;
  private readonly acceptedIn = new Map<string, number[]>();
  private readonly acceptedLastSecond: number[] = [];
  private waiters: { count: number; resolve: () => void }[] = [];
  private updateWaiters: { count: number; resolve: () => void }[] = [];
  /** Each activity id issued, with the conversation it lives in. */
  private readonly issued = new Map<string, string>();
  private updatesAccepted = 0;

  constructor(private readonly limits: EnforcedLimits = {}) {}

  /** Starts on a free loopback port; resolves with the serviceUrl (ending in `/`). */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` requests get `refusal` (after those already queued). */
  refuseNext(count: number, refusal: Refusal): void {
    for (let i = 0; i < count; i += 1) this.refusals.push(refusal);
  }

  /** New activities that were accepted (answered 200). */
  get delivered(): ConnectorRequest[] {
    return this.requests.filter((r) => r.status === 200 && r.method === 'POST');
  }

  /** Replacements that were accepted (answered 200). */
  get updated(): ConnectorRequest[] {
    return this.requests.filter((r) => r.status === 200 && r.method === 'PUT');
  }

  /** Resolves once `count` replacements have been accepted. */
  waitForUpdated(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.updatesAccepted >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`connector accepted ${this.updatesAccepted} replacements, expected ${count}`)), timeoutMs);
      this.updateWaiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Resolves once `count` requests have been accepted. */
  waitForDelivered(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.delivered.length >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`connector accepted ${this.delivered.length} activities, expected ${count}`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
    const method = req.method === 'PUT' && match?.[2] !== undefined ? 'PUT' : req.method === 'POST' && match?.[2] === undefined ? 'POST' : undefined;
    if (!match || !method) return reply(res, 404, { error: { code: 'NotFound', message: 'no such route' } });
    const at = performance.now();
    const conversationId = decodeURIComponent(match[1] ?? '');
    const activityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    const unknown = activityId !== undefined && this.issued.get(activityId) !== conversationId;
    const refusal =
      this.refusals.shift() ??
      (unknown ? { status: 404 } : undefined) ??
      (this.overLimit(conversationId, at) ? { status: 429, retryAfter: '1' } : undefined);
    const status = refusal?.status ?? 200;
    this.requests.push({
      at,
      conversationId,
      method,
      ...(activityId !== undefined ? { activityId } : {}),
      status,
      activity: JSON.parse(body) as Record<string, unknown>,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    if (refusal?.status === 0) return;
    if (refusal) {
      if (refusal.retryAfter !== undefined) res.setHeader('retry-after', refusal.retryAfter);
      const code = refusal.status === 429 ? 'Throttled' : unknown && refusal.status === 404 ? 'ActivityNotFound' : 'Refused';
      return reply(res, refusal.status, { error: { code, message: `test refusal ${refusal.status}` } });
    }
    this.noteAccepted(conversationId, at);
    if (activityId !== undefined) {
      this.updatesAccepted += 1;
      reply(res, 200, { id: activityId });
      const accepted = this.updatesAccepted;
      this.updateWaiters = this.updateWaiters.filter((w) => (accepted >= w.count ? (w.resolve(), false) : true));
      return;
    }
    this.counter += 1;
    const id = `activity-${this.counter}`;
    this.issued.set(id, conversationId);
    reply(res, 200, { id });
    const accepted = this.counter;
    this.waiters = this.waiters.filter((w) => (accepted >= w.count ? (w.resolve(), false) : true));
  }

  /** True (and counted) when accepting this request would break an enforced limit. */
  private overLimit(conversationId: string, at: number): boolean {
    const longest = Math.max(1000, ...(this.limits.conversationWindows ?? []).map((w) => w.ms));
    const inConversation = this.acceptedIn.get(conversationId) ?? [];
    while (inConversation.length > 0 && (inConversation[0] as number) <= at - longest) inConversation.shift();
    while (this.acceptedLastSecond.length > 0 && (this.acceptedLastSecond[0] as number) <= at - 1000) this.acceptedLastSecond.shift();
    const broken =
      (this.limits.conversationWindows ?? []).some((w) => inConversation.filter((t) => t > at - w.ms).length >= w.count) ||
      (this.limits.perSecond !== undefined && this.acceptedLastSecond.length >= this.limits.perSecond);
    if (broken) this.violations += 1;
    return broken;
  }

  /** Keeps the arrival times the limits look back on (kept short, so a long run stays fast). */
  private noteAccepted(conversationId: string, at: number): void {
    const inConversation = this.acceptedIn.get(conversationId) ?? [];
    inConversation.push(at);
    this.acceptedIn.set(conversationId, inConversation);
    this.acceptedLastSecond.push(at);
  }
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

/** The most arrivals in any one second (a sliding window over sorted times in ms). */
export function busiestSecond(times: readonly number[]): number {
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j += 1) {
    while ((times[j] as number) - (times[i] as number) >= 1000) i += 1;
    most = Math.max(most, j - i + 1);
  }
  return most;
}
