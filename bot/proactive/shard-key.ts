/**
 * How many partitions the outbox and the jobs are spread over. Fixed: a key is found again
 * (for idempotency) by hashing it to its shard, so changing this would lose track of keys
 * already stored. Eight spreads the writes of a large broadcast over several physical
 * partitions while a tick still reads only eight small, indexed partitions.
 */
export const SHARD_COUNT = 8;

/** The partition of a key: `shard-0` … `shard-{count-1}`, from a stable FNV-1a hash. */
export function shardOf(key: string, count: number = SHARD_COUNT): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `shard-${hash % count}`;
}

/** Every shard, in order: what a sender or a tick reads. */
export function allShards(count: number = SHARD_COUNT): string[] {
  return Array.from({ length: count }, (_, i) => `shard-${i}`);
}
