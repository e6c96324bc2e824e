import { randomUUID } from 'node:crypto';
import type { Store } from '../storage/store';
import type { UserIdentity } from '../users/user-record';
import type { ActingRole } from '../roles/admin-scope';
import type { AuditAction } from './audit-action';
import { auditCollection, auditPartition, type AuditRecord } from './audit-record';

/** What a caller says about an act; the log adds who, when and where it is kept. */
export interface AuditEntry {
  actor: UserIdentity;
  actorName?: string;
  role: ActingRole;
  action: AuditAction;
  target: AuditRecord['target'];
  laId?: string;
  outcome: 'done' | 'refused';
  reason?: string;
}

/** Entries per audit page. */
export const AUDIT_PAGE_SIZE = 20;

/** Writes and reads the audit of administrative acts (see audit-record.ts). */
export interface AuditLog {
  record(entry: AuditEntry, now: Date): Promise<void>;
  /** Newest first, strictly before `before` (the last id of the previous page); some LAs or all. */
  page(tenantId: string, options: { laIds?: string[]; before?: string; limit?: number }): Promise<AuditRecord[]>;
}

export function createAuditLog(store: Store): AuditLog {
  const audit = store.collection(auditCollection);
  // Orders this instance's acts within one millisecond (or under a stopped test clock).
  let sequence = 0;
  return {
    async record(entry, now) {
      const at = now.toISOString();
      await audit.create({
        id: `${at}:${(sequence += 1).toString(36).padStart(8, '0')}:${randomUUID()}`,
        pk: auditPartition(entry.actor.tenantId),
        kind: 'audit',
        tenantId: entry.actor.tenantId.toLowerCase(),
        at,
        actor: entry.actor.aadObjectId.toLowerCase(),
        ...(entry.actorName ? { actorName: entry.actorName.slice(0, 100) } : {}),
        role: entry.role,
        action: entry.action,
        target: entry.target,
        laId: entry.laId ?? '',
        outcome: entry.outcome,
        ...(entry.reason ? { reason: entry.reason.slice(0, 200) } : {}),
      });
    },
    async page(tenantId, { laIds, before, limit = AUDIT_PAGE_SIZE }) {
      const pk = auditPartition(tenantId);
      const page = { orderBy: 'id' as const, before, limit };
      if (laIds === undefined) return (await audit.findPageDescending(pk, { kind: 'audit' }, page)).map((r) => r.value);
      // An LA administrator's view: one page per authority, merged newest first.
      const pages = await Promise.all(laIds.map((laId) => audit.findPageDescending(pk, { kind: 'audit', laId }, page)));
      return pages
        .flat()
        .map((r) => r.value)
        .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .slice(0, limit);
    },
  };
}
