import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { schoolKey } from '../../bot/school/school-settings';
import { auditCollection, auditPartition } from '../../bot/audit/audit-record';
import { appointSchoolAdmin, registerSchools, school as registered } from '../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';

const TENANT = '11111111-2222-3333-4444-555555555555';
const HEAD = teamsUser({ aadObjectId: 'a0a0a0a0-1111-4222-8333-444455556666', name: 'Ceri Pennaeth', tenantId: TENANT });
const LLANFAIR = 'Ysgol Gynradd Llanfair';
const BRYN = 'Ysgol Uwchradd y Bryn';

describe("a school's own induction additions", () => {
  const harness = new BotHarness();
  const ids = new Map<string, string>();
  beforeAll(async () => {
    await harness.start();
    for (const [name, entry] of await registerSchools(harness.bot!.store, TENANT, [registered(LLANFAIR), registered(BRYN)])) ids.set(name, entry.id);
    // The head administers Llanfair only.
    await appointSchoolAdmin(harness.bot!.store, TENANT, ids.get(LLANFAIR)!, HEAD.aadObjectId);
  });
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const stored = async (name: string) => (await harness.bot!.store.schools.read(schoolKey(TENANT, ids.get(name)!), schoolKey(TENANT, ids.get(name)!)))!;

  it('when a school administrator sets contacts, an item and a policy link, then staff the school has confirmed see them beside the national items, and someone only asking to join does not yet', async () => {
    const schoolId = ids.get(LLANFAIR)!;
    await harness.post(message(HEAD, harness.serviceUrl, 'school'));
    const opened = cardsIn(harness.connector.sent)[0]!;
    expect(cardText(opened)).toContain(LLANFAIR);
    const contacts = await act(HEAD, 'school.show', { schoolId, section: 'contacts' });
    expect(actionsOf(contacts, 'school.saveContacts')[0]?.data).toMatchObject({ schoolId, section: 'contacts' });

    let card = await act(HEAD, 'school.saveContacts', { schoolId, dspName: 'Mrs Bethan Ellis', alncoName: 'Mr Huw Jones' });
    expect(cardText(card)).toContain('Saved.');
    card = await act(HEAD, 'school.addItem', {
      schoolId,
      stage: 'first-day',
      titleEn: 'Collect your lanyard from the office',
      titleCy: "Casglwch eich laniard o'r swyddfa",
      whatEn: 'Ask at reception.',
      whatCy: 'Gofynnwch yn y dderbynfa.',
      dayOffset: '0',
      signOff: 'false',
    });
    expect(cardText(card)).toContain("Casglwch eich laniard o'r swyddfa / Collect your lanyard from the office");
    card = await act(HEAD, 'school.addLink', { schoolId, linkTitleEn: 'Our safeguarding policy', linkTitleCy: 'Ein polisi diogelu', url: 'https://llanfair.example.sch.wales/diogelu' });
    // Typed text is inert on the card: Markdown's brackets are escaped (Teams shows them plain).
    expect(cardText(card)).toContain('Ein polisi diogelu / Our safeguarding policy \\(llanfair.example.sch.wales\\)');

    const ta = teamsUser({ locale: 'cy-GB', tenantId: TENANT });
    await act(ta, 'profile.save', { roleId: 'teaching-assistant-1', welshLevelId: 'fluent' });
    await act(ta, 'schools.request', { schoolId });
    await act(ta, 'induction.begin', { startDate: '2026-11-20', mode: 'new' });
    expect(cardText(await act(ta, 'induction.stage', { stage: 'first-day' }))).not.toContain("Casglwch eich laniard o'r swyddfa");
    expect(cardText(await act(HEAD, 'members.confirm', { schoolId, people: ta.aadObjectId }))).toContain('Confirmed 1 of the people selected.');
    // The school's item follows the national ones: on the stage's next page when the first is full.
    const firstDay = await act(ta, 'induction.stage', { stage: 'first-day' });
    const pages = [firstDay];
    for (let more = actionsOf(firstDay, 'induction.stage').find((a) => a.data.page !== undefined); more; more = actionsOf(pages.at(-1)!, 'induction.stage').find((a) => Number(a.data.page) > pages.length - 1)) {
      pages.push(await act(ta, more.verb, more.data));
    }
    const text = pages.map(cardText).join('\n');
    expect(text).toContain("Casglwch eich laniard o'r swyddfa");
    expect(text).toContain('Person Diogelu Dynodedig eich ysgol: Mrs Bethan Ellis');
    expect(JSON.stringify(firstDay)).toContain('https://llanfair.example.sch.wales/diogelu');
    const tick = pages.flatMap((p) => actionsOf(p, 'induction.tick')).find((a) => String(a.data.itemId).startsWith('school-'));
    expect(tick).toBeDefined();
    expect(cardText(await act(ta, tick!.verb, tick!.data))).toMatch(/1 o \d+ wedi'u gwneud/);
  });

  it("when a school administrator names another school's id on the card, then they are refused, nothing is written to it, and the refusal is audited", async () => {
    const before = await stored(BRYN);
    const card = await act(HEAD, 'school.saveContacts', { schoolId: ids.get(BRYN), dspName: 'Ann' });
    expect(cardText(card)).toContain('You are not an administrator of that school');
    expect((await stored(BRYN)).etag).toBe(before.etag);
    const [latest] = await harness.bot!.store.collection(auditCollection).findPageDescending(auditPartition(TENANT), { kind: 'audit' }, { orderBy: 'id', limit: 1 });
    expect(latest?.value).toMatchObject({ actor: HEAD.aadObjectId, role: 'school-admin', action: 'school.contacts', outcome: 'refused', reason: 'not-your-school', target: { kind: 'school', id: ids.get(BRYN) } });
    const unknown = await act(HEAD, 'school.saveContacts', { schoolId: 'wg-9999999', dspName: 'Ann' });
    expect(cardText(unknown)).toContain("That school is not in your organisation's register.");
  });

  it('when someone who is not an administrator asks for the school card or changes it, then they are told they cannot and nothing is written', async () => {
    const staff = teamsUser({ tenantId: TENANT });
    await harness.post(message(staff, harness.serviceUrl, 'school'));
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('Only Cefnogi administrators');
    const before = await stored(BRYN);
    const card = await act(staff, 'school.saveContacts', { schoolId: ids.get(BRYN), dspName: 'Someone' });
    expect(cardText(card)).toContain('You are not an administrator of that school');
    expect((await stored(BRYN)).etag).toBe(before.etag);
  });

  it('when an administrator adds an item in one language only or a link that is not https, then the card says why and nothing is added', async () => {
    const schoolId = ids.get(LLANFAIR)!;
    const before = (await stored(LLANFAIR)).value;
    let card = await act(HEAD, 'school.addItem', { schoolId, stage: 'first-week', titleEn: 'Only English', whatEn: 'x', whatCy: 'y' });
    expect(cardText(card)).toContain('Enter the title in both Welsh and English');
    card = await act(HEAD, 'school.addLink', { schoolId, linkTitleEn: 'Policy', linkTitleCy: 'Polisi', url: 'http://insecure.example' });
    expect(cardText(card)).toContain('must start with https://');
    const after = (await stored(LLANFAIR)).value;
    expect([after.items.length, after.links.length]).toEqual([before.items.length, before.links.length]);
  });
});
