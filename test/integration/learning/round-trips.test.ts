import { learningEntries } from '../../../bot/learning/learning-entry';
import { BotHarness } from '../../support/bot-harness';
import { cardAction, message, teamsUser } from '../../support/teams-activities';

const user = teamsUser({ name: 'Owain Bevan', locale: 'en-GB' });
const ENTRY = { learningTitle: 'Phonics training', learningDate: '2026-11-02', learningHours: '1.5', learningKind: 'in-school', learningAreas: 'literacy-numeracy', learningStandards: 'pedagogy', learned: 'a', changed: 'b', difference: 'c' };

describe('what a learning turn costs in storage round trips', () => {
  const harness = new BotHarness();
  beforeAll(async () => {
    await harness.start({ now: () => new Date('2026-12-14T10:00:00Z') });
    await harness.post(message(user, harness.serviceUrl, 'help'));
  });
  afterAll(() => harness.stop());

  it('when someone opens their log, saves an entry or edits one, then each turn reads their document once and their log in one partition query, and writes only what changed', async () => {
    const trips: Record<string, number> = {};
    await harness.post(message(user, harness.serviceUrl, 'my learning'));
    trips.open = harness.bot!.stats.lastTurnRoundTrips;
    await harness.post(cardAction(user, harness.serviceUrl, 'learning.save', ENTRY));
    trips.add = harness.bot!.stats.lastTurnRoundTrips;
    const key = `${user.tenantId}:${user.aadObjectId}`;
    const [entry] = await harness.bot!.store.collection(learningEntries).findInPartition(key, {});
    await harness.post(cardAction(user, harness.serviceUrl, 'learning.save', { ...ENTRY, entryId: entry!.value.id, learningHours: '2' }));
    trips.edit = harness.bot!.stats.lastTurnRoundTrips;
    if (process.env.CEFNOGI_FIGURES === '1') console.log(`storage round trips per learning turn: ${JSON.stringify(trips)}`);
    // The user's document (1), the log's partition query (the SDK asks for a query plan first: 2).
    expect(trips.open).toBeLessThanOrEqual(3);
    // ...then the create; the log read for the limit check is the one the answer shows.
    expect(trips.add).toBeLessThanOrEqual(4);
    // ...the entry's point read and its conditional replace, then the log again.
    expect(trips.edit).toBeLessThanOrEqual(6);
  });
});
