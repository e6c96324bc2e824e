import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardsIn, cardText, type Card } from '../../support/cards-in';
import { teamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { userKey } from '../../../bot/users/user-record';
import { linkedTeam, personDocuments, storedPlc, storedResources, TeamChannel, teamMembersChanged } from './plc-fixture';
import type { Plc } from '../../../bot/plc/plc-record';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-2222-3333-4444-555555555555';
const nia = teamsUser({ aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000001', name: 'Nia Evans', tenantId: TENANT });
const dafydd = teamsUser({ aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000002', name: 'Dafydd Jones', tenantId: TENANT });
const outsider = teamsUser({ aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000003', name: 'Not In Team', tenantId: TENANT });
const stranger = teamsUser({ aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000004', name: 'Other Tenant', tenantId: OTHER_TENANT });
const LINK = 'https://hwb.gov.wales/resources/phonics-guide';

describe('sharing, rating and finding resources in a PLC channel', () => {
  const harness = new BotHarness();
  let channel: TeamChannel;
  let plc: Plc;
  /** Cards posted into the channel (new messages) and replaced in it (updates), since `from`. */
  const posted = (from: number, method = 'POST'): Card[] => cardsIn(harness.connector.sent.slice(from).filter((s) => s.method === method && s.conversationId === channel.channelId));
  beforeAll(async () => {
    await harness.start();
    const { teamId } = await linkedTeam(harness, TENANT, 'Ysgol Rhannu', [nia, dafydd]);
    channel = new TeamChannel(harness, '19:plc-sharing@thread.tacv2', teamId);
    await channel.press(nia, 'plc.make', { plcName: 'Ffoneg', keyAreas: 'literacy-numeracy', plcLanguage: 'en' });
    plc = (await storedPlc(harness, TENANT, channel.channelId))!;
  });
  afterAll(() => harness.stop());

  it('when a member types share with a link and a note, then the resource card comes to the channel with the link, who shared it, the note and the key areas, and one resource is stored', async () => {
    const from = harness.connector.sent.length;
    expect(await channel.say(nia, `share ${LINK} A clear guide to phonics for KS1`)).toEqual([]);
    await harness.connector.waitFor(from + 1);
    const [card] = posted(from);
    expect(cardProblems(card!)).toEqual([]);
    const text = cardText(card!);
    expect(text).toContain('A clear guide to phonics for KS1');
    expect(text).toContain('Shared by Nia Evans on');
    expect(text).toContain('Key areas: The importance of literacy and numeracy skills');
    expect(text).toContain('Nobody has marked this useful yet');
    expect(JSON.stringify(card)).toContain(LINK);
    expect(await storedResources(harness, plc.pk)).toHaveLength(1);
    if (process.env.CEFNOGI_FIGURES === '1') console.log(`a share typed in a one-channel PLC: ${harness.bot!.stats.lastTurnRoundTrips} store requests in the turn`);
  });

  it('when the same link is shared again written differently, then the card says who shared it first and when, with the first card, and nothing new is stored', async () => {
    const cards = await channel.say(dafydd, 'rhannu https://HWB.gov.wales/resources/phonics-guide/?utm_source=mail#top again');
    expect(cardText(cards[0]!)).toMatch(/already shared by Nia Evans on|Rhannwyd y ddolen hon eisoes gan Nia Evans/);
    expect(cardText(cards[0]!)).toContain('A clear guide to phonics for KS1');
    expect(await storedResources(harness, plc.pk)).toHaveLength(1);
  });

  it.each([
    ['a plain http link', 'share http://example.com/guide'],
    ['a script link', 'share javascript:alert(1)'],
    ['a link over 2,000 characters', `share https://example.com/${'a'.repeat(2000)}`],
    ['no link at all', 'share'],
  ])('when %s is shared, then a card says links must be https and at most 2,000 characters, and nothing is stored', async (_what, text) => {
    const [card] = await channel.say(nia, text);
    expect(cardText(card!)).toContain('Links must start with https://');
    expect(await storedResources(harness, plc.pk)).toHaveLength(1);
  });

  it('when someone outside the team shares in the channel, then they are told only members can, and nothing is stored', async () => {
    const [card] = await channel.say(outsider, 'share https://hwb.gov.wales/other');
    expect(cardText(card!)).toContain('Only members of this learning community');
    expect(await storedResources(harness, plc.pk)).toHaveLength(1);
  });

  it('when a member presses Useful, then their card shows the vote and the card is replaced in the channel; pressed again, the vote is taken back', async () => {
    const [resource] = await storedResources(harness, plc.pk);
    const from = harness.connector.sent.length;
    const voted = await channel.press(dafydd, 'plc.useful', { plcId: plc.pk, resourceId: resource!.id });
    expect(cardText(voted)).toContain('1 person found this useful');
    await harness.connector.waitFor(from + 1);
    expect(cardText(posted(from, 'PUT')[0]!)).toContain('1 person found this useful');
    expect((await storedResources(harness, plc.pk))[0]!.useful).toBe(1);
    const again = await channel.press(dafydd, 'plc.useful', { plcId: plc.pk, resourceId: resource!.id });
    expect(cardText(again)).toContain('Your vote is taken back');
    expect((await storedResources(harness, plc.pk))[0]!.useful).toBe(0);
  });

  it('when someone not in the PLC, someone of another tenant, or a tampered card votes, then a clear card says no and the count does not move', async () => {
    const [resource] = await storedResources(harness, plc.pk);
    expect(cardText(await channel.press(outsider, 'plc.useful', { plcId: plc.pk, resourceId: resource!.id }))).toContain('Only members of this learning community');
    expect(cardText(await channel.press(stranger, 'plc.useful', { plcId: plc.pk, resourceId: resource!.id }))).toContain('no longer exists');
    expect(cardText(await channel.press(nia, 'plc.useful', { plcId: plc.pk, resourceId: `r-${'0'.repeat(32)}` }))).toContain('no longer exists');
    expect(cardText(await channel.press(nia, 'plc.useful', { plcId: '../plc', resourceId: resource!.id }))).not.toContain('found this useful');
    expect((await storedResources(harness, plc.pk))[0]!.useful).toBe(0);
  });

  it('when a member saves a resource for later, then it is in their saved list once', async () => {
    const [resource] = await storedResources(harness, plc.pk);
    expect(cardText(await channel.press(nia, 'plc.save', { plcId: plc.pk, resourceId: resource!.id }))).toContain('Saved:');
    expect(cardText(await channel.press(nia, 'plc.save', { plcId: plc.pk, resourceId: resource!.id }))).toContain('You had already saved');
    const saved = (await personDocuments(harness, userKey(nia))).filter((d) => (d as { kind: string }).kind === 'plc-saved');
    expect(saved).toEqual([expect.objectContaining({ resourceId: resource!.id, url: LINK })]);
  });

  it('when a member types library, then the library lists what was shared with the way to order it by usefulness; someone outside is refused', async () => {
    const [card] = await channel.say(dafydd, 'library');
    expect(cardProblems(card!)).toEqual([]);
    expect(cardText(card!)).toContain('Library of Ffoneg');
    expect(cardText(card!)).toContain('phonics guide');
    const useful = actionsOf(card!, 'plc.library')[0]!;
    expect(cardText(await channel.press(dafydd, useful.verb, useful.data))).toContain('Most useful');
    const [refused] = await channel.say(outsider, 'llyfrgell');
    expect(cardText(refused!)).toContain('Only members of this learning community');
  });

  it('when a person joins the team, then they can vote; when they leave, they cannot', async () => {
    const [resource] = await storedResources(harness, plc.pk);
    await harness.post(teamMembersChanged(nia, harness.serviceUrl, channel.teamId, { added: [outsider] }));
    expect(cardText(await channel.press(outsider, 'plc.useful', { plcId: plc.pk, resourceId: resource!.id }))).toContain('1 person found this useful');
    await harness.post(teamMembersChanged(nia, harness.serviceUrl, channel.teamId, { removed: [outsider] }));
    expect(cardText(await channel.press(outsider, 'plc.useful', { plcId: plc.pk, resourceId: resource!.id }))).toContain('Only members of this learning community');
    expect((await storedResources(harness, plc.pk))[0]!.useful).toBe(1);
  });
});
