import { BotHarness } from '../../support/bot-harness';
import { cardText } from '../../support/cards-in';
import { teamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { linkedTeam, storedPlc, storedResources, TeamChannel } from './plc-fixture';
import type { Plc } from '../../../bot/plc/plc-record';

const TENANT = '11111111-2222-3333-4444-555555555555';
const owner = teamsUser({ aadObjectId: 'cccccccc-0000-4000-8000-000000000001', name: 'Owain Owner', tenantId: TENANT });
const coOwner = teamsUser({ aadObjectId: 'cccccccc-0000-4000-8000-000000000002', name: 'Catrin Co', tenantId: TENANT });
const member = teamsUser({ aadObjectId: 'cccccccc-0000-4000-8000-000000000003', name: 'Mari Member', tenantId: TENANT });

describe("a PLC's owners", () => {
  const harness = new BotHarness();
  let channel: TeamChannel;
  let plc: Plc;
  beforeAll(async () => {
    await harness.start();
    const { teamId } = await linkedTeam(harness, TENANT, 'Ysgol Perchnogion', [owner, coOwner, member]);
    channel = new TeamChannel(harness, '19:plc-owners@thread.tacv2', teamId);
    await channel.press(owner, 'plc.make', { plcName: 'Lles', keyAreas: 'safeguarding', plcLanguage: 'en', coOwners: coOwner.aadObjectId });
    plc = (await storedPlc(harness, TENANT, channel.channelId))!;
    const from = harness.connector.sent.length;
    await channel.say(member, 'share https://hwb.gov.wales/wellbeing Worth a look');
    await harness.connector.waitFor(from + 1);
  });
  afterAll(() => harness.stop());

  it('when the maker names a co-owner, then both are owners; an owner typing PLC gets the settings card', async () => {
    expect(plc.owners).toEqual([owner.aadObjectId, coOwner.aadObjectId]);
    const [settings] = await channel.say(coOwner, 'PLC');
    expect(cardProblems(settings!)).toEqual([]);
    expect(cardText(settings!)).toContain('Settings of “Lles”');
  });

  it('when a member who is not an owner renames, removes a resource or closes, then they are told only owners can, and nothing changes', async () => {
    const [resource] = await storedResources(harness, plc.pk);
    expect(cardText(await channel.press(member, 'plc.rename', { plcId: plc.pk, plcName: 'Mine now' }))).toContain('Only the owners');
    expect(cardText(await channel.press(member, 'plc.remove', { plcId: plc.pk, resourceId: resource!.id }))).toContain('Only the owners');
    expect(cardText(await channel.press(member, 'plc.close', { plcId: plc.pk }))).toContain('Only the owners');
    expect(await storedPlc(harness, TENANT, channel.channelId)).toEqual(plc);
    expect(await storedResources(harness, plc.pk)).toHaveLength(1);
  });

  it('when an owner renames with an empty name, then the card marks the problem and keeps the name; with a name, the PLC is renamed', async () => {
    expect(cardText(await channel.press(owner, 'plc.rename', { plcId: plc.pk, plcName: ' ' }))).toContain('Give the community a name');
    expect((await storedPlc(harness, TENANT, channel.channelId))!.name).toBe('Lles');
    expect(cardText(await channel.press(owner, 'plc.rename', { plcId: plc.pk, plcName: 'Lles a diogelu' }))).toContain('Renamed: the community is now “Lles a diogelu”');
    expect((await storedPlc(harness, TENANT, channel.channelId))!.name).toBe('Lles a diogelu');
  });

  it("when an owner removes a resource, then it leaves the library and its card in the channel is replaced by a line saying so", async () => {
    const [resource] = await storedResources(harness, plc.pk);
    const from = harness.connector.sent.length;
    expect(cardText(await channel.press(coOwner, 'plc.remove', { plcId: plc.pk, resourceId: resource!.id }))).toContain('is no longer in the library');
    expect(await storedResources(harness, plc.pk)).toEqual([]);
    await harness.connector.waitFor(from + 1);
    const replaced = harness.connector.sent.slice(from).find((s) => s.method === 'PUT');
    expect(JSON.stringify(replaced?.activity)).toContain('removed by an owner');
  });

  it('when an owner closes the PLC, then nobody can share or vote in it, and its library can still be read', async () => {
    expect(cardText(await channel.press(owner, 'plc.close', { plcId: plc.pk }))).toContain('The community is closed');
    const [refused] = await channel.say(member, 'share https://hwb.gov.wales/another');
    expect(cardText(refused!)).toContain('This learning community is closed');
    expect(await storedResources(harness, plc.pk)).toEqual([]);
    const [library] = await channel.say(member, 'library');
    expect(cardText(library!)).toContain('Library of Lles a diogelu');
  });
});
