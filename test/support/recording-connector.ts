import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the connector. */
export interface SentActivity {
  conversationId: string;
  method: string;
  activity: Record<string, unknown>;
}

/** One file the bot put into an upload session (`PUT /upload/{session}`), as OneDrive receives it. */
export interface RecordedUpload {
  session: string;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

/**
 * A small stand-in for the Teams connector service (the Bot Framework's REST API), run
 * by the tests because the real one is on the internet: it records every activity the
 * bot sends to the `serviceUrl` and answers as the connector does, with an activity id.
 * It also stands in for the OneDrive upload sessions a file consent hands out: what the bot
 * PUTs to `uploadUrl(…)` is recorded byte for byte.
 */
export class RecordingConnector {
  readonly sent: SentActivity[] = [];
  /** Each members call (`GET /v3/conversations/{id}/members/{memberId}`): the member id asked for. */
  readonly memberLookups: string[] = [];
  /** Emails the members call answers with, by object id; anyone else gets one made from their id. */
  readonly emails = new Map<string, string>();
  /** The members of each team (by team id) that the paged members call lists (`GET /v3/conversations/{teamId}/pagedmembers`). */
  readonly teamMembers = new Map<string, { aadObjectId: string; name: string }[]>();
  /** How the members call answers: as Teams does, with an error, or not at all (until stopped). */
  membersMode: 'answer' | 'fail' | 'hang' = 'answer';
  /** Every upload the bot made, in order. */
  readonly uploads: RecordedUpload[] = [];
  /** How an upload session answers: as OneDrive does (201 and the item), or with a server error. */
  uploadMode: 'answer' | 'fail' = 'answer';
  private baseUrl = '';
  private hanging: http.ServerResponse[] = [];
  private server?: http.Server;
  private counter = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.baseUrl;
  }

  /** Files people "attach" in chat: served at `downloadUrl(…)` as OneDrive serves a shared file. */
  readonly downloads = new Map<string, Buffer>();

  /** The address a file attached in chat is downloaded from (Teams' `downloadUrl`). */
  downloadUrl(name: string, bytes: Buffer): string {
    this.downloads.set(name, bytes);
    return `${this.baseUrl}download/${encodeURIComponent(name)}`;
  }

  /** The address of an upload session on this connector, for a file consent's `uploadInfo`. */
  uploadUrl(session: string): string {
    return `${this.baseUrl}upload/${encodeURIComponent(session)}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging.splice(0)) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Forgets what was recorded (between steps of one test). */
  clear(): void {
    this.sent.length = 0;
  }

  /** Resolves once at least `count` activities have been recorded. */
  waitFor(count: number, timeoutMs = 5000): Promise<void> {
    if (this.sent.length >= count) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`connector got ${this.sent.length} activities, expected ${count}`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): void {
    const download = /^\/download\/([^/?]+)$/.exec(req.url ?? '');
    if (download && req.method === 'GET') {
      const file = this.downloads.get(decodeURIComponent(download[1] ?? ''));
      res.writeHead(file ? 200 : 404, { 'content-type': 'application/octet-stream', 'content-length': String(file?.length ?? 0) });
      res.end(file ?? Buffer.alloc(0));
      return;
    }
    const upload = /^\/upload\/([^/?]+)$/.exec(req.url ?? '');
    if (upload && req.method === 'PUT') return this.answerUpload(req, res, decodeURIComponent(upload[1] ?? ''), raw);
    const body = raw.toString('utf8');
    const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers(?:\?.*)?$/.exec(req.url ?? '');
    if (paged && req.method === 'GET') {
      const members = this.teamMembers.get(decodeURIComponent(paged[1] ?? '')) ?? [];
      return reply(res, 200, { members: members.map((m) => ({ id: `29:${m.aadObjectId}`, aadObjectId: m.aadObjectId, name: m.name })) });
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)$/.exec(req.url ?? '');
    if (member && req.method === 'GET') return this.answerMember(res, decodeURIComponent(member[2] ?? ''));
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      reply(res, 404, { error: 'not found' });
      return;
    }
    this.sent.push({
      conversationId: decodeURIComponent(match[1] ?? ''),
      method: req.method,
      activity: JSON.parse(body) as Record<string, unknown>,
    });
    this.counter += 1;
    reply(res, 200, { id: `activity-${this.counter}` });
    this.waiters = this.waiters.filter((w) => (this.sent.length >= w.count ? (w.resolve(), false) : true));
  }

  /** Answers the members calls left hanging (late, as a slow Teams would) and goes back to answering. */
  releaseMembers(): void {
    this.membersMode = 'answer';
    for (const res of this.hanging.splice(0)) reply(res, 200, { id: 'late' });
  }

  private answerUpload(req: http.IncomingMessage, res: http.ServerResponse, session: string, bytes: Buffer): void {
    this.uploads.push({ session, headers: req.headers, bytes });
    if (this.uploadMode === 'fail') return reply(res, 500, { error: { code: 'generalException', message: 'An unspecified error has occurred.' } });
    reply(res, 201, { id: `item-${session}`, name: session, size: bytes.length, file: {} });
  }

  private answerMember(res: http.ServerResponse, memberId: string): void {
    this.memberLookups.push(memberId);
    if (this.membersMode === 'hang') return void this.hanging.push(res);
    if (this.membersMode === 'fail') return reply(res, 500, { error: { code: 'ServiceError', message: 'Unknown error' } });
    reply(res, 200, teamsChannelAccount(memberId, this.emails));
  }
}

/** The TeamsChannelAccount Teams answers a members call with, for `29:{aadObjectId}`. */
function teamsChannelAccount(memberId: string, emails: Map<string, string>): Record<string, unknown> {
  const aadObjectId = memberId.replace(/^29:/, '');
  const email = emails.get(aadObjectId) ?? `${aadObjectId}@hwb.example.wales`;
  return { id: memberId, aadObjectId, name: email.split('@')[0], givenName: 'Test', surname: 'Person', email, userPrincipalName: email, tenantId: '11111111-2222-3333-4444-555555555555', userRole: 'user' };
}

/** restify (in the same process as the bot) replaces writeHead with one that does not chain. */
function reply(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
