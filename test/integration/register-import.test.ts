import { loadContent } from '../../bot/content/load-content';
import { membershipsCollection } from '../../bot/membership/membership-record';
import { catalogueCollection, catalogueKey } from '../../bot/register/school-catalogue';
import { toRegisterCsv } from '../../bot/register/register-csv-writer';
import type { SchoolEntry } from '../../bot/register/school-entry';
import { schoolKey } from '../../bot/school/school-settings';
import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { syntheticSchools } from '../support/synthetic-register';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-2222-3333-4444-555555555555';
const national = teamsUser({ name: 'Olwen Genedlaethol', tenantId: TENANT });
const laAdmin = teamsUser({ name: 'Llew Awdurdod', tenantId: TENANT, locale: 'cy-GB' });
const head = teamsUser({ name: 'Siân Pennaeth', tenantId: TENANT });
const ta = teamsUser({ name: 'Nia Cynorthwyydd', tenantId: TENANT, locale: 'cy-GB' });
const otherTenantAdmin = teamsUser({ name: 'Arall', tenantId: OTHER_TENANT });

/** An `application/search` invoke as Teams sends it while someone types into the schools list. */
function search(user: TeamsUser, serviceUrl: string, queryText: string): Record<string, unknown> {
  const { text: _t, textFormat: _f, ...envelope } = message(user, serviceUrl, '');
  return { ...envelope, type: 'invoke', name: 'application/search', value: { queryText, dataset: 'schools', queryOptions: { skip: 0, top: 15 } } };
}

/**
 * The register as it starts in a real tenant, over HTTP: a tenant administrator imports all
 * of Wales's schools, appoints a local-authority administrator, who appoints a school's
 * administrator, who confirms the staff who found their school by a fragment of its name.
 */
