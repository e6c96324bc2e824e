import type { BulkDocument, BulkMessage } from '../../bot/proactive/bulk-message';
import type { DeliveryRecord } from '../../bot/proactive/delivery-record';
import { newJobRecord, type SchedulerJobRecord } from '../../bot/proactive/scheduler-job-record';
import { purgeExpired } from '../../bot/retention/purge-expired';
import { RetainingCollection } from '../../bot/retention/retaining-collection';
import { DEFAULT_RETENTION } from '../../bot/retention/retention-policy';
import { bulkCompanions, bulkMessageRule, deliveryRule, jobHistoryRule } from '../../bot/retention/retention-rules';
import type { DocumentCollection, Keyed } from '../../bot/storage/document-collection';
import { updateDocument } from '../../bot/storage/update-document';

/** The containers one implementation offers, bare (no retention), and the raw stored JSON of a document. */
export interface RetentionSubject {
  deliveries: DocumentCollection<DeliveryRecord>;
  jobHistory: DocumentCollection<SchedulerJobRecord>;
  bulkMessages: DocumentCollection<BulkDocument>;
  /** Live jobs: never given to a retention rule. */
  jobs: DocumentCollection<SchedulerJobRecord>;
  raw(container: 'deliveries' | 'jobHistory' | 'bulkMessages' | 'jobs', id: string, pk: string): Promise<Record<string, unknown> | undefined>;
}

const DAY = 86_400_000;
let counter = 0;

function delivery(now: Date, bulk?: string): DeliveryRecord {
  counter += 1;
  const at = now.toISOString();
  return { id: `d${counter}`, pk: 's0', kind: 'delivery', key: `k${counter}`, recipient: `t:u${counter}`, ...(bulk ? { bulk } : {}), status: 'sent', attempts: 1, createdAt: at, finishedAt: at };
}

/**
 * The retention rule, run against each implementation on a test clock: a record gets its
 * expiry only when it finishes, the purge removes it only once that has passed, and live
 * work is never touched however late it gets.
 */
export function retentionContract(name: string, make: () => Promise<RetentionSubject>): void {
  describe(`Retention: ${name}`, () => {
    let bare: RetentionSubject;
    let t = Date.parse('2026-01-05T10:00:00Z');
    const now = () => new Date(t);
    let deliveries: DocumentCollection<DeliveryRecord>;
    let history: DocumentCollection<SchedulerJobRecord>;
    let bulk: DocumentCollection<BulkDocument>;
    let all: DocumentCollection<Keyed>[];
    beforeAll(async () => {
      bare = await make();
      deliveries = new RetainingCollection(bare.deliveries, deliveryRule(DEFAULT_RETENTION), now);
      history = new RetainingCollection(bare.jobHistory, jobHistoryRule(DEFAULT_RETENTION), now);
      bulk = new RetainingCollection(bare.bulkMessages, bulkMessageRule(DEFAULT_RETENTION), now, bulkCompanions);
      all = [deliveries, history, bulk, bare.jobs] as DocumentCollection<Keyed>[];
    });

    it('when a delivery finishes, then it carries a ttl of 90 days and the purge removes it only once they have passed', async () => {
      const d = delivery(now());
      await deliveries.create(d);
      expect(await bare.raw('deliveries', d.id, d.pk)).toMatchObject({ ttl: 90 * 86_400 });
      t += 90 * DAY - 1000;
      await purgeExpired(all, now());
      expect(await deliveries.read(d.id, d.pk)).toBeDefined();
      t += 2000;
      await purgeExpired(all, now());
      expect(await deliveries.read(d.id, d.pk)).toBeUndefined();
    });

    it('when a delivery of a bulk message finishes, then it is kept a year, not 90 days', async () => {
      const d = delivery(now(), 'b-kept');
      await deliveries.create(d);
      expect(await bare.raw('deliveries', d.id, d.pk)).toMatchObject({ ttl: 365 * 86_400 });
      t += 200 * DAY;
      await purgeExpired(all, now());
      expect(await deliveries.read(d.id, d.pk)).toBeDefined();
      t += 166 * DAY;
      await purgeExpired(all, now());
      expect(await deliveries.read(d.id, d.pk)).toBeUndefined();
    });

    it('when a job is still live, then it never expires, and once it is done its history entry expires after 90 days', async () => {
      const job = newJobRecord({ key: `job-${(counter += 1)}`, kind: 'digest', runAt: now() }, now());
      await bare.jobs.create(job);
      expect(await bare.raw('jobs', job.id, job.pk)).not.toHaveProperty('ttl');
      const done: SchedulerJobRecord = { ...job, status: 'done', runs: 1, updatedAt: now().toISOString() };
      await history.create(done);
      expect(await bare.raw('jobHistory', done.id, done.pk)).toMatchObject({ ttl: 90 * 86_400 });
      t += 3650 * DAY;
      await purgeExpired(all, now());
      expect(await bare.jobs.read(job.id, job.pk)).toBeDefined();
      expect(await history.read(done.id, done.pk)).toBeUndefined();
    });

    it('when a bulk message is still being sent, then neither it nor its pages expire; when its last part finishes, they expire together a year later', async () => {
      const id = `bulk-${(counter += 1)}`;
      const at = now().toISOString();
      const message: BulkMessage = {
        id, pk: id, kind: 'bulk-message', key: id, content: { en: { text: 'Policy update' }, cy: { text: 'Diweddariad polisi' } }, quietHours: false,
        recipients: 2, pages: 2, finishedParts: 0, figures: { sent: 0, retrying: 0, unreachable: 0, failed: 0, passedOver: 0 }, createdAt: at, updatedAt: at,
      };
      for (const p of [0, 1]) await bulk.create({ id: `page-${p}`, pk: id, kind: 'bulk-page', recipients: [`t:r${p}`] });
      await bulk.create(message);
      const finishPart = () => updateDocument(bulk, id, id, (doc) => (doc?.kind === 'bulk-message' ? { ...doc, finishedParts: doc.finishedParts + 1 } : undefined));
      await finishPart();
      t += 3650 * DAY;
      await purgeExpired(all, now());
      expect(await bare.raw('bulkMessages', id, id)).not.toHaveProperty('ttl');
      expect(await bulk.findInPartition(id, {})).toHaveLength(3);
      await finishPart();
      expect(await bare.raw('bulkMessages', 'page-1', id)).toMatchObject({ ttl: 365 * 86_400 });
      t += 364 * DAY;
      await purgeExpired(all, now());
      expect(await bulk.findInPartition(id, {})).toHaveLength(3);
      t += 2 * DAY;
      await purgeExpired(all, now());
      expect(await bulk.findInPartition(id, {})).toHaveLength(0);
    });

    it('when more records have expired than one run may remove, then the run says so and the next run removes the rest', async () => {
      for (let i = 0; i < 7; i += 1) await deliveries.create(delivery(now()));
      t += 91 * DAY;
      const first = await purgeExpired(all, now(), { pageSize: 2, maxPages: 2 });
      expect(first).toEqual({ removed: 4, more: true });
      const second = await purgeExpired(all, now(), { pageSize: 2, maxPages: 2 });
      expect(second).toEqual({ removed: 3, more: false });
    });
  });
}
