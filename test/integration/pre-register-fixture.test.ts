import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { schoolKey } from '../../bot/school/school-settings';
import { safeId } from '../../bot/storage/document-collection';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText, invokeCard } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { copyPreRegisterFixture, PRE_REGISTER_DIR, readPreRegisterPeople, type PreRegisterPeople, type PreRegisterPerson } from './fixtures/pre-register/pre-register-fixture';

/**
 * The pre-register fixture is what a later release migrates: these checks say it is a data
 * folder today's Cefnogi loads whole, holding what people.json says it holds.
 */
describe('the pre-register fixture, loaded by the bot that wrote it', () => {
  let people: PreRegisterPeople;
  let harness: BotHarness;
  let dataDir: string;

  const who = (key: string): PreRegisterPerson => {
    const found = people.people.find((p) => p.key === key);
    if (!found) throw new Error(`people.json has no ${key}`);
    return found;
  };
  const asUser = (p: PreRegisterPerson): TeamsUser => teamsUser({ aadObjectId: p.aadObjectId, name: p.name, locale: p.locale, tenantId: people.tenantId });
  const userDoc = async (p: PreRegisterPerson) => (await harness.bot!.store.users.read(p.documentId, p.documentId))?.value;

  beforeAll(async () => {
    people = await readPreRegisterPeople();
    dataDir = await mkdtemp(path.join(tmpdir(), 'cefnogi-pre-register-'));
    const admins = people.people.filter((p) => p.administrator).map((p) => p.aadObjectId);
    harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: admins.join(',') });
    harness.serviceUrl = await harness.connector.start();
    await copyPreRegisterFixture(dataDir, harness.serviceUrl);
    const clock = new Date(people.writtenWith.clock);
    await harness.start({ dataDir, now: () => clock });
  });
  afterAll(async () => {
    await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => harness.connector.clear());

  it('when the bot starts on a copy of the fixture, then every person is there with the school they typed, their role, Welsh level and language', async () => {
    expect(people.people).toHaveLength(12);
    expect((await stat(path.join(PRE_REGISTER_DIR, 'snapshot.json'))).size).toBeLessThan(256 * 1024);
    for (const person of people.people) {
      const doc = await userDoc(person);
      expect(doc).toMatchObject({ aadObjectId: person.aadObjectId, name: person.name, email: person.email });
      expect(doc?.language).toBe(person.language);
      if (person.profile) {
        expect(doc?.profile).toMatchObject({ school: person.profile.schoolStored, roleId: person.profile.roleId, welshLevelId: person.profile.welshLevelId });
      } else {
        expect(doc?.profile).toBeUndefined();
      }
    }
    const stored = people.people.flatMap((p) => (p.profile ? [p.profile.schoolStored] : []));
    expect(new Set(stored)).toEqual(new Set(['Ysgol y Castell', 'ysgol y castell.', 'YSGOL Y CASTELL', 'Ysgol Gynradd Llanfair', 'Cardiff High School', "St Unknown's"]));
    expect(people.schoolsWithoutSettings).toEqual(['Cardiff High School', "St Unknown's"]);
  });

  it('when the bot starts on a copy of the fixture, then both schools have their settings and every spelling of a school folds to its settings', async () => {
    expect(people.schools.map((s) => s.name)).toEqual(['Ysgol y Castell', 'Ysgol Gynradd Llanfair']);
    for (const school of people.schools) {
      const doc = (await harness.bot!.store.schools.read(school.documentId, school.documentId))?.value;
      expect(doc).toMatchObject({ schoolName: school.name, dspName: school.dspName, alncoName: school.alncoName, cycleStartMonth: school.cycleStartMonth, holidays: [school.holiday] });
      expect(doc?.items.map((i) => i.title.en)).toEqual([school.itemTitleEn]);
      expect(doc?.links.map((l) => l.url)).toEqual([school.linkUrl]);
      for (const spelling of school.profileSpellings) expect(schoolKey(people.tenantId, spelling)).toBe(school.documentId);
    }
    expect(people.schools[0]!.profileSpellings).toHaveLength(3);
  });

  it('when the bot starts on a copy of the fixture, then the line-manager links, induction, appraisal, self-assessment and conversations are there', async () => {
    const links = people.people.filter((p) => p.lineManager);
    expect(links.map((p) => [p.key, p.lineManager!.status, p.lineManager!.source])).toEqual([
      ['nia', 'accepted', 'import'],
      ['tomos', 'accepted', 'import'],
      ['catrin', 'pending', 'request'],
      ['iwan', 'accepted', 'request'],
    ]);
    for (const p of links) {
      const manager = people.people.find((m) => m.aadObjectId === p.lineManager!.managerAadObjectId)!;
      expect((await harness.bot!.store.teamLinks.read(p.documentId, manager.documentId))?.value).toMatchObject({ status: p.lineManager!.status, reportAadObjectId: p.aadObjectId });
    }
    expect((await userDoc(who('nia')))?.induction?.items).toHaveProperty('school-1');
    expect((await userDoc(who('megan')))?.induction).toBeDefined();
    expect((await userDoc(who('tomos')))?.appraisal?.objectives).toHaveLength(1);
    expect((await userDoc(who('iwan')))?.selfAssessment?.results).toHaveLength(1);
    expect(people.conversations.map((c) => c.conversationType)).toEqual(['channel', 'groupChat']);
    for (const c of people.conversations) {
      expect(c.documentId).toBe(safeId(c.id));
      expect((await harness.bot!.store.conversations.read(c.documentId, people.tenantId))?.value).toMatchObject({ installed: true, ref: { conversationId: c.id, serviceUrl: harness.serviceUrl } });
    }
  });

  it('when people of the fixture use Cefnogi, then they see their own school as typed and its settings, and the administrator sees the school card filled in', async () => {
    await harness.post(message(asUser(who('eirian')), harness.serviceUrl, 'profile'));
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('ysgol y castell.');

    // The stage card pages its items; the school's own item may be on any page of the first day.
    const pages = await Promise.all([0, 1, 2, 3, 4].map(async (page) => cardText(invokeCard(await harness.post(cardAction(asUser(who('nia')), harness.serviceUrl, 'induction.stage', { stage: 'first-day', page }))))));
    expect(pages.join('\n')).toContain("Casglwch eich laniard o'r swyddfa");
    expect(pages.join('\n')).toContain('Mr Huw Jenkins');

    harness.connector.clear();
    await harness.post(message(asUser(who('ceri')), harness.serviceUrl, 'ysgol'));
    const card = JSON.stringify(cardsIn(harness.connector.sent)[0]);
    expect(card).toContain('Mr Huw Jenkins');
    expect(card).toContain('Ein polisi diogelu');
    expect(card).toContain('2026-12-21 – 2027-01-01');
  });
});
