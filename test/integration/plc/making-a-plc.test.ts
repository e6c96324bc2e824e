import cy from '../../../bot/i18n/cy.json';
import en from '../../../bot/i18n/en.json';
import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardsIn, cardText } from '../../support/cards-in';
import { botAddedToTeam, teamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { userKey } from '../../../bot/users/user-record';
import { linkedTeam, personDocuments, storedPlc, TeamChannel, teamMembersChanged } from './plc-fixture';

const TENANT = '11111111-2222-3333-4444-555555555555';
const maker = teamsUser({ aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'Nia Maker', tenantId: TENANT });
const colleague = teamsUser({ aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'Dafydd Jones', tenantId: TENANT, locale: 'cy-GB' });
const newcomer = teamsUser({ aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000003', name: 'Newydd', tenantId: TENANT });

describe('making a channel a professional learning community', () => {
  const harness = new BotHarness();
  let channel: TeamChannel;
  let unlinked: TeamChannel;
  beforeAll(async () => {
    await harness.start();
    const { teamId } = await linkedTeam(harness, TENANT, 'Ysgol y Plc', [maker, colleague]);
    channel = new TeamChannel(harness, '19:plc-reading@thread.tacv2', teamId);
    unlinked = new TeamChannel(harness, '19:plc-elsewhere@thread.tacv2', '19:unlinked-team@thread.tacv2');
  });
  afterAll(() => harness.stop());

  it('when PLC is typed in a channel of a team linked to no school, then a card says a school administrator must link it first, and nothing is made', async () => {
    const [card] = await unlinked.say(maker, 'PLC');
    expect(cardText(card!)).toContain('This team is not linked to a school yet');
    expect(await storedPlc(harness, TENANT, unlinked.channelId)).toBeUndefined();
  });

  it('when the form is sent without a name, then it comes back with the problem marked and the key areas still chosen; nothing is made', async () => {
    const [form] = await channel.say(maker, 'cymuned ddysgu');
    expect(cardProblems(form!)).toEqual([]);
    expect(actionsOf(form!, 'plc.make')).toHaveLength(1);
    const back = await channel.press(maker, 'plc.make', { plcName: '  ', keyAreas: 'communication,safeguarding', plcLanguage: 'both' });
    expect(cardText(back)).toContain('Give the community a name');
    expect(JSON.stringify(back)).toContain('communication,safeguarding');
    expect(await storedPlc(harness, TENANT, channel.channelId)).toBeUndefined();
  });

  it('when a tampered key area is sent, then the form says to choose key areas and nothing is made', async () => {
    const back = await channel.press(maker, 'plc.make', { plcName: 'Darllen', keyAreas: 'communication,<script>', plcLanguage: 'cy' });
    expect(cardText(back)).toContain('Choose at least one key area');
    expect(await storedPlc(harness, TENANT, channel.channelId)).toBeUndefined();
  });

  it("when the form is filled in, then the channel is a PLC of the team's school, its members are the team's members, and PLC typed again says so", async () => {
    const done = await channel.press(maker, 'plc.make', { plcName: 'Cefnogi darllen', keyAreas: 'communication,literacy-numeracy', plcLanguage: 'both' });
    expect(cardText(done)).toContain('this channel is now the learning community “Cefnogi darllen”');
    const plc = await storedPlc(harness, TENANT, channel.channelId);
    expect(plc).toMatchObject({ name: 'Cefnogi darllen', keyAreas: ['communication', 'literacy-numeracy'], language: 'both', owners: [maker.aadObjectId], status: 'open' });
    expect(await personDocuments(harness, userKey(colleague))).toEqual([expect.objectContaining({ kind: 'plc-member', plcId: plc!.pk })]);
    expect(await personDocuments(harness, userKey(newcomer))).toEqual([]);
    const [again] = await channel.say(colleague, 'PLC');
    expect(cardText(again!)).toContain('Mae\'r sianel hon eisoes yn gymuned ddysgu “Cefnogi darllen”');
  });

  it('when someone joins the team and another leaves it, then the first becomes a member of its PLC and the second is no longer one', async () => {
    const plc = (await storedPlc(harness, TENANT, channel.channelId))!;
    await harness.post(teamMembersChanged(maker, harness.serviceUrl, channel.teamId, { added: [newcomer], removed: [colleague] }));
    expect(await personDocuments(harness, userKey(newcomer))).toEqual([expect.objectContaining({ kind: 'plc-member', plcId: plc.pk })]);
    expect(await personDocuments(harness, userKey(colleague))).toEqual([]);
  });
});

describe('finding the PLC commands', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('when help is typed in a team channel, then the card lists PLC, share and library; in Welsh, cymuned ddysgu, rhannu and llyfrgell', async () => {
    const channel = new TeamChannel(harness, '19:help-channel@thread.tacv2', '19:help-team@thread.tacv2');
    const [english] = await channel.say(maker, 'help');
    expect(cardText(english!)).toEqual(expect.stringContaining('share <link> <note>'));
    expect(cardText(english!)).toContain('library');
    const [welsh] = await channel.say(colleague, 'help');
    expect(cardText(welsh!)).toContain('cymuned ddysgu');
    expect(cardText(welsh!)).toContain('rhannu <dolen> <nodyn>');
  });
});

describe('the team welcome offers a PLC', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('when Cefnogi is added to a team of a linked school, then its welcome has a short button in both languages that opens the PLC form', async () => {
    const { teamId } = await linkedTeam(harness, TENANT, 'Ysgol Croeso', [maker]);
    harness.connector.clear();
    await harness.post(botAddedToTeam(maker, harness.serviceUrl, teamId));
    const [welcome] = cardsIn(harness.connector.sent);
    const button = actionsOf(welcome!, 'plc.start')[0]!;
    expect(button.title).toBe("Troi'n gymuned ddysgu / Make a PLC");
    // No longer than the welcome's other button, which shows whole in a channel.
    expect(button.title.length).toBeLessThanOrEqual(`${cy.helpCards.openChat} / ${en.helpCards.openChat}`.length);
    const channel = new TeamChannel(harness, teamId, teamId);
    expect(cardText(await channel.press(maker, button.verb, button.data))).toContain('Make this channel a professional learning community');
  });
});
