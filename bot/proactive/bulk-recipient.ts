import type { DocumentCollection } from '../storage/document-collection';
import { safeId } from '../storage/document-collection';
import { isConflict } from '../storage/storage-errors';
import type { Language, UserRecord } from '../users/user-record';
import { bulkDeliveryKey, type BulkFigures, type BulkMessage } from './bulk-message';
import type { ConnectorTransport, SendResult } from './connector-transport';
import type { DeliveryRecord } from './delivery-record';
import type { DueCollection } from './due-collection';
import { activityFor, payloadFor } from './outbox-activity';
import type { OutboxRecord } from './outbox-record';
import { languageFor, resolveRecipient } from './recipient-target';
import type { ConversationRecord } from '../users/conversation-record';
import { noteReachability } from './reachability-note';
import type { RetryPolicy } from './retry-policy';
import { awaitTurn, type TenantBudget } from './send-budget';
import { sendOutcome } from './send-outcome';
import type { SendPacer } from './send-pacer';
import { shardOf } from './shard-key';

/** What sending one recipient of a bulk message needs. */
export interface BulkRecipientDeps {
  users: DocumentCollection<UserRecord>;
  conversations: DocumentCollection<ConversationRecord>;
  deliveries: DocumentCollection<DeliveryRecord>;
  outbox: DueCollection<OutboxRecord>;
  transport: ConnectorTransport;
  pacer: SendPacer;
  budget: TenantBudget;
  retry: RetryPolicy;
  random: () => number;
  now: () => Date;
  shards: number;
}

/** What became of one recipient (`skipped`: done already, by an earlier claim of the cursor). */
export type RecipientOutcome = keyof BulkFigures | 'skipped';

/**
 * Sends a bulk message to one recipient (a person, or a channel or group chat named by
 * `conversationRecipient`): their copy in their language (a conversation's in the message's), at a position of the
 * tenant's budget for the bulk lane. A delivery that ends (sent, unreachable, failed) is
 * recorded in `deliveries` under the key message + recipient; one worth retrying becomes an
 * outbox record of the bulk lane that points at the message (no copy of its content), so
 * only retries and failures ever sit in the live outbox. With `check`, a recipient already
 * delivered or already waiting for a retry is skipped: after a cursor's claim was abandoned,
 * the recipients just after its last checkpoint may have been sent.
 */
export async function sendToRecipient(d: BulkRecipientDeps, message: BulkMessage, recipient: string, check: boolean, signal?: AbortSignal): Promise<RecipientOutcome> {
  const key = bulkDeliveryKey(message.key, recipient);
  const id = safeId(key);
  const pk = shardOf(key, d.shards);
  if (check && ((await d.deliveries.read(id, pk)) || (await d.outbox.read(id, pk)))) return 'skipped';
  const plan = await planFor(d, message, recipient);
  if (plan === 'pass-over') return 'passedOver';
  if (plan.waitForOriginal) {
    // The original is still being retried: the update waits for it in the outbox (see OutboxSender).
    await retryLater(d, message, recipient, { id, pk, key }, ORIGINAL_WAIT_MS, 0, undefined, plan.waitForOriginal);
    return 'retrying';
  }
  const original = plan.original;
  const target = await resolveRecipient(d, original?.recipient ?? recipient);
  const finish = async (status: DeliveryRecord['status'], extra: Partial<DeliveryRecord>): Promise<void> => {
    const at = d.now().toISOString();
    const record: DeliveryRecord = { id, pk, kind: 'delivery', key, recipient, bulk: message.id, status, attempts: 1, ...extra, createdAt: at, finishedAt: at };
    await d.deliveries.create(record).catch((err: unknown) => {
      if (!isConflict(err)) throw err;
    });
  };
  if (!target.reachable) {
    await finish('unreachable', { attempts: 0, unreachable: target.why, reason: target.reason });
    await noteReachability(d.users, target.user, target.why, target.reason, d.now());
    return 'unreachable';
  }
  const { ref, user } = target;
  const decision = d.pacer.tryAcquire({ tenantId: ref.tenantId, conversationId: ref.conversationId });
  if (!decision.ok) {
    await retryLater(d, message, recipient, { id, pk, key }, decision.retryInMs, 0, undefined, original?.key);
    return 'retrying';
  }
  await awaitTurn(d.budget, ref.tenantId, 'bulk', decision.waitMs, signal);
  d.pacer.sentLater(ref.conversationId, decision.at, d.pacer.clockNow());
  const language = original?.language ?? languageFor(target, message.language);
  const activity = activityFor(payloadFor(message.content, language, target.bothLanguages), language);
  let result: SendResult;
  try {
    result = original ? await d.transport.update(ref, original.activityId, activity) : await d.transport.send(ref, activity);
  } catch (err) {
    result = { ok: false, status: 0, message: (err as Error).message };
  }
  const outcome = sendOutcome(result, 1, d.retry, d.random);
  switch (outcome.kind) {
    case 'sent':
      await finish('sent', { activityId: outcome.activityId, language, sentAt: d.now().toISOString() });
      await noteReachability(d.users, user, 'reachable', undefined, d.now());
      return 'sent';
    case 'unreachable':
      await finish('unreachable', { unreachable: outcome.why, reason: outcome.reason });
      // A 404 to a replacement may mean only that the activity is gone: it says nothing sure about the person.
      if (!(original && outcome.why === 'not-installed')) await noteReachability(d.users, user, outcome.why, outcome.reason, d.now());
      return 'unreachable';
    case 'retry':
      if (!result.ok && result.status === 429) d.pacer.pause(ref.conversationId, outcome.waitMs);
      await retryLater(d, message, recipient, { id, pk, key }, outcome.waitMs, 1, result.ok ? undefined : result, original?.key);
      return 'retrying';
    case 'failed':
      await finish('failed', { reason: outcome.reason, ...(result.ok ? {} : { lastError: { status: result.status, message: result.message, at: d.now().toISOString() } }) });
      await noteReachability(d.users, user, 'failing', outcome.reason, d.now());
      return 'failed';
  }
}

