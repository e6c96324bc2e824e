import { MemoryDueCollection } from '../../../bot/proactive/due-collection-memory';
import { MemoryCollection } from '../../../bot/storage/memory-collection';
import type { DeliveryRecord } from '../../../bot/proactive/delivery-record';
import { Outbox } from '../../../bot/proactive/outbox-queue';
import type { OutboxRecord } from '../../../bot/proactive/outbox-record';
import { testClock } from './proactive-test-kit';

const content = { en: { text: 'Your review is in 14 days' }, cy: { text: 'Mae eich adolygiad ymhen 14 diwrnod' } };

describe('the outbox', () => {
  it('when a message is enqueued twice with one key, then the second is a duplicate and changes nothing', async () => {
    const records = new MemoryDueCollection<OutboxRecord>();
    const clock = testClock('2025-06-02T09:00:00Z');
    const outbox = new Outbox(records, new MemoryCollection<DeliveryRecord>(), clock.now);
    expect(await outbox.enqueue({ key: 'review-14d/2025/u1', recipient: 'u1', content, quietHours: true })).toBe('enqueued');
    const first = await outbox.get('review-14d/2025/u1');
    clock.advance(60_000);
    const other = { en: { text: 'changed' }, cy: { text: 'newid' } };
    expect(await outbox.enqueue({ key: 'review-14d/2025/u1', recipient: 'u2', content: other, quietHours: false })).toBe('duplicate');
    expect(await outbox.get('review-14d/2025/u1')).toEqual(first);
    expect(first).toMatchObject({ id: 'review-14d%2F2025%2Fu1', status: 'pending', recipient: 'u1', attempts: 0, dueAt: '2025-06-02T09:00:00.000Z' });
    expect(first?.pk).toMatch(/^shard-[0-7]$/);
  });

  it('when a prompt is enqueued on a Friday evening, then it is due on Monday at 08:00', async () => {
    const outbox = new Outbox(new MemoryDueCollection<OutboxRecord>(), new MemoryCollection<DeliveryRecord>(), testClock('2025-06-06T18:30:00Z').now);
    await outbox.enqueue({ key: 'k', recipient: 'u1', content, quietHours: true });
    expect((await outbox.get('k'))?.dueAt).toBe('2025-06-09T07:00:00.000Z');
  });

  it('when a message is not a prompt, then it is due at its notBefore, night or not', async () => {
    const outbox = new Outbox(new MemoryDueCollection<OutboxRecord>(), new MemoryCollection<DeliveryRecord>(), testClock('2025-06-06T18:30:00Z').now);
    await outbox.enqueue({ key: 'k', recipient: 'u1', content, quietHours: false, notBefore: new Date('2025-06-07T02:00:00Z') });
    expect((await outbox.get('k'))?.dueAt).toBe('2025-06-07T02:00:00.000Z');
  });

  it.each([
    ['the Welsh is missing', { key: 'k', recipient: 'u', content: { en: { text: 'x' } }, quietHours: true }],
    ['a language has neither text nor card', { key: 'k', recipient: 'u', content: { en: { text: 'x' }, cy: {} }, quietHours: true }],
    ['the key is empty', { key: '', recipient: 'u', content, quietHours: true }],
    ['the key is too long for a Cosmos id', { key: '/'.repeat(100), recipient: 'u', content, quietHours: true }],
    ['a holiday ends before it starts', { key: 'k', recipient: 'u', content, quietHours: true, schoolHolidays: [{ from: '2025-10-31', to: '2025-10-27' }] }],
  ])('when %s, then enqueue refuses and nothing is written', async (_what, message) => {
    const records = new MemoryDueCollection<OutboxRecord>();
    const outbox = new Outbox(records, new MemoryCollection<DeliveryRecord>(), testClock('2025-06-02T09:00:00Z').now);
    await expect(outbox.enqueue(message as Parameters<Outbox['enqueue']>[0])).rejects.toThrow();
    for (let i = 0; i < 8; i += 1) expect(await records.findInPartition(`shard-${i}`, {})).toEqual([]);
  });
});
