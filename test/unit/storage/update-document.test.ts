import { MemoryCollection } from '../../../bot/storage/memory-collection';
import { updateDocument } from '../../../bot/storage/update-document';
import { ConcurrencyError } from '../../../bot/storage/storage-errors';

interface Counter {
  id: string;
  pk: string;
  count: number;
}

/** A collection where another writer always got there first, `conflicts` times. */
function contested(conflicts: number): MemoryCollection<Counter> & { replaces: number } {
  const counters = Object.assign(new MemoryCollection<Counter>(), { replaces: 0 });
  const replace = counters.replace.bind(counters);
  counters.replace = async (doc, etag) => {
    counters.replaces += 1;
    if (counters.replaces <= conflicts) throw Object.assign(new Error('precondition failed'), { code: 412 });
    return replace(doc, etag);
  };
  return counters;
}

const increment = (c: Counter | undefined) => c && { ...c, count: c.count + 1 };

describe('writing a document another writer is changing', () => {
  it('when the write meets a conflict several times, then it waits longer each time (at random, up to a bound) and lands once', async () => {
    const counters = contested(5);
    await counters.create({ id: 'c', pk: 'c', count: 0 });
    const waits: number[] = [];
    await updateDocument(counters, 'c', 'c', increment, undefined, 12, { random: () => 0.999, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([49, 99, 199, 399, 799]);
    expect((await counters.read('c', 'c'))?.value.count).toBe(1);
  });

  it('when the conflicts never stop, then it gives up with a ConcurrencyError once the total wait is spent, before the attempts run out', async () => {
    const counters = contested(Infinity);
    await counters.create({ id: 'c', pk: 'c', count: 0 });
    const waits: number[] = [];
    const writing = updateDocument(counters, 'c', 'c', increment, undefined, 50, { random: () => 0.999, sleep: async (ms) => void waits.push(ms) });
    await expect(writing).rejects.toBeInstanceOf(ConcurrencyError);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(8000);
    expect(counters.replaces).toBeLessThan(50);
    expect((await counters.read('c', 'c'))?.value.count).toBe(0);
  });

  it('when 40 writers increment one document at once with the default retries, then every increment lands', async () => {
    const counters = new MemoryCollection<Counter>();
    await counters.create({ id: 'c', pk: 'c', count: 0 });
    await Promise.all(Array.from({ length: 40 }, () => updateDocument(counters, 'c', 'c', increment)));
    expect((await counters.read('c', 'c'))?.value.count).toBe(40);
  });
});
