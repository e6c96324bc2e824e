import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { legacySchoolKey } from '../../bot/school/school-settings';
import { changeSchoolSettings, registerSchools, school as registered } from '../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';

const ADMIN = teamsUser({ aadObjectId: 'a0a0a0a0-1111-4222-8333-444455556666', name: 'Ceri Admin' });

describe("a school's own induction additions", () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId });
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));

  it('when an administrator sets contacts, an item and a policy link, then staff the school has confirmed see them beside the national items, and someone only asking to join does not yet', async () => {
    const school = 'Ysgol Gynradd Llanfair';
    let card = await act(ADMIN, 'school.saveContacts', { schoolName: school, loadedSchool: school, dspName: 'Mrs Bethan Ellis', alncoName: 'Mr Huw Jones' });
    expect(cardText(card)).toContain('Saved.');
    card = await act(ADMIN, 'school.addItem', {
      schoolName: school,
      loadedSchool: school,
      stage: 'first-day',
      titleEn: 'Collect your lanyard from the office',
      titleCy: "Casglwch eich laniard o'r swyddfa",
      whatEn: 'Ask at reception.',
      whatCy: 'Gofynnwch yn y dderbynfa.',
      dayOffset: '0',
      signOff: 'false',
    });
    expect(cardText(card)).toContain("Casglwch eich laniard o'r swyddfa / Collect your lanyard from the office");
    card = await act(ADMIN, 'school.addLink', {
      schoolName: school,
      loadedSchool: school,
      linkTitleEn: 'Our safeguarding policy',
      linkTitleCy: 'Ein polisi diogelu',
      url: 'https://llanfair.example.sch.wales/diogelu',
    });
    expect(cardText(card)).toContain('Ein polisi diogelu / Our safeguarding policy (llanfair.example.sch.wales)');

    // The settings card still keeps a school's settings under its typed name; the migration
    // carries them to the registered school's own document, as done here by hand.
    const store = harness.bot!.store;
    const schoolId = (await registerSchools(store, ADMIN.tenantId, [registered(school)])).get(school)!.id;
    const legacy = (await store.schools.read(legacySchoolKey(ADMIN.tenantId, school), legacySchoolKey(ADMIN.tenantId, school)))!.value;
    await changeSchoolSettings(store, ADMIN.tenantId, schoolId, (s) => ({ ...s, dspName: legacy.dspName, alncoName: legacy.alncoName, items: legacy.items, links: legacy.links, nextNumber: legacy.nextNumber }));

    const ta = teamsUser({ locale: 'cy-GB', tenantId: ADMIN.tenantId });
    await act(ta, 'profile.save', { roleId: 'teaching-assistant-1', welshLevelId: 'fluent' });
    await act(ta, 'schools.request', { schoolId });
    await act(ta, 'induction.begin', { startDate: '2026-11-20', mode: 'new' });
    expect(cardText(await act(ta, 'induction.stage', { stage: 'first-day' }))).not.toContain("Casglwch eich laniard o'r swyddfa");
    expect(cardText(await act(ADMIN, 'members.confirm', { schoolId, people: ta.aadObjectId }))).toContain('Confirmed 1 of the people selected.');
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

  it('when an administrator types another school into a card loaded for one school, then the other opens and nothing is written to either', async () => {
    await act(ADMIN, 'school.saveContacts', { schoolName: 'Ysgol A', dspName: 'Ann', loadedSchool: 'Ysgol A' });
    const card = await act(ADMIN, 'school.saveContacts', { schoolName: 'Ysgol B', dspName: 'Ann', loadedSchool: 'Ysgol A' });
    expect(cardText(card)).not.toContain('Saved.');
    const b = `${ADMIN.tenantId}:ysgol b`;
    expect(await harness.bot!.store.schools.read(b, b)).toBeUndefined();
  });

  it('when someone who is not an administrator asks for the school card or changes it, then they are told they cannot and nothing is written', async () => {
    const staff = teamsUser({ tenantId: ADMIN.tenantId });
    await harness.post(message(staff, harness.serviceUrl, 'school'));
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('Only Cefnogi administrators');
    const card = await act(staff, 'school.saveContacts', { schoolName: 'Ysgol Arall', dspName: 'Someone' });
    expect(cardText(card)).toContain('Only Cefnogi administrators');
    expect(await harness.bot!.store.schools.read(`${ADMIN.tenantId}:ysgol arall`, `${ADMIN.tenantId}:ysgol arall`)).toBeUndefined();
  });

  it('when an administrator adds an item in one language only or a link that is not https, then the card says why and nothing is added', async () => {
    const school = 'Ysgol Uwchradd y Bryn';
    let card = await act(ADMIN, 'school.addItem', { schoolName: school, loadedSchool: school, stage: 'first-week', titleEn: 'Only English', whatEn: 'x', whatCy: 'y' });
    expect(cardText(card)).toContain('Enter the title in both Welsh and English');
    card = await act(ADMIN, 'school.addLink', { schoolName: school, loadedSchool: school, linkTitleEn: 'Policy', linkTitleCy: 'Polisi', url: 'http://insecure.example' });
    expect(cardText(card)).toContain('must start with https://');
    expect(cardText(card)).toContain('No items of the school');
  });
});
