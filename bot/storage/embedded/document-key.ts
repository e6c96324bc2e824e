import type { ContainerRecord } from './journal-entry';

/**
 * The property path whose value partitions a container's documents, as @vercel/cosmosdb-server
 * reads it: only the first path counts, and `/_partitionKey` (or none) means the id.
 */
export function partitionPathOf(container: ContainerRecord): string[] {
  const first = container.partitionKey?.paths[0];
  if (!first) return ['id'];
  const path = first.slice(1).split('/');
  return path.length === 1 && path[0] === '_partitionKey' ? ['id'] : path;
}

/** The value at `path` in a document, or undefined. */
export function partitionValueOf(doc: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = doc;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The partition key value of a request's `x-ms-documentdb-partitionkey` header, read as the
 * server reads it (a JSON string or array; "none" `[{}]` means the id). Throws when the
 * header is not JSON, as the server does.
 */
export function partitionValueFromHeader(header: string | undefined, id: string): unknown {
  const parsed: unknown = JSON.parse(header ?? 'undefined');
  if (typeof parsed !== 'string' && !Array.isArray(parsed)) throw new Error(`unreadable partition key header ${header ?? ''}`);
  const value: unknown = Array.isArray(parsed) ? (parsed as unknown[])[0] : parsed;
  if (!value) return value;
  return typeof value === 'object' ? id : value;
}

/**
 * The identity of a document inside its container, built exactly as the server builds its
 * own index key, so the mirror replaces and deletes the very document the server did.
 */
export function documentKey(partitionValue: unknown, id: string): string {
  return [partitionValue || id, '/id', id].join(':');
}
