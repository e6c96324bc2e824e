import { BotHarness } from '../../support/bot-harness';
import { cardsIn, cardText } from '../../support/cards-in';
import { message, teamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { linkedTeam, TeamChannel } from './plc-fixture';

const TENANT = '11111111-2222-3333-4444-777777777777';
const nia = teamsUser({ aadObjectId: 'dddddddd-0000-4000-8000-000000000001', name: 'Nia Evans', tenantId: TENANT });
/** Tuesday 6 October 2026, ten in the morning in Wales. */
const TUESDAY = new Date('2026-10-06T09:00:00Z');

describe('The date on a PLC resource card', () => {
  const harness = new BotHarness();
  let channel: TeamChannel;
  const delivered = async (conversationId: string) => {
    const from = harness.connector.sent.length;
    await harness.bot!.proactive.sender.drain(TUESDAY);
    return cardsIn(harness.connector.sent.slice(from).filter((s) => s.method === 'POST' && s.conversationId === conversationId));
  };
  beforeAll(async () => {
    await harness.start({ now: () => TUESDAY });
    await harness.post(message(nia, harness.serviceUrl, 'help'));
    const { teamId } = await linkedTeam(harness, TENANT, 'Ysgol y Dyddiad', [nia]);
    channel = new TeamChannel(harness, '19:plc-dates@thread.tacv2', teamId);
    await channel.press(nia, 'plc.make', { plcName: 'Darllen', keyAreas: 'literacy-numeracy', plcLanguage: 'both' });
    await delivered(channel.channelId);
  });
  afterAll(() => harness.stop());

  it('when a resource is shared in a PLC that speaks both languages, then the Welsh and the English give its day in the same style, day month year', async () => {
    await channel.say(nia, 'share https://hwb.gov.wales/resources/dates Reading dates');
    const [card] = await delivered(channel.channelId);
    expect(cardProblems(card!)).toEqual([]);
    const text = cardText(card!);
    expect(text).toContain('Rhannwyd gan Nia Evans ar 6 Hydref 2026');
    expect(text).toContain('Shared by Nia Evans on 6 October 2026');
    expect(text).not.toMatch(/Tuesday|Dydd Mawrth/);
  });

  it('when the same link is shared again, then the "already shared" line gives the first day in the same style in both languages', async () => {
    harness.connector.clear();
    await channel.say(nia, 'share https://hwb.gov.wales/resources/dates');
    const text = cardsIn(harness.connector.sent).map(cardText).join('\n');
    expect(text).toContain('6 October 2026');
    expect(text).toContain('6 Hydref 2026');
    expect(text).not.toMatch(/Tuesday|Dydd Mawrth/);
  });
});
