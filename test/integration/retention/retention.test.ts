import { RETENTION_PURGE_JOB } from '../../../bot/retention/retention-purge-job';
import { BotHarness } from '../../support/bot-harness';
import { auditCollection } from '../../../bot/audit/audit-record';
import { cardAction, message, teamsUser } from '../../support/teams-activities';

const DAY = 86_400_000;
/** A Monday morning in term, so no quiet hours hold the message back. */
let clock = new Date('2026-10-05T09:00:00Z');
const now = () => clock;

describe('retention in the running bot on the embedded store', () => {
  const harness = new BotHarness();
  const person = teamsUser({ name: 'Siân Hughes', locale: 'en-GB' });
  const personKey = `${person.tenantId}:${person.aadObjectId}`;
  beforeAll(async () => {
    await harness.start({ persist: true, now });
    await harness.post(message(person, harness.serviceUrl, 'help'));
  });
  afterAll(() => harness.stop());

  it('when a message was delivered 90 days ago, then the nightly purge removes its delivery record, while a reminder still waiting stays, and the purge survives a restart', async () => {
    const proactive = () => harness.bot!.proactive;
    await proactive().outbox.enqueue({ key: 'notice:old', recipient: personKey, content: { en: { text: 'An old notice' }, cy: { text: 'Hen hysbysiad' } }, quietHours: false });
    await proactive().sender.drain(clock);
    expect(harness.connector.sent.some((a) => JSON.stringify(a).includes('An old notice'))).toBe(true);
    expect(await proactive().outbox.get('notice:old')).toMatchObject({ status: 'sent' });
    // A reminder for the far future: live work, never expired.
    await proactive().scheduler.schedule({ key: 'reminder:far', kind: 'no-handler-yet', runAt: new Date(clock.getTime() + 400 * DAY) });

    await harness.restart();
    expect(await proactive().scheduler.get(RETENTION_PURGE_JOB.key)).toMatchObject({ status: 'scheduled' });

    clock = new Date(clock.getTime() + 89 * DAY);
    await proactive().scheduler.tick(clock);
    expect(await proactive().outbox.get('notice:old')).toMatchObject({ status: 'sent' });

    clock = new Date(clock.getTime() + 2 * DAY);
    await proactive().scheduler.tick(clock);
    expect(await proactive().outbox.get('notice:old')).toBeUndefined();
    expect(await proactive().scheduler.get('reminder:far')).toMatchObject({ status: 'scheduled' });
    expect(await proactive().scheduler.get(RETENTION_PURGE_JOB.key)).toMatchObject({ status: 'scheduled' });
  });

  it('when an administrative act is refused and audited, then its audit entry is kept two years and then purged', async () => {
    const audit = harness.bot!.store.collection(auditCollection);
    const before = (await audit.scanAllPartitions({ kind: 'audit' })).length;
    await harness.post(cardAction(person, harness.serviceUrl, 'roles.appoint', { person: person.aadObjectId, role: 'la-admin', laId: 'cardiff' }));
    expect((await audit.scanAllPartitions({ kind: 'audit' })).length).toBe(before + 1);
    const after = (days: number) => new Date(clock.getTime() + days * DAY).toISOString();
    expect(await audit.findExpired(after(729), 10)).toHaveLength(0);
    expect(await audit.findExpired(after(731), 10)).toHaveLength(before + 1);
    clock = new Date(clock.getTime() + 731 * DAY);
    await harness.bot!.proactive.scheduler.tick(clock);
    expect(await audit.scanAllPartitions({ kind: 'audit' })).toHaveLength(0);
  });
});
