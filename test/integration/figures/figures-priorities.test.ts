import { randomUUID } from 'node:crypto';
import { BotHarness } from '../../support/bot-harness';
import { actionsOf } from '../../support/card-actions';
import { cardText, invokeCard, type Card } from '../../support/cards-in';
import { appointAdmin, appointSchoolAdmin, registerSchools, school } from '../../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { writeNight } from './snapshot-fixture';

const TENANT = '11111111-2222-3333-4444-5555555555f4';
/** A second tenant whose nation has fewer than 20 people contributing priorities. */
const SMALL = '11111111-2222-3333-4444-5555555555f5';
const clock = new Date('2026-12-14T13:00:00Z');
const KEY_AREAS = ['communication', 'safeguarding', 'transitions'];
const person = (name: string, locale = 'en-GB', tenantId = TENANT) => teamsUser({ name, locale, tenantId });
const orgAdmin = person('Org Admin');
const smallAdmin = person('Small Admin', 'en-GB', SMALL);
const laAdmin = person('Lowri LA', 'cy-GB');
const laAdminEn = person('Lewis LA');
const powysAdmin = person('Pryderi Powys', 'cy-GB');
const schoolAdmin = person('Sam School');

describe('development priorities on the figures card and in the CSV, LA and national views only', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${orgAdmin.aadObjectId},${SMALL}:${smallAdmin.aadObjectId}` });
  let castell = '';
  const act = async (user: TeamsUser, data: Record<string, unknown>, verb = 'figures.show'): Promise<Card> => invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  /** The last page's measure: the card's own "next measure" button walked to its end. */
  const lastMeasure = async (user: TeamsUser, scope: string): Promise<Card> => {
    let card = await act(user, { scope, measure: 0, page: 0 });
    for (let next = actionsOf(card, 'figures.show').find((a) => a.title === 'Next measure' || a.title === 'Mesur nesaf'); next; next = actionsOf(card, 'figures.show').find((a) => a.title === 'Next measure' || a.title === 'Mesur nesaf')) {
      card = await act(user, next.data);
    }
    return card;
  };
  const appointLa = (user: TeamsUser, laId: string) => appointAdmin(harness.bot!.store, TENANT, 'la-admin', laId, user.aadObjectId);

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    const store = harness.bot!.store;
    const entries = await registerSchools(store, TENANT, [school('Ysgol y Castell'), school('Ysgol y Bae'), school('Ysgol y Môr', { laId: 'powys' })], clock);
    castell = entries.get('Ysgol y Castell')!.id;
    const bae = entries.get('Ysgol y Bae')!.id;
    const mor = entries.get('Ysgol y Môr')!.id;
    await registerSchools(store, SMALL, [school('Ysgol Fach')], clock);
    // Powys had fewer than 20 people contributing (withheld); the others enough. Suppressed, Ceredigion
    // keeps one count, "fewer than 5" and two hidden; Gwynedd and the nation's totals show in full.
    await writeNight(store, TENANT, '2026-12-14', [
      { laId: 'ceredigion', schools: [{ id: castell, counts: [6, 10, 8] }, { id: bae, counts: [5, 7, 6] }], priorities: { counts: [12, 3, 33], withheld: false } },
      { laId: 'powys', schools: [{ id: mor, counts: [5, 5, 5] }], priorities: { counts: [4, 2, 6], withheld: true } },
      { laId: 'swansea', schools: [{ id: 'abertawe-1', counts: [10, 10, 10] }], priorities: { counts: [20, 15, 25], withheld: false } },
      { laId: 'gwynedd', schools: [{ id: 'gwynedd-1', counts: [10, 10, 10] }], priorities: { counts: [18, 9, 30], withheld: false } },
    ], KEY_AREAS, true);
    await writeNight(store, SMALL, '2026-12-14', [{ laId: 'ceredigion', schools: [{ id: 'x', counts: [6, 6, 6] }], priorities: { counts: [5, 6, 2], withheld: true } }], KEY_AREAS, false);
    await appointLa(laAdmin, 'ceredigion');
    await appointLa(laAdminEn, 'ceredigion');
    await appointLa(powysAdmin, 'powys');
    await appointSchoolAdmin(store, TENANT, castell, schoolAdmin.aadObjectId);
  });
  afterAll(() => harness.stop());

  it('when a tenant administrator pages past the last measure, then the nation\'s priorities show per key area with bars, and an LA with fewer than 20 contributors says so in words', async () => {
    const card = await lastMeasure(orgAdmin, 'national');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Development priorities (2 of 2)');
    expect(text).toContain('A person names two or three');
    expect(text).toContain('All local authorities\nPriorities named, in all: 177');
    expect(text).toContain('Supporting transitions: 94');
    expect(text).toContain('■');
    expect(text).toContain('Ceredigion\nPriorities named, in all: not shown, so no one can be identified');
    expect(text).toContain('Safeguarding and promoting the welfare of the child: fewer than 5');
    expect(text).toContain('Supporting transitions: 33');
    expect(text).toContain('Powys\nnot shown: fewer than 20 people took a self-assessment, or the counts would give away one that is hidden');
    expect(text).not.toContain('Gwynedd\nPriorities named');
    const titles = actionsOf(card, 'figures.show').map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Previous measure', 'More schools']));
    // The fifth row is on the next page, with every count shown.
    const more = actionsOf(card, 'figures.show').find((a) => a.title === 'More schools')!;
    const next = cardText(await act(orgAdmin, more.data));
    expect(next).toContain('Gwynedd\nPriorities named, in all: 57');
    expect(next).toContain('Safeguarding and promoting the welfare of the child: 9');
  });

  it('when an LA administrator reads their LA in Welsh, then the key areas are named in Welsh with their counts, and another LA\'s administrator with too few contributors gets the Welsh line', async () => {
    const card = await lastMeasure(laAdmin, 'la:ceredigion');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Blaenoriaethau datblygu (2 o 2)');
    expect(text).toContain("Cyfathrebu ac ymgysylltu'n effeithiol â phlant, pobl ifanc, rhieni a gofalwyr: heb ei ddangos, fel na ellir adnabod neb");
    expect(text).toContain('Cefnogi cyfnodau pontio: 33');
    expect(text).toContain('Diogelu a hybu lles y plentyn: llai na 5');
    expect(text).not.toContain('Powys');
    const powys = cardText(await lastMeasure(powysAdmin, 'la:powys'));
    expect(powys).toContain('Blaenoriaethau datblygu (2 o 2)');
    expect(powys).toContain('heb eu dangos: llai nag 20 o bobl wedi gwneud hunanasesiad, neu byddai');
    expect(powys).not.toMatch(/Cyfathrebu|Diogelu|Cefnogi cyfnodau/);
  });

  it('when a school administrator pages through their school, then there is no priorities page, even asked for by number', async () => {
    const last = await lastMeasure(schoolAdmin, `school:${castell}`);
    expect(cardText(last)).toContain('Induction (1 of 1)');
    const asked = cardText(await act(schoolAdmin, { scope: `school:${castell}`, measure: 1, page: 0 }));
    expect(asked).toContain('Induction (1 of 1)');
    expect(asked).not.toMatch(/Development priorities|Safeguarding|Supporting transitions|self-assessment/);
  });

  it('when fewer than 20 people in the whole organisation took a self-assessment, then the national page says so instead of counts', async () => {
    const text = cardText(await lastMeasure(smallAdmin, 'national'));
    expect(text).toContain('Development priorities (2 of 2)');
    expect(text).toContain('All local authorities\nnot shown: fewer than 20 people took a self-assessment');
    expect(text).not.toContain('or the counts would give away');
    expect(text).not.toMatch(/Safeguarding|Supporting transitions|■/);
  });

  it('when an LA administrator and a tenant administrator download the CSV, then the priorities are in it in the card\'s words; a school\'s CSV has none', async () => {
    const csvOf = async (user: TeamsUser, scope: string): Promise<string> => {
      harness.connector.clear();
      await act(user, { scope }, 'figures.export');
      const consent = harness.connector.sent.flatMap((x) => ((x.activity.attachments ?? []) as { contentType: string; content: { acceptContext: unknown } }[]).filter((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent'));
      expect(consent).toHaveLength(1);
      const upload = randomUUID();
      const { text: _t, textFormat: _f, ...envelope } = message(user, harness.serviceUrl, '');
      await harness.post({
        ...envelope,
        type: 'invoke',
        name: 'fileConsent/invoke',
        value: { type: 'fileUpload', action: 'accept', context: consent[0]!.content.acceptContext, uploadInfo: { contentUrl: 'https://hwb-my.sharepoint.com/x.csv', name: 'x.csv', uploadUrl: harness.connector.uploadUrl(upload), uniqueId: upload, fileType: 'csv' } },
      });
      return harness.connector.uploads.at(-1)!.bytes.toString('utf8');
    };
    const la = await csvOf(laAdminEn, 'la:ceredigion');
    expect(la).toContain('"Development priorities","Ceredigion","Supporting transitions","33"');
    expect(la).toContain('"Development priorities","Ceredigion","Safeguarding and promoting the welfare of the child","fewer than 5"');
    expect(la).toContain('"Development priorities","Ceredigion","Priorities named, in all","not shown, so no one can be identified"');
    const national = await csvOf(orgAdmin, 'national');
    expect(national).toContain('"Development priorities","Total","Supporting transitions","94"');
    expect(national).toContain('"Development priorities","Gwynedd","Safeguarding and promoting the welfare of the child","9"');
    expect(national).toContain('"Development priorities","Powys","","not shown: fewer than 20 people took a self-assessment, or the counts would give away one that is hidden"');
    const own = await csvOf(schoolAdmin, `school:${castell}`);
    expect(own).toContain('"Induction","Ysgol y Castell"');
    expect(own).not.toContain('Development priorities');
  });
});
