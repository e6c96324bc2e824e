import { figurePersonCollection, figurePersonId, type FigurePerson } from '../../../bot/figures/figure-person';
import { computeFiguresSnapshot } from '../../../bot/figures/figures-nightly-job';
import { createLogger } from '../../../bot/logging/logger';
import { createSchoolRegister } from '../../../bot/register/school-register';
import { rolesCollection, rolesPartition, roleId } from '../../../bot/roles/role-record';
import { schoolKey } from '../../../bot/school/school-settings';
import { meterRoundTrips } from '../../../bot/storage/round-trip-meter';
import { BotHarness } from '../../support/bot-harness';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { registerSchools, appointSchoolAdmin, school } from '../../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

const TENANT = '11111111-2222-3333-4444-5555555555f3';
const clock = new Date('2026-12-14T13:00:00Z');
const person = (name: string, locale = 'en-GB') => teamsUser({ name, locale, tenantId: TENANT });
const orgAdmin = person('Org Admin');
const laAdmin = person('Lowri LA', 'cy-GB');
const schoolAdmin = person('Sam School');
const stranger = person('Siân Staff', 'cy-GB');
const strangerEn = person('Steve Staff');

describe('the figures card, over HTTP: each administrator sees their own scope, suppressed', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${orgAdmin.aadObjectId}` });
  const ids = new Map<string, string>();
  const typed = async (user: TeamsUser, text: string): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    return cardsIn(harness.connector.sent)[0]!;
  };
  const act = async (user: TeamsUser, data: Record<string, unknown>): Promise<Card> => invokeCard(await harness.post(cardAction(user, harness.serviceUrl, 'figures.show', data)));

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    const store = harness.bot!.store;
    const entries = await registerSchools(store, TENANT, [school('Ysgol y Castell'), school('Ysgol y Bae'), school('Ysgol y Bryn'), school('Ysgol y Môr', { laId: 'powys' })], clock);
    for (const [name, e] of entries) ids.set(name, e.id);
    const sizes: Record<string, number> = { 'Ysgol y Castell': 24, 'Ysgol y Bae': 6, 'Ysgol y Bryn': 12, 'Ysgol y Môr': 15 };
    const people = store.collection(figurePersonCollection);
    for (const [name, entry] of entries) {
      for (let i = 0; i < sizes[name]!; i += 1) {
        const record: FigurePerson = {
          id: figurePersonId(`${TENANT}:${entry.id}-${i}`), pk: schoolKey(TENANT, entry.id), kind: 'figures-person', laId: entry.laId, schoolId: entry.id,
          familyId: 'teaching-assistant', level: 1 + (i % 3), welshLevelId: i % 7 === 0 ? 'fluent' : 'entry', ewcGiven: i % 2 === 0, inductionStarted: true, inductionCompleted: i % 4 === 0,
          selfAssessments: i % 3 === 0 ? 1 : 0, planningMeetingHeld: false, priorities: [], updatedAt: clock.toISOString(),
        };
        await people.create(record);
      }
    }
    await store.collection(rolesCollection).create({
      id: roleId('la-admin', 'ceredigion', laAdmin.aadObjectId), pk: rolesPartition(TENANT), kind: 'role', tenantId: TENANT, role: 'la-admin', scopeId: 'ceredigion',
      aadObjectId: laAdmin.aadObjectId.toLowerCase(), appointedBy: 'test-setup', appointedAt: clock.toISOString(),
    });
    await appointSchoolAdmin(store, TENANT, ids.get('Ysgol y Castell')!, schoolAdmin.aadObjectId);
    // The night before: the snapshot every card reads.
    await computeFiguresSnapshot({ store, register: createSchoolRegister(store), log: createLogger({ quiet: true }) }, TENANT, new Date('2026-12-14T01:30:00Z'));
  });
  afterAll(() => harness.stop());

  it('when a school administrator types "figures", then they see their school only, with bars, the date and a way on and back', async () => {
    const { result: card, requests } = await meterRoundTrips(() => typed(schoolAdmin, 'figures'));
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Workforce figures');
    expect(text).toContain('Ysgol y Castell');
    expect(text).toContain('2026-12-14');
    expect(text).toContain('Job family and level (1 of 8)');
    expect(text).toContain('■');
    for (const other of ['Ysgol y Bae', 'Ysgol y Bryn', 'Ysgol y Môr']) expect(text).not.toContain(other);
    const titles = ((card.actions ?? []) as { title: string }[]).map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Next measure', 'Help']));
    if (process.env['CEFNOGI_FIGURES'] === '1') console.log(`figures card (school administrator): ${requests} store requests for the whole turn, ${JSON.stringify(card).length} bytes`);
  });

  it('when an LA administrator types "ffigurau", then they see their LA school by school in Welsh, a small school withheld in words, and no other LA', async () => {
    const card = await typed(laAdmin, 'ffigurau');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain("Ffigurau'r gweithlu");
    expect(text).toContain('Pob ysgol');
    expect(text).toContain('Ysgol y Castell');
    expect(text).toContain("Ysgol y Bae\nheb ei ddangos: rhy ychydig o bobl i'w ddangos heb adnabod rhywun");
    expect(text).not.toContain('Ysgol y Môr');
    const next = await act(laAdmin, { scope: 'la:ceredigion', measure: 1, page: 0 });
    expect(cardText(next)).toContain('Lefel Cymraeg (2 o 8)');
    expect(cardText(next)).toContain('llai na 5');
  });

  it('when a tenant administrator types "figures", then they see every LA', async () => {
    const text = cardText(await typed(orgAdmin, 'figures'));
    expect(text).toContain('All local authorities, authority by authority');
    expect(text).toContain('Ceredigion');
    expect(text).toContain('Powys');
  });

  it('when someone names figures outside their scope in card data, or is no administrator, then a clear refusal shows and no figures', async () => {
    const cases: [TeamsUser, Record<string, unknown>, string][] = [
      [laAdmin, { scope: 'la:powys' }, "Nid ydych chi'n weinyddwr yr awdurdod lleol hwnnw"],
      [laAdmin, { scope: 'national' }, 'Dim ond gweinyddwyr Cefnogi eich sefydliad'],
      [schoolAdmin, { scope: `school:${ids.get('Ysgol y Môr')}` }, 'You are not an administrator of that school'],
      [schoolAdmin, { scope: 'la:ceredigion' }, 'You are not an administrator of that local authority'],
      [schoolAdmin, { scope: 'school:../../etc' }, "That school is not in your organisation's register"],
      [stranger, {}, 'Dim ond gweinyddwyr Cefnogi'],
      [strangerEn, { scope: 'national' }, 'Only Cefnogi administrators'],
    ];
    for (const [user, data, says] of cases) {
      const card = await act(user, data);
      expect(cardProblems(card)).toEqual([]);
      const text = cardText(card);
      expect(text).toContain(says);
      expect(text).not.toMatch(/Ysgol y|Job family|Teulu swyddi|■/);
    }
    expect(cardText(await typed(stranger, 'ffigurau'))).toContain('Dim ond gweinyddwyr Cefnogi');
  });
});
