import { documentKey, partitionPathOf, partitionValueOf } from './document-key';
import type { ContainerRecord, JournalEntry, StoredDocument } from './journal-entry';

interface ContainerState {
  definition: ContainerRecord;
  partitionPath: string[];
  documents: Map<string, StoredDocument>;
}

/** A container and its documents, for restoring into a fresh server. */
export interface ContainerContents {
  definition: ContainerRecord;
  documents: StoredDocument[];
}

/** A database and its containers, for restoring into a fresh server. */
export interface DatabaseContents {
  id: string;
  containers: ContainerContents[];
}

/**
 * What the embedded server holds, kept beside it in plain maps. The server's own state is
 * private to it, so this mirror, fed by every captured write, is what snapshots are taken
 * from. Documents are stored as given and never mutated, so copies can share them.
 */
export class StoreMirror {
  private readonly databases = new Map<string, Map<string, ContainerState>>();

  /**
   * Applies one change. Returns false when the entry names a database or container that does
   * not exist: after a crash mid-compaction a replayed entry may precede, in the files, the
   * deletion that already removed its container — skipping it is then the right outcome.
   */
  apply(entry: JournalEntry): boolean {
    switch (entry.op) {
      case 'putDatabase':
        if (!this.databases.has(entry.db)) this.databases.set(entry.db, new Map());
        return true;
      case 'deleteDatabase':
        return this.databases.delete(entry.db);
      case 'putContainer': {
        const containers = this.databases.get(entry.db);
        if (!containers) return false;
        const existing = containers.get(entry.container.id);
        containers.set(entry.container.id, {
          definition: entry.container,
          partitionPath: partitionPathOf(entry.container),
          documents: existing?.documents ?? new Map(),
        });
        return true;
      }
      case 'deleteContainer':
        return this.databases.get(entry.db)?.delete(entry.coll) ?? false;
      case 'putDoc': {
        const container = this.databases.get(entry.db)?.get(entry.coll);
        if (!container) return false;
        const key = documentKey(partitionValueOf(entry.doc, container.partitionPath), entry.doc.id);
        container.documents.set(key, entry.doc);
        return true;
      }
      case 'deleteDoc': {
        const container = this.databases.get(entry.db)?.get(entry.coll);
        if (!container) return false;
        container.documents.delete(documentKey(entry.pk, entry.id));
        return true;
      }
    }
  }

  /** The entries that rebuild this state from nothing: what a snapshot holds. */
  *entries(): Generator<JournalEntry> {
    for (const [db, containers] of this.databases) {
      yield { op: 'putDatabase', db };
      for (const [coll, state] of containers) {
        yield { op: 'putContainer', db, container: state.definition };
        for (const doc of state.documents.values()) yield { op: 'putDoc', db, coll, doc };
      }
    }
  }

  /** The whole state as nested lists, for restoring it into a server. */
  contents(): DatabaseContents[] {
    return [...this.databases].map(([id, containers]) => ({
      id,
      containers: [...containers.values()].map((c) => ({ definition: c.definition, documents: [...c.documents.values()] })),
    }));
  }

  /**
   * An independent copy of the state at this instant (documents shared, maps copied): a
   * compaction writes it out slowly while new writes go on changing this mirror.
   */
  copy(): StoreMirror {
    const copy = new StoreMirror();
    for (const [db, containers] of this.databases) {
      const copied = new Map<string, ContainerState>();
      for (const [coll, state] of containers) copied.set(coll, { ...state, documents: new Map(state.documents) });
      copy.databases.set(db, copied);
    }
    return copy;
  }

  /** How much is stored, for log lines. */
  counts(): { databases: number; containers: number; documents: number } {
    let containers = 0;
    let documents = 0;
    for (const colls of this.databases.values()) {
      containers += colls.size;
      for (const state of colls.values()) documents += state.documents.size;
    }
    return { databases: this.databases.size, containers, documents };
  }
}
