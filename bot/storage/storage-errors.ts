/** The store said another writer changed the document first (HTTP 412). */
export function isPreconditionFailed(err: unknown): boolean {
  return statusOf(err) === 412;
}

/** The document already exists (HTTP 409). */
export function isConflict(err: unknown): boolean {
  return statusOf(err) === 409;
}

/** The document does not exist (HTTP 404). */
export function isNotFound(err: unknown): boolean {
  return statusOf(err) === 404;
}

/**
 * The document is larger than Cosmos's 2 MB item limit (HTTP 413): nothing was written, and
 * retrying the same document cannot succeed.
 */
export function isTooLarge(err: unknown): boolean {
  return statusOf(err) === 413;
}

function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

/** Optimistic concurrency gave up: too many writers met on one document. */
export class ConcurrencyError extends Error {
  constructor(attempts: number) {
    // No document id in the message: ids hold tenant and person ids, and this reaches the logs.
    super(`a document kept changing under ${attempts} attempts to write it`);
  }
}