describe('a national register of schools, over HTTP as Teams sends it', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${national.aadObjectId},${OTHER_TENANT}:${otherTenantAdmin.aadObjectId}` });
  let schools: SchoolEntry[];
  let ours: SchoolEntry;
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const catalogue = async (tenant = TENANT) => (await harness.bot!.store.collection(catalogueCollection).read(catalogueKey(tenant), catalogueKey(tenant)))?.value.schools ?? [];

  beforeAll(async () => {
    await harness.start();
    schools = syntheticSchools(1500, (await loadContent()).localAuthorities);
    for (const u of [national, laAdmin, head, ta, otherTenantAdmin]) await harness.post(message(u, harness.serviceUrl, 'help'));
  });
  afterAll(() => harness.stop());

  it('when the tenant administrator sends the 1,500-school register as a file, then every school is in, and a second import updates by school number instead of adding', async () => {
    const csv = toRegisterCsv(schools, { localAuthorities: (await loadContent()).localAuthorities });
    const { text: _t, ...envelope } = message(national, harness.serviceUrl, '');
    harness.connector.clear();
    const started = Date.now();
    await harness.post({ ...envelope, attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'cofrestr.csv', content: { downloadUrl: harness.connector.downloadUrl('cofrestr.csv', Buffer.from(csv)), fileType: 'csv' } }] });
    if (process.env.CEFNOGI_FIGURES) console.log(`[figures] 1,500-school register imported from a file over HTTP in ${Date.now() - started} ms (${Math.round(csv.length / 1024)} KB)`);
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('Imported: 1500 new, 0 updated, 0 turned away.');
    expect(await catalogue()).toHaveLength(1500);
    const unnumbered = schools.filter((s) => s.number === undefined).length;
    expect(unnumbered).toBeGreaterThan(0);

    // The same file again: every school found again (by number, or by name in its authority when it has none).
    expect(cardText(await act(national, 'register.import', { csv }))).toContain('Imported: 0 new, 1500 updated, 0 turned away.');
    expect(await catalogue()).toHaveLength(1500);

    // The same school renamed, pasted on the card: found by its number, updated in place.
    ours = schools.find((s) => s.number !== undefined && s.laId === 'cardiff' && s.open)!;
    const renamed = toRegisterCsv([{ ...ours, name: `${ours.name} (newydd)` }]);
    expect(cardText(await act(national, 'register.import', { csv: renamed }))).toContain('Imported: 0 new, 1 updated, 0 turned away.');
    expect((await catalogue()).filter((s) => s.number === ours.number).map((s) => [s.id, s.name])).toEqual([[ours.id, `${ours.name} (newydd)`]]);
    ours = { ...ours, name: `${ours.name} (newydd)` };
  });

  it('when the tenant administrator appoints an LA administrator, who appoints a head, who confirms staff who found the school by a fragment of its name, then the staff are confirmed members', async () => {
    expect(cardText(await act(national, 'roles.appoint', { person: laAdmin.aadObjectId, role: 'la-admin', laId: 'cardiff' }))).toContain('Llew Awdurdod');
    expect(cardText(await act(laAdmin, 'roles.appoint', { person: head.aadObjectId, role: 'school-admin', school: ours.number }))).toContain('Siân Pennaeth');

    // The rarest word of its name, shortened: what someone who knows their school would type.
    const words = ours.name.replace(' (newydd)', '').split(/[\s,()]+/).filter((w) => w.length >= 4);
    const uses = (w: string) => schools.filter((s) => s.name.includes(w)).length;
    const fragment = words.sort((a, b) => uses(a) - uses(b))[0]!.slice(0, 6).toLowerCase();
    const started = Date.now();
    const found = (await harness.post(search(ta, harness.serviceUrl, fragment))).body as { value: { results: { value: string }[] } };
    if (process.env.CEFNOGI_FIGURES) console.log(`[figures] search invoke over HTTP with 1,500 schools: ${Date.now() - started} ms for "${fragment}"`);
    expect(found.value.results.map((r) => r.value)).toContain(ours.id);
    // The Playground's way: the Find box, answered with a card of matches.
    const matches = await act(ta, 'schools.find', { query: fragment });
    expect(actionsOf(matches, 'schools.request').map((a) => a.data.schoolId).filter(Boolean)).toContain(ours.id);
    await act(ta, 'schools.request', { schoolId: ours.id });

    const members = await act(head, 'members.show', { schoolId: ours.id });
    expect(cardText(members)).toContain('Nia Cynorthwyydd');
    await act(head, 'members.confirm', { schoolId: ours.id, people: ta.aadObjectId });
    const membership = await harness.bot!.store.collection(membershipsCollection).read(`${TENANT}:${ta.aadObjectId}`, schoolKey(TENANT, ours.id));
    expect(membership?.value).toMatchObject({ status: 'confirmed', decidedBy: head.aadObjectId });
  });

  it('when a register has malformed or repeated numbers, then the card groups the lines by reason in the reader\'s language and imports the rest', async () => {
    const lines = [
      'rhif yr ysgol,enw\'r ysgol,awdurdod lleol,sector,categori iaith',
      '12345,Ysgol Fer,Caerdydd,cynradd,cyfrwng Cymraeg',
      '6819901,Ysgol Un,Caerdydd,cynradd,cyfrwng Cymraeg',
      '6819901,Ysgol Dau,Caerdydd,cynradd,cyfrwng Cymraeg',
      'abcdefg,Ysgol Tri,Caerdydd,cynradd,cyfrwng Cymraeg',
    ].join('\r\n');
    const card = cardText(await act(laAdmin, 'register.import', { csv: lines }));
    // The LA administrator may not import the register at all: refused in Welsh, nothing written.
    expect(card).toContain('Dim ond gweinyddwyr Cefnogi eich sefydliad');
    expect(await catalogue()).toHaveLength(1500);
    const report = cardText(await act(national, 'register.import', { csv: lines }));
    expect(report).toContain('Imported: 1 new, 0 updated, 3 turned away.');
    expect(report).toMatch(/the school number is not seven digits \(lines 2, 5\)/);
    expect(report).toMatch(/the school number is already on an earlier line \(line 4\)/);
  });

  it('when a register file is over 5 MB, or a school id of another tenant is named, then a clear card says so and nothing is written', async () => {
    const before = await catalogue();
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
    const { text: _t, ...envelope } = message(national, harness.serviceUrl, '');
    harness.connector.clear();
    await harness.post({ ...envelope, attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'mawr.csv', content: { downloadUrl: harness.connector.downloadUrl('mawr.csv', big), fileType: 'csv' } }] });
    expect(cardText(cardsIn(harness.connector.sent)[0]!)).toContain('larger than 5 MB');
    expect(await catalogue()).toEqual(before);

    // A register whose names would make the catalogue outgrow one Cosmos document is refused whole.
    const long = (sign: string, i: number) => `${sign.repeat(110)} ${String(i).padStart(5, '0')}`;
    const huge = ['school name,other-language name,local authority,sector,language category', ...Array.from({ length: 3000 }, (_, i) => `${long('€', i)},${long('Ŵ', i)},Cardiff,primary,welsh-medium`)].join('\r\n');
    const { text: _o, ...otherEnvelope } = message(otherTenantAdmin, harness.serviceUrl, '');
    harness.connector.clear();
    await harness.post({ ...otherEnvelope, attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'hir.csv', content: { downloadUrl: harness.connector.downloadUrl('hir.csv', Buffer.from(huge)), fileType: 'csv' } }] });
    // (The proactive loop may deliver someone's notice meanwhile: look at every card sent.)
    expect(cardsIn(harness.connector.sent).map(cardText).join('\n')).toContain('too large to keep in one piece');
    expect(await catalogue(OTHER_TENANT)).toEqual([]);

    // Another tenant's administrator names one of this tenant's schools: it is not in their register.
    expect(cardText(await act(otherTenantAdmin, 'school.saveContacts', { schoolId: ours.id, dspName: 'x' }))).toContain("That school is not in your organisation's register.");
    expect(await catalogue(OTHER_TENANT)).toEqual([]);
  });
});
