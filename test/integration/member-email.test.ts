import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText } from '../support/cards-in';
import { message, teamsUser } from '../support/teams-activities';

/**
 * Cefnogi learns a person's email from Teams on their first turn (the members call), so an
 * administrator can name people by email; Teams being slow or failing never costs the turn.
 */
describe('learning a person\'s email, over HTTP as Teams sends it', () => {
  const harness = new BotHarness();
  const keyOf = (u: { tenantId: string; aadObjectId: string }) => `${u.tenantId}:${u.aadObjectId}`;
  const userDoc = async (u: { tenantId: string; aadObjectId: string }) => (await harness.bot!.store.users.read(keyOf(u), keyOf(u)))?.value;
  const person = (name: string) => teamsUser({ name });

  let clock = new Date('2026-11-23T10:00:00Z');
  beforeAll(() => harness.start({ now: () => clock }));
  afterAll(() => harness.stop());

  it('when a person first uses Cefnogi, then their email is learned once from Teams, and a failing or hanging Teams never breaks their turn', async () => {
    const gwen = person('Gwen Morgan');
    harness.connector.emails.set(gwen.aadObjectId, 'Gwen.Morgan@Hwb.Example.Wales');
    const before = harness.connector.memberLookups.length;
    await harness.post(message(gwen, harness.serviceUrl, 'help'));
    await harness.post(message(gwen, harness.serviceUrl, 'help'));
    expect(harness.connector.memberLookups.slice(before)).toEqual([`29:${gwen.aadObjectId}`]);
    expect((await userDoc(gwen))?.email).toBe('gwen.morgan@hwb.example.wales');

    for (const mode of ['fail', 'hang'] as const) {
      const dai = person('Dai Jones');
      harness.connector.membersMode = mode;
      const started = Date.now();
      harness.connector.clear();
      const answer = await harness.post(message(dai, harness.serviceUrl, 'help'));
      expect([mode, answer.status, Date.now() - started < 4000]).toEqual([mode, 200, true]);
      expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('help');
      expect((await userDoc(dai))?.email).toBeUndefined();
      harness.connector.releaseMembers();
      // A failed lookup is not repeated on every turn (each would wait on Teams again) ...
      const asked = harness.connector.memberLookups.length;
      await harness.post(message(dai, harness.serviceUrl, 'help'));
      expect(harness.connector.memberLookups.length).toBe(asked);
      // ... but a day later it is.
      clock = new Date(clock.getTime() + 24 * 60 * 60 * 1000 + 1000);
      await harness.post(message(dai, harness.serviceUrl, 'help'));
      expect((await userDoc(dai))?.email).toBe(`${dai.aadObjectId}@hwb.example.wales`);
    }
  });


  it('when an email was learned, then it can be found in one point read of the directory, and later turns cost no more than before', async () => {
    const gwyn = person('Gwyn Jones');
    harness.connector.emails.set(gwyn.aadObjectId, 'gwyn@ysgol.example.wales');
    await harness.post(message(gwyn, harness.serviceUrl, 'help'));
    // The first turn: the person's document read and written, the directory entry created,
    // and the email written if Teams answered after the reply went; every later turn: one.
    expect(harness.bot!.stats.lastTurnRoundTrips).toBeLessThanOrEqual(4);
    await harness.post(message(gwyn, harness.serviceUrl, 'help'));
    expect(harness.bot!.stats.lastTurnRoundTrips).toBe(1);
    const key = `email:${gwyn.tenantId}:gwyn@ysgol.example.wales`;
    expect((await harness.bot!.store.directory.read(key, key))?.value.aadObjectId).toBe(gwyn.aadObjectId);
  });
});
