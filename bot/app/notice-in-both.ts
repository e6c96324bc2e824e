import { renderNoticeCard, type NoticeCardData } from '../../cards/notice-card';
import type { Outbox } from '../proactive/outbox-queue';
import type { Language } from '../users/user-record';

/**
 * Queues a notice card for one person, drawn in both languages (the sender picks the
 * reader's at send time) and kept out of nights, weekends and holidays like every prompt.
 * `key` makes it idempotent: the same key twice is one message.
 */
export async function enqueueNotice(
  outbox: Outbox,
  message: { key: string; recipient: string; notBefore?: Date; card: (language: Language) => NoticeCardData },
): Promise<void> {
  const draw = (language: Language) => ({ card: renderNoticeCard(language, message.card(language)) });
  await outbox.enqueue({
    key: message.key,
    recipient: message.recipient,
    quietHours: true,
    ...(message.notBefore ? { notBefore: message.notBefore } : {}),
    content: { en: draw('en'), cy: draw('cy') },
  });
}
