import { createAuditLog } from '../../bot/audit/audit-log';
import { rolesCollection, rolesPartition } from '../../bot/roles/role-record';
import { createSchoolRegister } from '../../bot/register/school-register';
import { BotHarness } from '../support/bot-harness';
import { deliveredByPerson } from '../support/delivered-notices';
import { actionsOf } from '../support/card-actions';
import { cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

/** Monday 14 December 2026, 13:00 in Wales: a school day, when notices may go. */
let clock = new Date('2026-12-14T13:00:00Z');
const tick = () => void (clock = new Date(clock.getTime() + 60_000));
const TENANT = '11111111-2222-3333-4444-555555555555';
const person = (name: string, locale = 'en-GB') => teamsUser({ name, locale, tenantId: TENANT });
const orgAdmin = person('Olwen Organisation');
const orgAdminCy = person('Owain Sefydliad', 'cy-GB');
const laAdmin = person('Llew Awdurdod', 'cy-GB');
const schoolAdmin = person('Siân Castell');
const colleague = person('Cai Castell');
const outsider = person('Osian Outsider');
const school = (number: string, name: string, laId: string) => ({ number, name, laId, sector: 'primary' as const, languageCategory: 'welsh-medium' as const, open: true });

describe('appointing and removing administrators, over HTTP as Teams sends it', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${orgAdmin.aadObjectId},${TENANT}:${orgAdminCy.aadObjectId}` });
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> => {
    tick();
    return invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  };
  const roles = async () =>
    (await harness.bot!.store.collection(rolesCollection).findInPartition(rolesPartition(TENANT), { kind: 'role' })).map((r) => `${r.value.id}@${r.etag}`).sort();
  const latestAudit = async () => (await createAuditLog(harness.bot!.store).page(TENANT, {}))[0];

  /** The notices delivered to each person since the last call, as text. */
  const delivered = () => deliveredByPerson(harness, clock);

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await createSchoolRegister(harness.bot!.store).save(
      TENANT,
      [school('6811111', 'Ysgol y Castell', 'cardiff'), school('6811112', 'Ysgol y Bryn', 'cardiff'), school('6811113', 'Ysgol y Dyffryn', 'cardiff'), school('6822222', 'Ysgol y Môr', 'swansea')],
      'test',
      clock,
    );
    for (const u of [orgAdmin, laAdmin, schoolAdmin, colleague, outsider]) await harness.post(message(u, harness.serviceUrl, 'help'));
  });
  afterAll(() => harness.stop());

  it('when an organisation administrator appoints an LA administrator, who appoints a school administrator, who appoints a colleague, then each is told in their own language and each sees their own scope', async () => {
    expect(cardText(await act(orgAdmin, 'roles.appoint', { person: laAdmin.aadObjectId.toUpperCase(), role: 'la-admin', laId: 'Cardiff' }))).toContain('Llew Awdurdod is now a local-authority administrator for Cardiff.');
    expect(cardText(await act(laAdmin, 'roles.appoint', { person: schoolAdmin.aadObjectId, role: 'school-admin', school: '6811111' }))).toContain('Mae Siân Castell bellach yn weinyddwr ysgol ar gyfer Ysgol y Castell.');
    const card = await act(schoolAdmin, 'roles.appoint', { person: colleague.aadObjectId, school: 'wg-6811111' });
    expect(cardText(card)).toContain('Cai Castell is now a school administrator for Ysgol y Castell.');
    expect(cardProblems(card)).toEqual([]);

    const told = await delivered();
    expect(told.get(laAdmin.aadObjectId)).toEqual([expect.stringContaining('Mae Olwen Organisation wedi eich gwneud yn weinyddwr awdurdod lleol ar gyfer Caerdydd.')]);
    expect(told.get(schoolAdmin.aadObjectId)).toEqual([expect.stringContaining('Llew Awdurdod made you a school administrator for Ysgol y Castell.')]);
    expect(told.get(colleague.aadObjectId)).toEqual([expect.stringContaining('Siân Castell made you a school administrator for Ysgol y Castell.')]);

    // A stranger to Cefnogi can be appointed; their name waits until they come.
    const stranger = person('Newydd Sbon');
    expect(cardText(await act(orgAdmin, 'roles.appoint', { person: stranger.aadObjectId, school: 'wg-6822222' }))).toContain('Name not known yet');
    await harness.post(message(stranger, harness.serviceUrl, 'help'));
    const all = await act(orgAdmin, 'roles.show');
    expect(cardText(all)).toContain('Newydd Sbon');
    for (const name of ['Llew Awdurdod', 'Siân Castell', 'Cai Castell']) expect(cardText(all)).toContain(name);

    const mine = await act(schoolAdmin, 'roles.show');
    expect(cardText(mine)).not.toContain('Llew Awdurdod');
    expect(cardText(mine)).not.toContain('Newydd Sbon');
    const removes = actionsOf(mine, 'roles.remove');
    expect(removes.map((r) => r.data.personId)).toEqual([colleague.aadObjectId]);
    expect(JSON.stringify(mine)).toContain('"tooltip":"Remove Cai Castell: School administrator, Ysgol y Castell"');
    const theirs = cardText(await act(laAdmin, 'roles.show'));
    expect(theirs).toContain('Siân Castell');
    expect(theirs).not.toContain('Newydd Sbon');
    // Only organisation administrators are offered the local-authority role.
    expect(JSON.stringify(await act(laAdmin, 'roles.show'))).not.toContain('"id":"role"');
    expect(JSON.stringify(all)).toContain('"id":"role"');
  });

  const refusals: [string, () => TeamsUser, string, Record<string, unknown>, string, string][] = [
    ["an LA administrator appoints for another authority's school", () => laAdmin, 'roles.appoint', { person: outsider.aadObjectId, school: '6822222' }, 'not-your-school', 'Nid ydych chi'],
    ['a school administrator appoints for another school', () => schoolAdmin, 'roles.appoint', { person: outsider.aadObjectId, school: 'wg-6811112' }, 'not-your-school', 'You are not an administrator of that school'],
    ['a school administrator appoints themselves', () => schoolAdmin, 'roles.appoint', { person: schoolAdmin.aadObjectId, school: 'wg-6811111' }, 'self', 'You cannot give yourself a role'],
    ['an LA administrator appoints another LA administrator', () => laAdmin, 'roles.appoint', { person: outsider.aadObjectId, role: 'la-admin', laId: 'cardiff' }, 'not-tenant-admin', 'Dim ond gweinyddwyr'],
    ['someone with no role removes an administrator', () => outsider, 'roles.remove', { role: 'school-admin', scopeId: 'wg-6811111', personId: colleague.aadObjectId }, 'not-your-school', 'You are not an administrator of that school'],
    ['someone with no role opens the roles card', () => outsider, 'roles.show', {}, 'not-an-admin', 'Only Cefnogi administrators'],
  ];
  it.each(refusals)('when %s, then it is refused, nothing is written, and the refusal is audited', async (_name, who, verb, data, reason, words) => {
    const before = await roles();
    const card = await act(who(), verb, data);
    expect(cardText(card)).toContain(words);
    expect(cardProblems(card)).toEqual([]);
    expect(await roles()).toEqual(before);
    expect(await latestAudit()).toMatchObject({ outcome: 'refused', reason, actor: who().aadObjectId });
  });

  it("when a school's only administrator removes themselves, then it is refused, and their LA administrator can remove them", async () => {
    const solo = person('Sol Dyffryn');
    await harness.post(message(solo, harness.serviceUrl, 'help'));
    await act(laAdmin, 'roles.appoint', { person: solo.aadObjectId, school: '6811113' });
    const before = await roles();
    const refused = await act(solo, 'roles.remove', { role: 'school-admin', scopeId: 'wg-6811113', personId: solo.aadObjectId });
    expect(cardText(refused)).toContain("This is the school's last administrator");
    expect(actionsOf(refused, 'roles.remove')).toEqual([]);
    expect(await roles()).toEqual(before);
    expect(await latestAudit()).toMatchObject({ outcome: 'refused', reason: 'last-admin', action: 'roles.removeSchoolAdmin' });

    const button = actionsOf(await act(laAdmin, 'roles.show'), 'roles.remove').find((r) => r.data.personId === solo.aadObjectId);
    expect(button).toBeDefined();
    await delivered();
    expect(cardText(await act(laAdmin, button!.verb, button!.data))).toContain('Nid yw Sol Dyffryn yn weinyddwr ysgol ar gyfer Ysgol y Dyffryn mwyach.');
    expect((await roles()).length).toBe(before.length - 1);
    expect(await latestAudit()).toMatchObject({ outcome: 'done', action: 'roles.removeSchoolAdmin', role: 'la-admin', laId: 'cardiff' });
    expect((await delivered()).get(solo.aadObjectId)).toEqual([expect.stringContaining('Llew Awdurdod removed you as a school administrator for Ysgol y Dyffryn.')]);
    // Pressing Remove again changes nothing.
    expect(cardText(await act(laAdmin, button!.verb, button!.data))).toContain('Roedd y penodiad hwnnw eisoes wedi dod i ben');
  });

  it('when a submitted appointment has a bad person or school, then the form comes back with what was typed and the problem marked, and nothing is written', async () => {
    const before = await roles();
    const card = await act(schoolAdmin, 'roles.appoint', { person: 'not-a-guid', school: 'Ysgol y Castell' });
    expect(cardText(card)).toContain('Choose a person from your organisation.');
    expect(JSON.stringify(card)).toContain('"value":"Ysgol y Castell"');
    expect(cardText(await act(schoolAdmin, 'roles.appoint', { person: outsider.aadObjectId, school: '  ' }))).toContain("Type the school's name or its 7-digit number.");
    // Another school's name finds nothing for a school administrator: names are looked up among their own schools.
    const foreign = await act(schoolAdmin, 'roles.appoint', { person: outsider.aadObjectId, school: 'Ysgol y Bryn' });
    expect(cardText(foreign)).toContain('None of the schools you administer has that name');
    expect(JSON.stringify(foreign)).toContain('"value":"Ysgol y Bryn"');
    expect(cardText(await act(laAdmin, 'roles.appoint', { person: outsider.aadObjectId, school: 'ysgol y' }))).toContain("Mae mwy nag un o'ch ysgolion yn cyfateb");
    expect(await roles()).toEqual(before);
  });

  it('when an administrator types part of a school name, mutated, that matches one of their schools, then the appointment is made for that school', async () => {
    const helper = person('Heledd Dyffryn');
    await harness.post(message(helper, harness.serviceUrl, 'help'));
    const card = await act(laAdmin, 'roles.appoint', { person: helper.aadObjectId, school: 'nyffryn' });
    expect(cardText(card)).toContain('Mae Heledd Dyffryn bellach yn weinyddwr ysgol ar gyfer Ysgol y Dyffryn.');
    expect(await latestAudit()).toMatchObject({ outcome: 'done', action: 'roles.appointSchoolAdmin', target: { kind: 'person', id: helper.aadObjectId }, laId: 'cardiff' });
  });

  it('when a school card opens the roles card for a school, then the school is filled in', async () => {
    expect(JSON.stringify(await act(laAdmin, 'roles.show', { schoolId: 'wg-6811112' }))).toContain('"value":"wg-6811112"');
  });

  it('when more than 20 appointments are in scope, then the card pages and stays under 80 KB with the longest names, in both languages', async () => {
    const store = harness.bot!.store.collection(rolesCollection);
    await createSchoolRegister(harness.bot!.store).save(TENANT, [school('6899999', 'Y'.repeat(120), 'powys')], 'test', clock);
    for (let i = 0; i < 25; i += 1) {
      const id = `cccccccc-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`;
      await store.create({ id: `school-admin:wg-6899999:${id}`, pk: rolesPartition(TENANT), kind: 'role', tenantId: TENANT, role: 'school-admin', scopeId: 'wg-6899999', aadObjectId: id, name: `${'Ŵ'.repeat(99)}${i % 10}`, appointedBy: 'test', appointedAt: clock.toISOString() });
    }
    for (const [reader, remove] of [[orgAdmin, 'Remove'], [orgAdminCy, 'Tynnu']] as const) {
      const answer = await harness.post(cardAction(reader, harness.serviceUrl, 'roles.show', {}));
      const card = invokeCard(answer);
      expect(actionsOf(card, 'roles.remove')[0]?.title).toBe(remove);
      expect(cardProblems(card)).toEqual([]);
      expect(actionsOf(card, 'roles.remove').length).toBe(20);
      expect(Buffer.byteLength(JSON.stringify(answer.body), 'utf16le')).toBeLessThan(80 * 1024);
      if (process.env.CEFNOGI_FIGURES === '1') console.log(`roles card, 20 rows, longest names (${reader.locale}): ${Buffer.byteLength(JSON.stringify(answer.body), 'utf16le')} bytes UTF-16`);
      const next = actionsOf(card, 'roles.show').find((a) => a.data.page !== undefined);
      expect(next).toBeDefined();
      const second = await act(reader, next!.verb, next!.data);
      expect(actionsOf(second, 'roles.show').some((a) => Number(a.data.page) === 1)).toBe(true);
    }
  });
});
