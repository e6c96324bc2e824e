import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { MAX_ITEM_BYTES, TOO_LARGE_MESSAGE } from '../item-size-limit';
import { classifyMutation } from './classify-mutation';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Makes the embedded server refuse a document create, upsert or replace whose body is over
 * Cosmos's item limit with 413 and a Cosmos-like body, as production does; this server
 * would store it. The server's own request listeners are wrapped, not merely preceded, so a
 * refused request never reaches them: nothing is stored, nothing is acknowledged, and the
 * journal (which records only 2xx answers) has nothing to record. The size is the request's
 * Content-Length, which is the UTF-8 length of the document's JSON (the SDK always sends
 * it); a document write without one is refused with 411 rather than let through unmeasured.
 * Patches and batches are not measured (a patch's result is only known once applied).
 * Install it before anything that prepends its own listener.
 */
export function refuseOversizedItems(server: Server, limitBytes: number = MAX_ITEM_BYTES): void {
  const own = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const refusal = refusalOf(req, limitBytes);
    if (refusal) {
      refuse(req, res, refusal);
      return;
    }
    for (const listener of own) listener.call(server, req, res);
  });
}

interface Refusal {
  status: number;
  code: string;
  message: string;
}

function refusalOf(req: IncomingMessage, limitBytes: number): Refusal | undefined {
  if (req.method === 'PATCH' || classifyMutation(req.method, req.url, req.headers)?.kind !== 'putDoc') return undefined;
  const header = req.headers['content-length'];
  const length = header === undefined ? Number.NaN : Number(header);
  if (!Number.isSafeInteger(length) || length < 0) {
    return { status: 411, code: 'LengthRequired', message: 'Message: {"Errors":["A document write must give its Content-Length"]}' };
  }
  if (length > limitBytes) return { status: 413, code: 'RequestEntityTooLarge', message: TOO_LARGE_MESSAGE };
  return undefined;
}

/**
 * Answers once the whole body has been read: closing while the client is still sending
 * 2 MB would give it a reset connection instead of the 413.
 */
function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const activityId = randomUUID();
  const answer = (): void => {
    if (res.writableEnded) return;
    res.statusCode = refusal.status;
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-ms-activity-id', activityId);
    res.setHeader('x-ms-request-charge', '0');
    res.end(JSON.stringify({ code: refusal.code, message: `${refusal.message}\r\nActivityId: ${activityId}` }));
  };
  req.once('end', answer);
  req.once('error', answer);
  req.resume();
}
