import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { batchEntries } from './batch-entries';
import { classifyMutation, type Mutation } from './classify-mutation';
import { parseJournalEntry, withoutSystemProperties, type JournalEntry } from './journal-entry';

/**
 * Hooks the embedded server so that every write it acknowledges is handed to `record`, in
 * the order the server applied them. The hook runs before the server's own handler and
 * wraps `res.end`: when the server answers 2xx, the change has been applied to its memory
 * and the response body holds the resulting resource. `record` runs before the response
 * leaves, so nothing acknowledged to a client escapes the journal. Returns a function that
 * removes the hook.
 */
export function captureMutations(server: Server, record: (entry: JournalEntry) => void, log: (message: string) => void): () => void {
  const warned = new Set<string>();
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const mutation = classifyMutation(req.method, req.url, req.headers);
    if (!mutation) return;
    const requestBody = mutation.kind === 'batch' ? collectBody(req) : undefined;
    const end = res.end;
    res.end = function endAndCapture(this: ServerResponse, ...args: unknown[]): ServerResponse {
      if (res.statusCode >= 200 && res.statusCode < 300) {
        try {
          if (mutation.kind === 'notPersisted') {
            if (!warned.has(mutation.what)) log(`warning: a ${mutation.what} succeeded but is not persisted by the embedded store`);
            warned.add(mutation.what);
          } else if (mutation.kind === 'batch') {
            batchEntries(mutation.db, mutation.coll, requestBody?.() ?? '', text(args[0])).forEach(record);
          } else {
            record(toEntry(mutation, args[0]));
          }
        } catch (err) {
          log(`error: a ${req.method ?? ''} ${req.url ?? ''} succeeded but could not be journaled: ${(err as Error).message}`);
        }
      } else if (mutation.kind === 'batch' && res.statusCode >= 500) {
        // The server applies a batch's operations one by one and may fail half-way.
        log(`warning: a batch on ${mutation.db}/${mutation.coll} failed part-way; operations it applied before failing are not persisted`);
      }
      return Reflect.apply(end, this, args) as ServerResponse;
    } as ServerResponse['end'];
  };
  server.prependListener('request', listener);
  return () => {
    server.removeListener('request', listener);
  };
}

/**
 * Keeps a copy of the request body. Safe beside the server's own reader: both listeners are
 * attached during the same 'request' event, before the stream starts flowing.
 */
function collectBody(req: IncomingMessage): () => string {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

function toEntry(mutation: Exclude<Mutation, { kind: 'notPersisted' | 'batch' }>, body: unknown): JournalEntry {
  switch (mutation.kind) {
    case 'deleteDatabase':
      return { op: 'deleteDatabase', db: mutation.db };
    case 'deleteContainer':
      return { op: 'deleteContainer', db: mutation.db, coll: mutation.coll };
    case 'deleteDoc':
      return { op: 'deleteDoc', db: mutation.db, coll: mutation.coll, id: mutation.id, pk: mutation.pk };
    case 'putDatabase':
      return parseJournalEntry({ op: 'putDatabase', db: resource(body).id });
    case 'putContainer':
      return parseJournalEntry({ op: 'putContainer', db: mutation.db, container: withoutSystemProperties(resource(body), 'container') });
    case 'putDoc':
      return parseJournalEntry({ op: 'putDoc', db: mutation.db, coll: mutation.coll, doc: withoutSystemProperties(resource(body), 'document') });
  }
}

/** The response text (the server ends every response with one JSON string). */
function text(body: unknown): string {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  throw new Error('the response had no body');
}

function resource(body: unknown): Record<string, unknown> {
  const json: unknown = JSON.parse(text(body));
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('the response body was not a resource');
  return json as Record<string, unknown>;
}
