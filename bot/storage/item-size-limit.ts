/**
 * Cosmos DB refuses an item whose JSON is larger than 2 MB, counted as the UTF-8 length of
 * its JSON representation (service quotas, "per-item limits"), with HTTP 413 "Request size
 * is too large". Both local stores refuse at the same size, so a write that would fail in
 * production fails in every test too. Cosmos adds its system properties (about 150 bytes)
 * to what it stores: a document meant to fit should stay well clear of the limit.
 */
export const MAX_ITEM_BYTES = 2 * 1024 * 1024;

/** The size Cosmos counts for a document: its JSON, in UTF-8 bytes. */
export function itemBytes(doc: unknown): number {
  return Buffer.byteLength(JSON.stringify(doc), 'utf8');
}

/** The text Cosmos puts in a 413's message, so both stores read alike in logs. */
export const TOO_LARGE_MESSAGE = 'Message: {"Errors":["Request size is too large"]}';
