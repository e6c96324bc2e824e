import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { membershipsCollection } from '../../bot/membership/membership-record';
import { catalogueCollection, catalogueKey } from '../../bot/register/school-catalogue';
import { schoolKey } from '../../bot/school/school-settings';
import { safeId } from '../../bot/storage/document-collection';
import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { copyPreRegisterFixture, readPreRegisterPeople, type PreRegisterPeople, type PreRegisterPerson } from './fixtures/pre-register/pre-register-fixture';

/** The register a tenant administrator imports after the upgrade: two of the typed schools by name, one by its other name. */
const REGISTER = [
  'school number,school name,other-language name,local authority,sector,language category,status',
  '6812001,Ysgol y Castell,Castle School,Cardiff,primary,welsh-medium,open',
  '6612002,Ysgol Gynradd Llanfair,Llanfair Primary School,Gwynedd,primary,welsh-medium,open',
  '6814003,Ysgol Uwchradd Caerdydd,Cardiff High School,Cardiff,secondary,english-medium,open',
  '6814004,"St Teilo\'s Primary School, Pentrefach",,Cardiff,primary,english-medium,open',
].join('\r\n');

/**
 * A store written before the register (a committed data folder, see
 * fixtures/pre-register/README.md) is started by today's Cefnogi: nothing is lost, and as the
 * tenant's register fills, the schools people typed become requests to join registered
 * schools, the settings kept under a typed name move to the school, and a name that matches
 * nothing waits for a tenant administrator.
 */
