import type { IncomingHttpHeaders } from 'node:http';
import { partitionValueFromHeader } from './document-key';

/**
 * What a request to the embedded server will change if it succeeds. Writes whose result is
 * in the response body (the created or updated resource) are recorded from that body;
 * deletions from the path and headers.
 */
export type Mutation =
  | { kind: 'putDatabase' }
  | { kind: 'deleteDatabase'; db: string }
  | { kind: 'putContainer'; db: string }
  | { kind: 'deleteContainer'; db: string; coll: string }
  | { kind: 'putDoc'; db: string; coll: string }
  | { kind: 'deleteDoc'; db: string; coll: string; id: string; pk: unknown }
  /** Bulk or transactional batch: the changes are in the request and response bodies. */
  | { kind: 'batch'; db: string; coll: string }
  /** A change the journal cannot record: it must be reported, never silently dropped. */
  | { kind: 'notPersisted'; what: string };

/**
 * Classifies a request the way @vercel/cosmosdb-server routes it (same precedence of the
 * query, upsert and batch headers; URL-encoded names decoded), or undefined for requests
 * that change nothing (reads, queries, unknown routes).
 */
export function classifyMutation(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): Mutation | undefined {
  const segments = pathSegments(url);
  if (!segments || segments[0] !== 'dbs') return undefined;
  const [, db, colls, coll, docs, id] = segments;
  const n = segments.length;
  const isCollection = colls === 'colls';
  if (method === 'POST') {
    if (isTrue(headers['x-ms-documentdb-isquery']) || headers['content-type'] === 'application/query+json') return undefined;
    if (n === 1) return { kind: 'putDatabase' };
    if (n === 3 && isCollection && db) return { kind: 'putContainer', db };
    if (n === 5 && isCollection && db && coll && docs === 'docs') {
      if (isTrue(headers['x-ms-documentdb-is-upsert'])) return { kind: 'putDoc', db, coll };
      if (isTrue(headers['x-ms-cosmos-is-batch-request'])) return { kind: 'batch', db, coll };
      return { kind: 'putDoc', db, coll };
    }
  } else if (method === 'PUT' || method === 'PATCH') {
    if (method === 'PUT' && n === 4 && isCollection && db) return { kind: 'putContainer', db };
    if (n === 6 && isCollection && db && coll && docs === 'docs') return { kind: 'putDoc', db, coll };
  } else if (method === 'DELETE') {
    if (n === 2 && db) return { kind: 'deleteDatabase', db };
    if (n === 4 && isCollection && db && coll) return { kind: 'deleteContainer', db, coll };
    if (n === 6 && isCollection && db && coll && docs === 'docs' && id) {
      const header = headers['x-ms-documentdb-partitionkey'];
      try {
        return { kind: 'deleteDoc', db, coll, id, pk: partitionValueFromHeader(Array.isArray(header) ? header[0] : header, id) };
      } catch {
        return undefined; // the server fails such a request too
      }
    }
  }
  if (method !== 'GET' && n >= 5 && docs === 'udfs') return { kind: 'notPersisted', what: `user-defined function on ${db ?? ''}/${coll ?? ''}` };
  return undefined;
}

/** Decoded path segments, normalised as the server's router does (`//dbs`, trailing `/`). */
function pathSegments(url: string | undefined): string[] | undefined {
  if (!url) return undefined;
  const pathname = url.split('?')[0] ?? '';
  try {
    return pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

function isTrue(header: string | string[] | undefined): boolean {
  const values = Array.isArray(header) ? header : [header];
  return values.some((v) => v?.toLowerCase() === 'true');
}
