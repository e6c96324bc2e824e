import { BotHarness } from '../support/bot-harness';
import { deliveredByPerson } from '../support/delivered-notices';
import { actionsOf, textInputValue } from '../support/card-actions';
import { press } from '../support/press-button';
import { cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';
import { appointSchoolAdmin, confirmedAt, registerSchools, school } from '../support/school-register-fixture';
import { auditCollection, auditPartition } from '../../bot/audit/audit-record';

/** Monday 14 December 2026, 13:00 in Wales: a school day, when notices may go. */
let clock = new Date('2026-12-14T13:00:00Z');
const later = (minutes: number) => void (clock = new Date(clock.getTime() + minutes * 60_000));
const CASTELL = 'Ysgol y Castell';
const BRYN = 'Ysgol y Bryn';

const adminCastell = teamsUser({ aadObjectId: 'a0a0a0a0-1111-4222-8333-444455550001', name: 'Ceri Admin' });
const adminBryn = teamsUser({ aadObjectId: 'a0a0a0a0-1111-4222-8333-444455550002', name: 'Bryn Admin' });
const person = (name: string, locale = 'en-GB') => teamsUser({ name, locale, tenantId: adminCastell.tenantId });

describe('importing line managers, over HTTP as Teams sends it', () => {
  const harness = new BotHarness();
  const schools = new Map<string, string>();
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const keyOf = (u: TeamsUser) => `${u.tenantId}:${u.aadObjectId}`;
  const userDoc = async (u: TeamsUser) => (await harness.bot!.store.users.read(keyOf(u), keyOf(u)))?.value;
  const linkOf = async (staff: TeamsUser, manager: TeamsUser) => (await harness.bot!.store.teamLinks.read(keyOf(staff), keyOf(manager)))?.value;
  const importCsv = async (admin: TeamsUser, rows: string[], schoolName = admin === adminBryn ? BRYN : CASTELL) =>
    act(admin, 'team.import', { csv: ['staff,manager', ...rows].join('\n'), schoolId: schools.get(schoolName) });
  const teamOf = async (manager: TeamsUser) => cardText(await act(manager, 'team.show'));

  /** The notices delivered to each person since the last call, as text. */
  const delivered = () => deliveredByPerson(harness, clock);

  async function joins(user: TeamsUser, school: string, lineManager?: TeamsUser): Promise<void> {
    await harness.post(message(user, harness.serviceUrl, 'help'));
    await act(user, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry', ...(lineManager ? { lineManager: lineManager.aadObjectId } : {}) });
    await confirmedAt(harness.bot!.store, user.tenantId, schools.get(school)!, user.aadObjectId);
    if (lineManager) expect(cardText(await act(lineManager, 'team.accept', { reportId: user.aadObjectId }))).toContain('Accepted');
  }

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    const tenant = adminCastell.tenantId;
    for (const [name, entry] of await registerSchools(harness.bot!.store, tenant, [school(CASTELL), school(BRYN)])) schools.set(name, entry.id);
    await appointSchoolAdmin(harness.bot!.store, tenant, schools.get(CASTELL)!, adminCastell.aadObjectId);
    await appointSchoolAdmin(harness.bot!.store, tenant, schools.get(BRYN)!, adminBryn.aadObjectId);
    await joins(adminCastell, CASTELL);
    await joins(adminBryn, BRYN);
  });
  afterAll(() => harness.stop());

  it('when an administrator imports for their school, then only pairs of known people at that school are linked, by id or email, and every other row is reported by its line and the value it is about', async () => {
    const manager = person('Eirian Price');
    const nia = person('Nia Roberts', 'cy-GB');
    const tomos = person('Tomos Hughes');
    const otherSchool = person('Siân Bryn');
    const otherManager = person('Rhys Bryn');
    const noProfile = person('Newydd Sbon');
    const ifan = person('Ifan Evans');
    const stranger = teamsUser().aadObjectId;
    const unknownManager = teamsUser().aadObjectId;
    harness.connector.emails.set(tomos.aadObjectId, 'tomos@ysgolycastell.example.wales');
    for (const u of [manager, nia, tomos, ifan]) await joins(u, CASTELL);
    await joins(otherSchool, BRYN);
    await joins(otherManager, BRYN);
    await harness.post(message(noProfile, harness.serviceUrl, 'help'));
    await delivered();
    const otherBefore = await harness.bot!.store.users.read(keyOf(otherSchool), keyOf(otherSchool));

    // A member of staff is no administrator: refused in their language, nothing written.
    expect(cardText(await act(nia, 'team.import', { csv: `${nia.aadObjectId},${manager.aadObjectId}`, schoolId: schools.get(CASTELL) }))).toContain("Nid ydych chi'n weinyddwr yr ysgol honno");
    const open = actionsOf(await act(adminCastell, 'school.show', { schoolId: schools.get(CASTELL) }), 'team.showImport')[0]!;
    const form = await act(adminCastell, open.verb, open.data);
    expect(cardText(form)).toContain('Import line managers');
    expect(cardText(form)).toContain(CASTELL);

    const card = await importCsv(adminCastell, [
      `${nia.aadObjectId},${manager.aadObjectId}`,
      `TOMOS@ysgolycastell.example.wales,${manager.aadObjectId}`,
      `${otherSchool.aadObjectId},${manager.aadObjectId}`,
      `${noProfile.aadObjectId},${manager.aadObjectId}`,
      `nobody@ysgolycastell.example.wales,${manager.aadObjectId}`,
      `${adminCastell.aadObjectId},${otherManager.aadObjectId}`,
      `${stranger},${manager.aadObjectId}`,
      `${ifan.aadObjectId},${unknownManager}`,
      `${adminCastell.aadObjectId},${manager.aadObjectId},maybe`,
      `${nia.aadObjectId},${manager.aadObjectId}`,
    ]);
    expect(cardProblems(card)).toEqual([]);
    const report = cardText(card);
    expect(report).toContain('Ysgol y Castell: 2 accepted, 0 removed, 8 rejected.');
    // Each row turned away is named by its line and the value it is about.
    expect(report).toContain(`line 4: ${otherSchool.aadObjectId} is not a confirmed member of this school's staff`);
    expect(report).toContain(`line 5: ${noProfile.aadObjectId} has not set up their Cefnogi profile yet: import them once they have`);
    expect(report).toContain('line 6: no one with the email nobody@ysgolycastell.example.wales has used Cefnogi yet');
    expect(report).toContain(`line 7: the line manager ${otherManager.aadObjectId} is not a confirmed member of this school's staff`);
    expect(report).toContain(`line 8: ${stranger} has not used Cefnogi yet: import them once they have`);
    expect(report).toContain(`line 9: the line manager ${unknownManager} has not used Cefnogi yet`);
    expect(report).toContain('line 10: maybe is not replace or remove');
    expect(report).toContain(`line 11: ${nia.aadObjectId} is already on an earlier line`);
    expect(report).not.toMatch(/lines? \d+\)/);

    const team = await teamOf(manager);
    expect(team).toContain('Nia Roberts');
    expect(team).toContain('Tomos Hughes');
    expect(team).toContain('Not my report');
    expect(await linkOf(nia, manager)).toMatchObject({ status: 'accepted', source: 'import', importedBy: adminCastell.aadObjectId, importedAt: clock.toISOString() });
    expect((await userDoc(tomos))?.profile?.lineManagerAadObjectId).toBe(manager.aadObjectId);
    expect((await harness.bot!.store.users.read(keyOf(otherSchool), keyOf(otherSchool)))?.etag).toBe(otherBefore?.etag);

    const told = await delivered();
    expect(told.get(nia.aadObjectId)).toEqual([expect.stringContaining('Eirian Price yw eich rheolwr llinell yn ap Cefnogi bellach')]);
    expect(told.get(nia.aadObjectId)![0]).toContain('Golygu fy mhroffil');
    expect(told.get(tomos.aadObjectId)).toEqual([expect.stringContaining("Your line manager in Cefnogi is now Eirian Price\nYour school's administrator set this.")]);
    expect(told.get(manager.aadObjectId)?.sort()).toEqual([expect.stringContaining('Nia Roberts is now in your team'), expect.stringContaining('Tomos Hughes is now in your team')]);
    expect(told.get(otherSchool.aadObjectId)).toBeUndefined();

    // Another school's administrator cannot reach into this school: not by importing its
    // staff for their own school, nor by naming this school's id on the card.
    const bryn = cardText(await importCsv(adminBryn, [`${nia.aadObjectId},${otherManager.aadObjectId},replace`]));
    expect(bryn).toContain('Ysgol y Bryn: 0 accepted, 0 removed, 1 rejected.');
    expect(bryn).toContain(`line 2: ${nia.aadObjectId} is not a confirmed member of this school's staff`);
    const niaBefore = await harness.bot!.store.users.read(keyOf(nia), keyOf(nia));
    expect(cardText(await importCsv(adminBryn, [`${nia.aadObjectId},${otherManager.aadObjectId},replace`], CASTELL))).toContain('You are not an administrator of that school');
    expect((await harness.bot!.store.users.read(keyOf(nia), keyOf(nia)))?.etag).toBe(niaBefore?.etag);
    const audit = await harness.bot!.store.collection(auditCollection).findPageDescending(auditPartition(nia.tenantId), { kind: 'audit' }, { orderBy: 'id', limit: 1 });
    expect(audit[0]?.value).toMatchObject({ actor: adminBryn.aadObjectId, action: 'managers.import', outcome: 'refused', reason: 'not-your-school' });
    expect(cardText(await importCsv(adminCastell, [`${nia.aadObjectId},${adminCastell.aadObjectId}`]))).toContain('you cannot import yourself');
    expect((await userDoc(nia))?.profile?.lineManagerAadObjectId).toBe(manager.aadObjectId);
  });

  it('when a staff member already has an accepted manager, then an import keeps them unless it says replace, and a replaced manager, the new one and the staff member are all told', async () => {
    const first = person('Alun First');
    const second = person('Bethan Second');
    const staff = person('Catrin Staff', 'cy-GB');
    await joins(first, CASTELL);
    await joins(second, CASTELL);
    await joins(staff, CASTELL, first);
    await delivered();

    expect(cardText(await importCsv(adminCastell, [`${staff.aadObjectId},${second.aadObjectId}`]))).toContain('already has an accepted line manager: add replace');
    expect(await teamOf(first)).toContain('Catrin Staff');
    expect((await delivered()).size).toBe(0);

    expect(cardText(await importCsv(adminCastell, [`${staff.aadObjectId},${second.aadObjectId},replace`]))).toContain('1 accepted, 0 removed, 0 rejected.');
    expect(await teamOf(first)).not.toContain('Catrin Staff');
    expect(await teamOf(second)).toContain('Catrin Staff');
    const told = await delivered();
    expect(told.get(first.aadObjectId)).toEqual([expect.stringContaining('Catrin Staff has left your team')]);
    expect(told.get(second.aadObjectId)).toEqual([expect.stringContaining('Catrin Staff is now in your team')]);
    expect(told.get(staff.aadObjectId)).toEqual([expect.stringContaining('Bethan Second yw eich rheolwr llinell')]);
  });

  it('when an administrator imports a remove row, or a manager says an imported report is not theirs, then the link goes and both sides are told, every time', async () => {
    const manager = person('Dewi Manager');
    const staff = person('Elin Staff');
    await joins(manager, CASTELL);
    await joins(staff, CASTELL);
    await delivered();
    const set = [`${staff.aadObjectId},${manager.aadObjectId}`];
    const remove = [`${staff.aadObjectId},${manager.aadObjectId},remove`];

    expect(cardText(await importCsv(adminCastell, remove))).toContain(`line 2: ${staff.aadObjectId} is not linked to that line manager, so there is nothing to remove`);
    await importCsv(adminCastell, set);
    later(1);
    expect(cardText(await importCsv(adminCastell, remove))).toContain('0 accepted, 1 removed, 0 rejected.');
    expect(await teamOf(manager)).not.toContain('Elin Staff');
    expect((await userDoc(staff))?.profile?.lineManagerAadObjectId).toBeUndefined();
    later(1);
    await importCsv(adminCastell, set);
    // Three imports, three notices each way: no import's notice is mistaken for another's.
    const told = await delivered();
    expect(told.get(staff.aadObjectId)?.map((t) => t.split('\n')[0])).toEqual([
      'Your line manager in Cefnogi is now Dewi Manager',
      'Dewi Manager is no longer your line manager in Cefnogi',
      'Your line manager in Cefnogi is now Dewi Manager',
    ]);
    expect(told.get(manager.aadObjectId)?.map((t) => t.split('\n')[0])).toEqual(['Elin Staff is now in your team', 'Elin Staff was removed from your team', 'Elin Staff is now in your team']);

    const team = await act(manager, 'team.show');
    const notMine = actionsOf(team, 'team.decline').find((a) => a.data.reportId === staff.aadObjectId)!;
    expect(cardText(await act(manager, notMine.verb, notMine.data))).toContain('Declined: they will not appear in your team.');
    expect(await teamOf(manager)).not.toContain('Elin Staff');
    expect((await delivered()).get(staff.aadObjectId)).toEqual([expect.stringContaining('Dewi Manager says they are not your line manager')]);
  });

  it('when an import has more than 500 lines, then it is refused whole and nothing is written; when 500 rows are rejected, then the report groups them by reason and stays small', async () => {
    const manager = person('Ffion Manager');
    const staff = person('Gareth Staff');
    await joins(manager, CASTELL);
    await joins(staff, CASTELL);
    await delivered();
    const filler = Array.from({ length: 500 }, (_, i) => `0a1b2c3d-0000-4000-8000-${String(i).padStart(12, '0')},${manager.aadObjectId}`);
    const tooMany = cardText(await importCsv(adminCastell, [`${staff.aadObjectId},${manager.aadObjectId}`, ...filler]));
    expect(tooMany).toContain('This CSV has 501 lines; at most 500 can be imported at once. Split it and import each part. Nothing was changed.');
    expect(await linkOf(staff, manager)).toBeUndefined();
    expect((await delivered()).size).toBe(0);

    // Alternate lines fail for two different reasons, the worst case for ranges.
    const bad = Array.from({ length: 500 }, (_, i) => (i % 2 === 0 ? `someone,${manager.aadObjectId}` : filler[i]!));
    const card = await importCsv(adminCastell, bad);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card).length).toBeLessThan(20_000);
    const report = cardText(card);
    expect(report).toContain('0 accepted, 0 removed, 500 rejected.');
    // The first rows are named one by one; the rest are summed up by reason with their lines.
    expect(report).toContain('line 2: someone is not an email address');
    expect(report).toContain(`line 3: ${filler[1]!.split(',')[0]} has not used Cefnogi yet: import them once they have`);
    expect(report).toContain('line 16: someone is not an email address');
    expect(report).not.toContain('line 17:');
    expect(report).toContain('485 more lines were turned away:');
    expect(report).toMatch(/not an email address \(lines 18, 20, 22,.* and 212 more\)/);
    expect(report).toMatch(/this person has not used Cefnogi yet: import them once they have \(lines 17, 19, 21,.* and 213 more\)/);
  });
  it('when an administrator opens the import from the school card, then it gives short steps in plain words, and a way back to the school card', async () => {
    const summary = await act(adminCastell, 'school.show', { schoolId: schools.get(CASTELL) });
    const open = actionsOf(summary, 'team.showImport')[0]!;
    const form = await act(adminCastell, open.verb, open.data);
    expect(cardProblems(form)).toEqual([]);
    const steps = ((form.body ?? []) as { type: string; text?: string }[]).filter((el) => el.type === 'TextBlock' && /^\d\. /.test(el.text ?? '')).map((el) => el.text!);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.every((step) => step.length <= 160)).toBe(true);
    expect(cardText(form)).not.toMatch(/Entra|object id/i);
    expect(steps.join('\n')).toContain('work email: the address they sign in to Teams with');
    const back = actionsOf(form, 'school.show')[0]!;
    expect(back.title).toBe('Back to the school');
    // Teams sends the card's inputs with the button: what was pasted goes too, and is no obstacle.
    const pressed = press(form, 'school.show', { csv: 'rhys@ysgol.cymru,eirian@ysgol.cymru' });
    const school = await act(adminCastell, pressed.verb, pressed.data);
    expect(cardText(school)).toContain("Your school's settings");
    expect(cardText(school)).toContain(CASTELL);
  });

  it('when an administrator imports a list, then what they pasted is still in the box afterwards, whether rows were accepted or not', async () => {
    const manager = person('Gwen Manager');
    const staff = person('Huw Staff');
    await joins(manager, CASTELL);
    await joins(staff, CASTELL);
    await delivered();
    const csv = ['staff,manager', `${staff.aadObjectId},${manager.aadObjectId}`, `nobody@ysgolycastell.example.wales,${manager.aadObjectId}`].join('\n');
    const card = await act(adminCastell, 'team.import', { csv, schoolId: schools.get(CASTELL) });
    expect(cardText(card)).toContain('1 accepted, 0 removed, 1 rejected.');
    expect(textInputValue(card, 'csv')).toBe(csv);
    const clean = ['staff,manager', `${staff.aadObjectId},${manager.aadObjectId}`].join('\n');
    expect(textInputValue(await act(adminCastell, 'team.import', { csv: clean, schoolId: schools.get(CASTELL) }), 'csv')).toBe(clean);
    await delivered();
  });

  it('when more rows are turned away than are named, and one reason has a single line left, then the summary says "line", not "lines"', async () => {
    const rows = [...Array.from({ length: 16 }, () => 'someone,else'), `${adminCastell.aadObjectId},${adminBryn.aadObjectId},maybe`];
    const report = cardText(await importCsv(adminCastell, rows));
    expect(report).toContain('2 more lines were turned away:');
    expect(report).toContain('not an email address (line 17)');
    expect(report).toContain('the third value must be replace or remove (line 18)');
  });
});
