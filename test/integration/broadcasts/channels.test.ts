import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardText } from '../../support/cards-in';
import { botAddedToTeam, cardAction, inChannel } from '../../support/teams-activities';
import { invokeCard } from '../../support/cards-in';
import { createSchoolRegister } from '../../../bot/register/school-register';
import { teamSchoolCollection, teamSchoolId } from '../../../bot/register/team-school';
import { act, deliver, form, person, say, seed, SCHOOLS, storedReads, TENANT } from './broadcast-fixture';

const clock = new Date('2026-12-14T13:00:00Z'); // a Monday, 13:00 in Wales
const orgAdmin = person('Olwen Organisation');
const gethin = person('Gethin Castell');
const castellTeam = '19:castell-staff@thread.tacv2';
const otherTeam = '19:mor-staff@thread.tacv2';

describe("broadcasts to the General channel of each chosen school's linked team (over HTTP)", () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${orgAdmin.aadObjectId}` });

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await seed(harness, () => clock, [{ user: gethin, schoolNumber: SCHOOLS.castell }]);
    await say(harness, orgAdmin, 'help');
    const catalogue = await createSchoolRegister(harness.bot!.store).catalogue(TENANT);
    const links = harness.bot!.store.collection(teamSchoolCollection);
    for (const [teamId, number] of [[castellTeam, SCHOOLS.castell], [otherTeam, SCHOOLS.mor]] as const) {
      await harness.post(botAddedToTeam(gethin, harness.serviceUrl, teamId));
      const schoolId = catalogue.find((s) => s.number === number)!.id;
      await links.create({ id: teamSchoolId(teamId), pk: TENANT, kind: 'team-school', tenantId: TENANT, teamId, schoolId, linkedBy: orgAdmin.aadObjectId, linkedAt: clock.toISOString() });
    }
  });
  afterAll(() => harness.stop());

  it('when a broadcast to one school also asks for channels, then it goes to that school\'s team channel and its people, not another school\'s team; anyone in the channel can read it in Welsh and confirm', async () => {
    const preview = await act(harness, orgAdmin, 'broadcast.preview', form({ channels: 'true' }));
    expect(cardText(preview)).toContain('Cefnogi knows 1 person in this audience');
    expect(cardText(preview)).toContain('It also goes to 1 team channel (');
    const send = actionsOf(preview, 'broadcast.send')[0]!;
    await act(harness, orgAdmin, 'broadcast.send', send.data);
    const got = await deliver(harness);
    expect([...got.keys()].sort()).toEqual([castellTeam, gethin.aadObjectId].sort());
    expect(cardText(got.get(castellTeam)![0]!)).toContain('New behaviour policy');

    const welsh = await harness.post(inChannel(cardAction(gethin, harness.serviceUrl, 'broadcast.show', { id: send.data.id, language: 'cy' }), gethin, `${castellTeam};messageid=1765717200000`));
    expect(cardText(invokeCard(welsh))).toContain('Polisi ymddygiad newydd');
    const other = await harness.post(inChannel(cardAction(gethin, harness.serviceUrl, 'broadcast.read', { id: send.data.id, language: 'en' }), gethin, otherTeam));
    expect(cardText(invokeCard(other))).toContain('This broadcast was not sent to you');
    expect(await storedReads(harness, String(send.data.id))).toHaveLength(0);
    const confirmed = await harness.post(inChannel(cardAction(gethin, harness.serviceUrl, 'broadcast.read', { id: send.data.id, language: 'en' }), gethin, `${castellTeam};messageid=1765717200000`));
    expect(cardText(invokeCard(confirmed))).toContain('You confirmed you read this');
    expect(await storedReads(harness, String(send.data.id))).toHaveLength(1);
  });
});
