import type { CollectionSpec } from '../storage/collection-spec';
import type { DocumentCollection, Keyed } from '../storage/document-collection';
import type { Store } from '../storage/store';
import { RetainingCollection } from './retaining-collection';
import type { RetentionPolicy } from './retention-policy';
import { AUDIT_CONTAINER, auditRule, bulkCompanions, bulkMessageRule, deliveryRule, jobHistoryRule } from './retention-rules';

/**
 * The store with retention applied where finished records are written: deliveries,
 * job history, bulk messages and the audit get an expiry on finishing, everything else is
 * untouched. Wrapped once at start, so no writer has to remember retention.
 */
export function withRetention<S extends Store>(store: S, policy: RetentionPolicy, now: () => Date): S {
  const audits = new Map<CollectionSpec<Keyed>, DocumentCollection<Keyed>>();
  const collection = <T extends Keyed>(spec: CollectionSpec<T>): DocumentCollection<T> => {
    const opened = store.collection(spec);
    if (spec.container !== AUDIT_CONTAINER) return opened;
    let wrapped = audits.get(spec as CollectionSpec<Keyed>);
    if (!wrapped) audits.set(spec as CollectionSpec<Keyed>, (wrapped = new RetainingCollection<Keyed>(opened as DocumentCollection<Keyed>, auditRule(policy), now)));
    return wrapped as DocumentCollection<T>;
  };
  return {
    ...store,
    deliveries: new RetainingCollection(store.deliveries, deliveryRule(policy), now),
    jobHistory: new RetainingCollection(store.jobHistory, jobHistoryRule(policy), now),
    bulkMessages: new RetainingCollection(store.bulkMessages, bulkMessageRule(policy), now, bulkCompanions),
    collection,
  };
}

/** The collections a purge looks through: every one whose documents can expire. */
export function expiringCollections(store: Store, auditSpec: CollectionSpec<Keyed>): DocumentCollection<Keyed>[] {
  return [store.deliveries, store.jobHistory, store.bulkMessages, store.collection(auditSpec)] as DocumentCollection<Keyed>[];
}
