import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardsIn, cardText, invokeCard } from '../../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { userKey } from '../../../bot/users/user-record';
import { issueJoinCode } from '../../../bot/plc/plc-joining';
import { plcStoreOf } from '../../../bot/plc/plc-repository';
import type { Plc } from '../../../bot/plc/plc-record';
import { linkedTeam, personDocuments, storedPlc, TeamChannel } from './plc-fixture';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-2222-3333-4444-555555555555';
const nia = teamsUser({ aadObjectId: 'eeeeeeee-0000-4000-8000-000000000001', name: 'Nia Castell', tenantId: TENANT });
const bryn = teamsUser({ aadObjectId: 'eeeeeeee-0000-4000-8000-000000000002', name: 'Bryn Afon', tenantId: TENANT });
const guesser = teamsUser({ aadObjectId: 'eeeeeeee-0000-4000-8000-000000000003', name: 'Guesser', tenantId: TENANT });
const foreign = teamsUser({ aadObjectId: 'eeeeeeee-0000-4000-8000-000000000004', name: 'Other Org', tenantId: OTHER_TENANT });
const CODE = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;

describe('a PLC across two schools, joined with a code', () => {
  const harness = new BotHarness();
  let home: TeamChannel;
  let afon: TeamChannel;
  let plc: Plc;
  const personalPress = async (user: TeamsUser, verb: string, data: Record<string, unknown>) => invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const codeFromOwner = async (): Promise<string> => {
    await harness.post(message(nia, harness.serviceUrl, 'hello'));
    harness.connector.clear();
    await harness.post(message(nia, harness.serviceUrl, 'join code'));
    const [list] = cardsIn(harness.connector.sent);
    const ask = actionsOf(list!, 'plc.code')[0]!;
    const card = await personalPress(nia, ask.verb, ask.data);
    return CODE.exec(cardText(card))![0];
  };
  beforeAll(async () => {
    await harness.start();
    const castell = await linkedTeam(harness, TENANT, 'Ysgol y Castell', [nia]);
    const afonTeam = await linkedTeam(harness, TENANT, 'Ysgol yr Afon', [bryn]);
    home = new TeamChannel(harness, '19:plc-castell@thread.tacv2', castell.teamId);
    afon = new TeamChannel(harness, '19:plc-afon@thread.tacv2', afonTeam.teamId);
    await home.press(nia, 'plc.make', { plcName: 'Rhifedd', keyAreas: 'literacy-numeracy', plcLanguage: 'en' });
    plc = (await storedPlc(harness, TENANT, home.channelId))!;
  });
  afterAll(() => harness.stop());

  it('when an owner asks for a join code in the channel, then the channel is told to ask in the one-to-one chat, and no code is shown there', async () => {
    const [card] = await home.say(nia, 'join code');
    expect(cardText(card!)).toContain('Ask for a join code in your one-to-one chat');
    expect(cardText(card!)).not.toMatch(CODE);
  });

  it('when a wrong code is typed five times in a channel, then it is refused, and a sixth try within the hour is refused as too many even with a real code', async () => {
    const guessing = new TeamChannel(harness, '19:plc-guess@thread.tacv2', (await linkedTeam(harness, TENANT, 'Ysgol Dyfalu', [guesser])).teamId);
    for (let i = 0; i < 5; i += 1) expect(cardText((await guessing.say(guesser, `join ABCD-EFGH-JKMN-PQR${i}`))[0]!)).toContain('That code is not right');
    const real = await codeFromOwner();
    expect(cardText((await guessing.say(guesser, `join ${real}`))[0]!)).toContain('Too many wrong codes');
    expect(await storedPlc(harness, TENANT, guessing.channelId)).toBeUndefined();
  });

  it('when a code is typed in a team linked to no school, in another tenant, or after it expired, then it is refused and nothing joins', async () => {
    const real = await codeFromOwner();
    const unlinked = new TeamChannel(harness, '19:plc-unlinked@thread.tacv2', '19:no-school@thread.tacv2');
    expect(cardText((await unlinked.say(bryn, `join ${real}`))[0]!)).toContain('not linked to a school');
    const elsewhere = new TeamChannel(harness, '19:plc-foreign@thread.tacv2', (await linkedTeam(harness, OTHER_TENANT, 'Ysgol Arall', [foreign])).teamId);
    expect(cardText((await elsewhere.say(foreign, `join ${real}`))[0]!)).toContain('That code is not right');
    const old = await issueJoinCode(plcStoreOf(harness.bot!.store), plc, nia.aadObjectId, new Date(Date.now() - 25 * 60 * 60 * 1000));
    expect(cardText((await afon.say(bryn, `join ${old}`))[0]!)).toContain('That code has expired');
    expect((await storedPlc(harness, TENANT, home.channelId))!.channels).toHaveLength(1);
  });

  it("when someone in another school's channel types the code, then the owner is asked; once approved, the channel is part of the PLC, its team are members, the code cannot be used again, and a share goes to both channels", async () => {
    const real = await codeFromOwner();
    const from = harness.connector.sent.length;
    expect(cardText((await afon.say(bryn, `ymuno ${real.toLowerCase()}`))[0]!)).toContain('the owners of “Rhifedd” have been asked to approve this channel');
    await harness.connector.waitFor(from + 2);
    const askCard = cardsIn(harness.connector.sent.slice(from).filter((s) => s.conversationId === `a:personal-${nia.aadObjectId}`))[0]!;
    const approve = actionsOf(askCard, 'plc.approveJoin')[0]!;
    expect(cardText(await personalPress(bryn, approve.verb, approve.data))).toContain('Only the owners');
    expect(cardText(await personalPress(nia, approve.verb, approve.data))).toContain('the channel is now part of “Rhifedd”');
    expect((await storedPlc(harness, TENANT, home.channelId))!.channels.map((c) => c.channelId)).toEqual([home.channelId, afon.channelId]);
    expect(await personDocuments(harness, userKey(bryn))).toEqual([expect.objectContaining({ kind: 'plc-member', plcId: plc.pk })]);
    expect(cardText((await afon.say(bryn, `join ${real}`))[0]!)).toMatch(/already a learning community|already been used|used already/);
    const before = harness.connector.sent.length;
    await afon.say(bryn, 'share https://hwb.gov.wales/numeracy-games Games for number bonds');
    await harness.connector.waitFor(before + 2);
    const places = harness.connector.sent.slice(before).filter((s) => s.method === 'POST').map((s) => s.conversationId);
    expect(places.sort()).toEqual([afon.channelId, home.channelId].sort());
  });

  it("when an owner looks at the settings, then the joined school's channel is listed; removed by an owner (not by anyone else), it is no longer part of the PLC", async () => {
    const [settings] = await home.say(nia, 'PLC');
    expect(cardText(settings!)).toContain('Channels of other schools that joined');
    const remove = actionsOf(settings!, 'plc.removeChannel')[0]!;
    expect(remove.title).toBe('Remove Ysgol yr Afon');
    expect(cardText(await afon.press(bryn, remove.verb, remove.data))).toContain('Only the owners');
    expect(cardText(await home.press(nia, remove.verb, remove.data))).toContain('Removed: the channel of Ysgol yr Afon is no longer part of the community');
    expect((await storedPlc(harness, TENANT, home.channelId))!.channels.map((c) => c.channelId)).toEqual([home.channelId]);
    expect(cardText((await afon.say(bryn, 'share https://hwb.gov.wales/more'))[0]!)).toContain('This channel is not a learning community yet');
  });
});
