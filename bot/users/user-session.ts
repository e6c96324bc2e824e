import type { DocumentCollection, Stored } from '../storage/document-collection';
import { updateDocument } from '../storage/update-document';
import { newUserRecord, userKey, type UserIdentity, type UserRecord } from './user-record';

type Change = (user: UserRecord) => void;

/**
 * The acting user's document for the length of one turn: read once at the start, changed
 * in memory by handlers, written once at the end (and only if something changed). If a
 * second device wrote in between, the changes are replayed on the fresh document.
 */
export class UserSession {
  private readonly changes: Change[] = [];
  private draft: UserRecord;

  private constructor(
    private readonly users: DocumentCollection<UserRecord>,
    private readonly identity: UserIdentity,
    private loaded: Stored<UserRecord> | undefined,
    private readonly now: () => Date,
  ) {
    this.draft = loaded ? structuredClone(loaded.value) : newUserRecord(identity, now());
  }

  /** Reads the user's document (one round trip). */
  static async load(users: DocumentCollection<UserRecord>, identity: UserIdentity, now: () => Date): Promise<UserSession> {
    const key = userKey(identity);
    return new UserSession(users, identity, await users.read(key, key), now);
  }

  /** The user as this turn sees it, changes included. */
  get user(): Readonly<UserRecord> {
    return this.draft;
  }

  /** True if the user had a document before this turn. */
  get isKnown(): boolean {
    return this.loaded !== undefined;
  }

  /** Records a change; it shows in `user` at once and is written by `save`. */
  change(change: Change): void {
    change(this.draft);
    this.changes.push(change);
  }

  /** Writes the changes, if any, in one conditional write (more only on a conflict). */
  async save(): Promise<void> {
    if (this.changes.length > 0) await this.write(undefined);
  }

  /**
   * Applies `change` only if `applies` holds on the stored document, and writes at once
   * (with any other pending changes). On a conflict the test runs again on the fresh
   * document, so of two turns racing to do a one-time thing (a welcome) exactly one wins.
   */
  async changeOnce(applies: (user: UserRecord) => boolean, change: Change): Promise<boolean> {
    return this.write({ applies, change });
  }

  private async write(once: { applies: (user: UserRecord) => boolean; change: Change } | undefined): Promise<boolean> {
    const key = userKey(this.identity);
    const pending = this.changes.splice(0);
    let applied = false;
    const saved = await updateDocument(
      this.users,
      key,
      key,
      (current) => {
        const next = current ?? newUserRecord(this.identity, this.now());
        for (const change of pending) change(next);
        applied = once !== undefined && once.applies(next);
        if (applied) once?.change(next);
        if (!applied && pending.length === 0) return undefined;
        next.updatedAt = this.now().toISOString();
        return next;
      },
      { stored: this.loaded },
    );
    if (saved) {
      this.loaded = saved;
      this.draft = structuredClone(saved.value);
    }
    return applied;
  }
}
