import { bulkDeliveryKey, bulkPageId, type BulkDocument } from '../proactive/bulk-message';
import type { Outbox } from '../proactive/outbox-queue';
import { safeId, type DocumentCollection } from '../storage/document-collection';
import type { Language } from '../users/user-record';
import { broadcastBulkKeys, type BroadcastRecord } from './broadcast-record';

/** One recipient's line: their key, how delivery ended (the latest send that reached them wins), and its language. */
export interface RecipientLine {
  recipient: string;
  status: 'sent' | 'failed' | 'unreachable' | 'pending' | 'sending';
  language?: Language;
}

/** The most recipient lines an export reads: the file helper's 1 MiB holds about this many. */
export const MAX_EXPORTED_RECIPIENTS = 10_000;

/**
 * Every recipient of a broadcast with their delivery, read from the first bulk message's
 * pages and one point read per recipient per send (the first, then each resend): for the
 * author's CSV, never on a hot path.
 */
export async function recipientLines(pages: DocumentCollection<BulkDocument>, outbox: Outbox, record: BroadcastRecord): Promise<RecipientLine[]> {
  const keys = broadcastBulkKeys(record);
  const partition = safeId(keys[0]!);
  const lines: RecipientLine[] = [];
  for (let p = 0; lines.length < MAX_EXPORTED_RECIPIENTS; p += 1) {
    const page = (await pages.read(bulkPageId(p), partition))?.value;
    if (!page || page.kind !== 'bulk-page') break;
    for (const recipient of page.recipients.slice(0, MAX_EXPORTED_RECIPIENTS - lines.length)) {
      let line: RecipientLine = { recipient, status: 'pending' };
      for (const key of keys) {
        const state = await outbox.get(bulkDeliveryKey(key, recipient));
        if (!state) continue;
        line = { recipient, status: state.status, ...(state.language ? { language: state.language } : {}) };
        if (state.status === 'sent') break;
      }
      lines.push(line);
    }
  }
  return lines;
}
