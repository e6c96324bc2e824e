import { MemoryCollection } from '../storage/memory-collection';
import type { Stored } from '../storage/document-collection';
import { earliestDueFirst, type DueCollection, type DueDocument, type DueQuery } from './due-collection';

/** An in-memory DueCollection for unit tests: same answers as the Cosmos one, no server. */
export class MemoryDueCollection<T extends DueDocument> extends MemoryCollection<T> implements DueCollection<T> {
  async findDue(query: DueQuery): Promise<Stored<T>[]> {
    const all = await this.findInPartition(query.pk, {});
    return all
      .filter(
        ({ value }) =>
          query.statuses.includes(value.status) &&
          value.dueAt <= query.dueBy &&
          (query.kinds === undefined || query.kinds.includes(value.kind)),
      )
      .sort(earliestDueFirst)
      .slice(0, query.limit);
  }
}