/** How long a revision waits before looking again for an original copy still being retried. */
const ORIGINAL_WAIT_MS = 5000;

/** What a recipient needs from this message: a send, a replacement of their delivered copy, a wait for it, or nothing. */
type Plan = 'pass-over' | { original?: { key: string; recipient: string; activityId: string; language?: Language }; waitForOriginal?: string };

/**
 * A plain message is sent. A revision replaces the copy the recipient was delivered (passed
 * over if there is none; waiting if it is still being retried); a resend goes only to those
 * whose delivery of the original failed or found them unreachable. One point read of the
 * original's delivery decides (and one of the outbox when it has none).
 */
async function planFor(d: BulkRecipientDeps, message: BulkMessage, recipient: string): Promise<Plan> {
  const basedOn = message.basedOn;
  if (!basedOn) return {};
  const key = bulkDeliveryKey(basedOn.of, recipient);
  const where = { id: safeId(key), pk: shardOf(key, d.shards) };
  const delivered = (await d.deliveries.read(where.id, where.pk))?.value;
  if (basedOn.kind === 'resend') return delivered && (delivered.status === 'failed' || delivered.status === 'unreachable') ? {} : 'pass-over';
  if (delivered?.status === 'sent' && delivered.activityId) {
    return { original: { key, recipient: delivered.recipient, activityId: delivered.activityId, ...(delivered.language ? { language: delivered.language } : {}) } };
  }
  if (!delivered && (await d.outbox.read(where.id, where.pk))) return { waitForOriginal: key };
  return 'pass-over';
}

/** One recipient's retry, in the live outbox, in the bulk lane, pointing at the message's content. */
async function retryLater(
  d: BulkRecipientDeps,
  message: BulkMessage,
  recipient: string,
  where: { id: string; pk: string; key: string },
  waitMs: number,
  attempts: number,
  failure: { status: number; message: string } | undefined,
  updates: string | undefined,
): Promise<void> {
  const now = d.now();
  const record: OutboxRecord = {
    ...where,
    kind: 'outbox-message',
    recipient,
    bulk: message.id,
    ...(updates !== undefined ? { updates } : {}),
    lane: 'bulk',
    notBefore: now.toISOString(),
    quietHours: message.quietHours,
    ...(message.language ? { language: message.language } : {}),
    ...(message.schoolHolidays ? { schoolHolidays: message.schoolHolidays } : {}),
    status: 'pending',
    dueAt: new Date(now.getTime() + waitMs).toISOString(),
    attempts,
    ...(failure ? { lastError: { status: failure.status, message: failure.message, at: now.toISOString() } } : {}),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await d.outbox.create(record).catch((err: unknown) => {
    if (!isConflict(err)) throw err;
  });
}