describe('migrating a store from before the register', () => {
  let people: PreRegisterPeople;
  let harness: BotHarness;
  let dataDir: string;
  const ids = new Map<string, string>();

  const who = (key: string): PreRegisterPerson => people.people.find((p) => p.key === key)!;
  const asUser = (p: PreRegisterPerson): TeamsUser => teamsUser({ aadObjectId: p.aadObjectId, name: p.name, locale: p.locale, tenantId: people.tenantId });
  const userDoc = async (p: PreRegisterPerson) => (await harness.bot!.store.users.read(p.documentId, p.documentId))?.value;
  const act = async (p: PreRegisterPerson, verb: string, data: Record<string, unknown> = {}): Promise<Card> => invokeCard(await harness.post(cardAction(asUser(p), harness.serviceUrl, verb, data)));
  const membership = async (p: PreRegisterPerson, schoolId: string) =>
    (await harness.bot!.store.collection(membershipsCollection).read(p.documentId, schoolKey(people.tenantId, schoolId)))?.value;

  beforeAll(async () => {
    people = await readPreRegisterPeople();
    dataDir = await mkdtemp(path.join(tmpdir(), 'cefnogi-migration-'));
    const admin = people.people.find((p) => p.administrator)!;
    harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${people.tenantId}:${admin.aadObjectId}` });
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

  it('when the upgraded bot starts on the old store, then every person, link, induction, appraisal, self-assessment, setting and conversation is still there', async () => {
    for (const person of people.people) {
      const doc = await userDoc(person);
      expect(doc).toMatchObject({ aadObjectId: person.aadObjectId, name: person.name, email: person.email });
      if (person.profile) expect(doc?.profile).toMatchObject({ school: person.profile.schoolStored, roleId: person.profile.roleId, welshLevelId: person.profile.welshLevelId });
      // Nobody belongs to a school yet: there is no register to match a typed name with.
      expect(doc?.schools ?? []).toEqual([]);
    }
    for (const p of people.people.filter((p) => p.lineManager)) {
      const manager = people.people.find((m) => m.aadObjectId === p.lineManager!.managerAadObjectId)!;
      expect((await harness.bot!.store.teamLinks.read(p.documentId, manager.documentId))?.value).toMatchObject({ status: p.lineManager!.status });
    }
    expect((await userDoc(who('nia')))?.induction?.items).toHaveProperty('school-1');
    expect((await userDoc(who('tomos')))?.appraisal?.objectives).toHaveLength(1);
    expect((await userDoc(who('iwan')))?.selfAssessment?.results).toHaveLength(1);
    for (const school of people.schools) expect((await harness.bot!.store.schools.read(school.documentId, school.documentId))?.value.dspName).toBe(school.dspName);
    for (const c of people.conversations) expect((await harness.bot!.store.conversations.read(safeId(c.id), people.tenantId))?.value.installed).toBe(true);
  });

  it('when the tenant administrator imports the register, then each typed school that now matches becomes a request awaiting that school, and its settings move to it', async () => {
    const ceri = who('ceri');
    const card = await act(ceri, 'register.import', { csv: REGISTER });
    expect(cardText(card)).toContain('Wedi mewnforio: 4 newydd');
    const key = catalogueKey(people.tenantId);
    for (const e of (await harness.bot!.store.collection(catalogueCollection).read(key, key))!.value.schools) ids.set(e.name, e.id);

    // Three spellings of Ysgol y Castell, one school; "Cardiff High School" is the other-language name of one.
    for (const [key, school] of [['ceri', 'Ysgol y Castell'], ['eirian', 'Ysgol y Castell'], ['tomos', 'Ysgol y Castell'], ['bethan', 'Ysgol Gynradd Llanfair'], ['gareth', 'Ysgol Uwchradd Caerdydd']] as const) {
      expect(await membership(who(key), ids.get(school)!)).toMatchObject({ status: 'pending', source: 'migration' });
      expect((await userDoc(who(key)))?.schools).toEqual([{ schoolId: ids.get(school), status: 'pending', since: expect.any(String) }]);
    }
    const castell = (await harness.bot!.store.schools.read(schoolKey(people.tenantId, ids.get('Ysgol y Castell')!), schoolKey(people.tenantId, ids.get('Ysgol y Castell')!)))!.value;
    const before = people.schools[0]!;
    expect(castell).toMatchObject({ dspName: before.dspName, alncoName: before.alncoName, cycleStartMonth: before.cycleStartMonth, holidays: [before.holiday] });
    expect(castell.items.map((i) => [i.id, i.title.en])).toEqual([['school-1', before.itemTitleEn]]);
    expect(castell.links.map((l) => l.url)).toEqual([before.linkUrl]);
    // The old settings stay where they were: nothing is deleted by the move.
    expect((await harness.bot!.store.schools.read(before.documentId, before.documentId))?.value.dspName).toBe(before.dspName);
    // A typed name proves nothing: nobody is a confirmed member, so no school's items show yet.
    expect(await membership(who('nia'), ids.get('Ysgol y Castell')!)).toMatchObject({ status: 'pending' });
  });

  it("when a name matches no school, then the tenant administrator sees it with a count and matches it by number, and its people await that school", async () => {
    const ceri = who('ceri');
    await harness.post(message(asUser(ceri), harness.serviceUrl, 'ysgolion'));
    const card = cardsIn(harness.connector.sent)[0]!;
    // One person is "1 person" in Welsh too (a number takes the singular), never "1 o bobl".
    expect(cardText(card)).toContain("St Unknown's: 1 person");
    expect(cardText(card)).not.toContain('1 o bobl');
    expect(JSON.stringify(card)).not.toContain('ysgol y castell');
    // Only a tenant administrator matches names: a member of staff is refused, nothing changes.
    expect(cardText(await act(who('dai'), 'register.mapLegacy', { legacyName: 'st unknown s', mapNumber: '6814004' }))).toContain('Not allowed');
    expect((await userDoc(who('dai')))?.schools ?? []).toEqual([]);
    const mapped = await act(ceri, 'register.mapLegacy', { legacyName: "st unknown s", mapNumber: '6814004' });
    expect(cardText(mapped)).toContain("St Teilo's Primary School, Pentrefach");
    expect(await membership(who('dai'), ids.get("St Teilo's Primary School, Pentrefach")!)).toMatchObject({ status: 'pending', source: 'migration' });
    const again = await act(ceri, 'register.mapLegacy', { legacyName: "st unknown s", mapNumber: '6814004' });
    expect(cardText(again)).toContain('ni newidiwyd dim');
  });

  it("when the school's administrator confirms its staff, then they see their school's own induction item again and their ticks are kept", async () => {
    const ceri = who('ceri');
    const castell = ids.get('Ysgol y Castell')!;
    const members = await act(ceri, 'members.show', { schoolId: castell });
    const pending = actionsOf(members, 'members.confirm')[0]!;
    const confirmed = await act(ceri, pending.verb, { ...pending.data, people: [who('nia'), who('eirian'), who('tomos'), who('catrin')].map((p) => p.aadObjectId).join(',') });
    expect(cardText(confirmed)).toMatch(/4/);
    expect(await membership(who('nia'), castell)).toMatchObject({ status: 'confirmed' });
    const pages = await Promise.all([0, 1, 2, 3, 4].map(async (page) => cardText(await act(who('nia'), 'induction.stage', { stage: 'first-day', page }))));
    expect(pages.join('\n')).toContain("Casglwch eich laniard o'r swyddfa");
    expect(pages.join('\n')).toContain('Mr Huw Jenkins');
    expect((await userDoc(who('nia')))?.induction?.items).toHaveProperty('school-1');
  });
});
