import { BotHarness } from '../../support/bot-harness';
import { cardsIn, cardText } from '../../support/cards-in';
import { changeSchoolSettings } from '../../support/school-register-fixture';
import { teamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { londonInstant } from '../../../bot/time/london-clock';
import { linkedTeam, storedPlc, storedResources, TeamChannel } from './plc-fixture';
import type { Plc } from '../../../bot/plc/plc-record';

const TENANT = '11111111-2222-3333-4444-555555555555';
const nia = teamsUser({ aadObjectId: 'dddddddd-0000-4000-8000-000000000001', name: 'Nia Digest', tenantId: TENANT });
const huw = teamsUser({ aadObjectId: 'dddddddd-0000-4000-8000-000000000002', name: 'Huw Digest', tenantId: TENANT });

describe("a PLC's weekly digest, on a test clock", () => {
  let clock = londonInstant('2026-12-02', 10); // a Wednesday in term
  const harness = new BotHarness();
  let channel: TeamChannel;
  let plc: Plc;
  let schoolId: string;
  /** Runs the scheduler and the sender at `at`; the digest cards posted into the channel. */
  const monday = async (date: string) => {
    clock = londonInstant(date, 9);
    const from = harness.connector.sent.length;
    await harness.bot!.proactive.scheduler.tick(clock);
    await harness.bot!.proactive.sender.drain(clock);
    return cardsIn(harness.connector.sent.slice(from).filter((s) => s.method === 'POST' && s.conversationId === channel.channelId));
  };
  const shareAt = async (date: string, link: string, note: string) => {
    clock = londonInstant(date, 11);
    await channel.say(nia, `share ${link} ${note}`);
    await harness.bot!.proactive.sender.drain(clock);
  };

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    ({ schoolId } = await linkedTeam(harness, TENANT, 'Ysgol Crynodeb', [nia, huw]).then(async (t) => {
      channel = new TeamChannel(harness, '19:plc-digest@thread.tacv2', t.teamId);
      return t;
    }));
    await channel.press(nia, 'plc.make', { plcName: 'Diogelu', keyAreas: 'safeguarding', plcLanguage: 'both' });
    plc = (await storedPlc(harness, TENANT, channel.channelId))!;
  });
  afterAll(() => harness.stop());

  it('when a Monday comes and nothing was shared that week, then no digest is posted', async () => {
    expect(await monday('2026-12-07')).toEqual([]);
  });

  it("when something was shared but the Monday is in the school's holidays, then no digest is posted", async () => {
    await shareAt('2026-12-08', 'https://hwb.gov.wales/safeguarding-basics', 'Start here');
    const [first] = await storedResources(harness, plc.pk);
    await channel.press(huw, 'plc.useful', { plcId: plc.pk, resourceId: first!.id });
    await harness.bot!.proactive.sender.drain(clock);
    await changeSchoolSettings(harness.bot!.store, TENANT, schoolId, (s) => ({ ...s, holidays: [{ from: '2026-12-14', to: '2026-12-18' }] }));
    expect(await monday('2026-12-14')).toEqual([]);
  });

  it("when a term-time Monday comes after a week with a share, then one digest in Welsh and English lists what is new, the most useful and one item from Cefnogi's library", async () => {
    await shareAt('2026-12-15', 'https://hwb.gov.wales/online-safety', 'For the staff meeting');
    const cards = await monday('2026-12-21');
    expect(cards).toHaveLength(1);
    expect(cardProblems(cards[0]!)).toEqual([]);
    const text = cardText(cards[0]!);
    expect(text.indexOf('Yr wythnos hon yn Diogelu')).toBeLessThan(text.indexOf('This week in Diogelu'));
    expect(text).toContain('online safety');
    expect(text).toContain('Most useful so far');
    expect(text).toContain('safeguarding basics');
    expect(text).toContain("From Cefnogi's library, for your focus");
    // A second run of the same Monday posts nothing more.
    expect(await monday('2026-12-21')).toEqual([]);
  });
});
