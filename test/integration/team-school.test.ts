import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { appointSchoolAdmin, registerSchools, school } from '../support/school-register-fixture';
import { cardAction, inChannel, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { teamSchoolCollection, teamSchoolId } from '../../bot/register/team-school';
import { auditCollection, auditPartition } from '../../bot/audit/audit-record';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CHANNEL = '19:castell-staff@thread.tacv2';
const castellHead = teamsUser({ aadObjectId: 'd0d0d0d0-1111-4222-8333-444455550001', name: 'Pennaeth Castell', tenantId: TENANT });
const brynHead = teamsUser({ aadObjectId: 'd0d0d0d0-1111-4222-8333-444455550002', name: 'Pennaeth Bryn', tenantId: TENANT });
const staff = teamsUser({ aadObjectId: 'd0d0d0d0-1111-4222-8333-444455550003', name: 'Aelod Staff', tenantId: TENANT });

describe("linking a team to its school, from the team's own channel", () => {
  const harness = new BotHarness();
  const ids = new Map<string, string>();
  beforeAll(async () => {
    await harness.start();
    for (const [name, entry] of await registerSchools(harness.bot!.store, TENANT, [school('Ysgol y Castell'), school('Ysgol y Bryn')])) ids.set(name, entry.id);
    await appointSchoolAdmin(harness.bot!.store, TENANT, ids.get('Ysgol y Castell')!, castellHead.aadObjectId);
    await appointSchoolAdmin(harness.bot!.store, TENANT, ids.get('Ysgol y Bryn')!, brynHead.aadObjectId);
  });
  afterAll(() => harness.stop());

  const inTeam = (user: TeamsUser, activity: Record<string, unknown>) => inChannel(activity, user, CHANNEL);
  const say = async (user: TeamsUser, text: string) => {
    harness.connector.clear();
    await harness.post(inTeam(user, message(user, harness.serviceUrl, text)));
    return cardsIn(harness.connector.sent)[0]!;
  };
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Card> =>
    invokeCard(await harness.post(inTeam(user, cardAction(user, harness.serviceUrl, verb, data))));
  const link = async () => (await harness.bot!.store.collection(teamSchoolCollection).read(teamSchoolId(CHANNEL), TENANT))?.value;
  const latestAudit = async () =>
    (await harness.bot!.store.collection(auditCollection).findPageDescending(auditPartition(TENANT), { kind: 'audit' }, { orderBy: 'id', limit: 1 }))[0]?.value;

  it("when a school's administrator types link school in the team's channel and picks their school, then the team belongs to it, and the act is audited", async () => {
    const card = await say(castellHead, 'link school');
    expect(cardText(card)).toContain('This team is not linked to a school yet');
    const pick = actionsOf(card, 'schools.linkTeam').find((a) => a.data.schoolId === ids.get('Ysgol y Castell'))!;
    // Only the schools they administer are offered.
    expect(actionsOf(card, 'schools.linkTeam').map((a) => a.data.schoolId).filter(Boolean)).toEqual([ids.get('Ysgol y Castell')]);
    expect(cardText(await act(castellHead, pick.verb, pick.data))).toContain('Done: this team now belongs to Ysgol y Castell.');
    expect(await link()).toMatchObject({ teamId: CHANNEL, schoolId: ids.get('Ysgol y Castell'), linkedBy: castellHead.aadObjectId });
    expect(await latestAudit()).toMatchObject({ action: 'team.link', outcome: 'done', role: 'school-admin' });
  });

  it("when another school's administrator or a member of staff tries to take the team or unlink it, then they are refused, the link stays, and each refusal is audited", async () => {
    const before = await link();
    expect(cardText(await act(brynHead, 'schools.linkTeam', { schoolId: ids.get('Ysgol y Bryn') }))).toContain('You are not an administrator of that school');
    expect(await latestAudit()).toMatchObject({ actor: brynHead.aadObjectId, action: 'team.link', outcome: 'refused', reason: 'not-your-school' });
    expect(cardText(await act(staff, 'schools.linkTeam', { schoolId: ids.get('Ysgol y Castell') }))).toContain('You are not an administrator of that school');
    expect(cardText(await say(brynHead, 'unlink school'))).toContain('You are not an administrator of that school');
    expect(cardText(await say(staff, 'link school'))).toContain('Only Cefnogi administrators');
    expect(await link()).toEqual(before);
  });

  it('when the school administrator unlinks it, then the team belongs to no school; typed in a personal chat, the command says where to type it', async () => {
    expect(cardText(await say(castellHead, 'datgysylltu ysgol'))).toContain('This team no longer belongs to Ysgol y Castell.');
    expect(await link()).toBeUndefined();
    harness.connector.clear();
    await harness.post(message(castellHead, harness.serviceUrl, 'link school'));
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('Type this in a channel of the team');
  });
});
