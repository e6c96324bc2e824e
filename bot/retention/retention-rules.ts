import { auditCollection } from '../audit/audit-record';
import { BULK_MAX_PARTS } from '../proactive/bulk-outbox';
import type { BulkDocument } from '../proactive/bulk-message';
import type { DeliveryRecord } from '../proactive/delivery-record';
import type { SchedulerJobRecord } from '../proactive/scheduler-job-record';
import type { RetentionPolicy } from './retention-policy';
import type { Companions, RetentionRule } from './retaining-collection';

/**
 * A delivery record is written only when its message has finished; one of a bulk message
 * (a broadcast's log) is kept as long as the broadcast, any other for the ordinary period.
 */
export function deliveryRule(policy: RetentionPolicy): RetentionRule<DeliveryRecord> {
  return (d) => (d.bulk !== undefined ? policy.broadcast : policy.finished);
}

/** `job-history` holds only jobs done or failed for good; a live job stays in `jobs`, which nothing expires. */
export function jobHistoryRule(policy: RetentionPolicy): RetentionRule<SchedulerJobRecord> {
  return (j) => (j.status === 'done' || j.status === 'failed' ? policy.finished : undefined);
}

/**
 * A bulk message has finished when every part (cursor) has added its figures; until then it
 * and its recipient pages are live. Its pages leave with it (see `bulkCompanions`).
 */
export function bulkMessageRule(policy: RetentionPolicy): RetentionRule<BulkDocument> {
  return (doc) => (doc.kind === 'bulk-message' && doc.finishedParts >= Math.min(BULK_MAX_PARTS, doc.pages) ? policy.broadcast : undefined);
}

/** A finished bulk message's recipient pages, in its partition. */
export const bulkCompanions: Companions<BulkDocument> = (doc) => (doc.kind === 'bulk-message' ? { pk: doc.pk, fields: { kind: 'bulk-page' } } : undefined);

/** An audit entry is finished when written: it is kept for the audit period. */
export function auditRule(policy: RetentionPolicy): RetentionRule<unknown> {
  return () => policy.audit;
}

/** The container whose documents `auditRule` applies to. */
export const AUDIT_CONTAINER = auditCollection.container;
