import { auditCollection, auditPartition } from '../../../bot/audit/audit-record';
import { BotHarness } from '../../support/bot-harness';
import { choiceInputs } from '../../support/card-inputs';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { press } from '../../support/press-button';
import { appointAdmin, appointSchoolAdmin, registerSchools, school } from '../../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { writeNight } from './snapshot-fixture';

const TENANT = '11111111-2222-3333-4444-5555555555f6';
const clock = new Date('2026-12-14T13:00:00Z');
const person = (name: string, locale = 'en-GB') => teamsUser({ name, locale, tenantId: TENANT });
const orgAdmin = person('Org Admin');
const twoLas = person('Dwynwen Dau Awdurdod', 'cy-GB');
const mixed = person('Morgan Mixed');
const twoSchools = person('Tomos Two Schools');
const oneSchool = person('Olwen One School');
const manySchools = person('Mair Many Schools');
/** The words of a refusal and of the figures, so a test can tell which a card is. */
const FIGURES_WORDS = /Induction|Cynefino|Ysgol y Castell|Ysgol y Môr|■/;

describe('the figures picker: a person chooses among the views they hold, each choice checked', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${orgAdmin.aadObjectId}` });
  const ids = new Map<string, string>();
  const typed = async (user: TeamsUser, text: string): Promise<Card> => {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    return cardsIn(harness.connector.sent)[0]!;
  };
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<Card> => invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  /** Chooses `scope` in the card's picker and presses Show, as Teams sends it. */
  const choose = async (user: TeamsUser, card: Card, scope: string): Promise<Card> => {
    const pressed = press(card, 'figures.show', { scope }, (a) => a.associatedInputs !== 'none');
    return act(user, pressed.verb, pressed.data);
  };
  const latestAudit = async () =>
    (await harness.bot!.store.collection(auditCollection).findPageDescending(auditPartition(TENANT), { kind: 'audit' }, { orderBy: 'id', limit: 1 }))[0]?.value;
  const appointLa = (user: TeamsUser, laId: string) => appointAdmin(harness.bot!.store, TENANT, 'la-admin', laId, user.aadObjectId);

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    const store = harness.bot!.store;
    const many = Array.from({ length: 30 }, (_, i) => school(`Ysgol Gwynedd ${String(i + 1).padStart(2, '0')}`, { laId: 'gwynedd' }));
    const entries = await registerSchools(store, TENANT, [school('Ysgol y Castell'), school('Ysgol y Bae'), school('Ysgol y Môr', { laId: 'powys' }), ...many], clock);
    for (const [name, e] of entries) ids.set(name, e.id);
    const manyIds = many.map((s) => ids.get(s.name)!);
    await writeNight(store, TENANT, '2026-12-14', [
      { laId: 'ceredigion', schools: [{ id: ids.get('Ysgol y Castell')!, counts: [6, 10, 8] }, { id: ids.get('Ysgol y Bae')!, counts: [5, 7, 6] }], priorities: { counts: [30, 20, 10], withheld: false } },
      { laId: 'powys', schools: [{ id: ids.get('Ysgol y Môr')!, counts: [5, 6, 7] }], priorities: { counts: [25, 10, 15], withheld: false } },
      { laId: 'gwynedd', schools: manyIds.map((id) => ({ id, counts: [5, 5, 5] })), priorities: { counts: [40, 30, 20], withheld: false } },
    ], ['communication', 'safeguarding', 'transitions'], true);
    await appointLa(twoLas, 'ceredigion');
    await appointLa(twoLas, 'powys');
    await appointLa(mixed, 'ceredigion');
    await appointSchoolAdmin(store, TENANT, ids.get('Ysgol y Castell')!, mixed.aadObjectId);
    await appointSchoolAdmin(store, TENANT, ids.get('Ysgol y Môr')!, mixed.aadObjectId);
    await appointSchoolAdmin(store, TENANT, ids.get('Ysgol y Castell')!, twoSchools.aadObjectId);
    await appointSchoolAdmin(store, TENANT, ids.get('Ysgol y Môr')!, twoSchools.aadObjectId);
    await appointSchoolAdmin(store, TENANT, ids.get('Ysgol y Castell')!, oneSchool.aadObjectId);
    for (const id of manyIds) await appointSchoolAdmin(store, TENANT, id, manySchools.aadObjectId);
  });
  afterAll(() => harness.stop());

  it('when an administrator of two LAs types "ffigurau", then a picker in Welsh offers both; choosing the other keeps the measure and shows its schools', async () => {
    const card = await typed(twoLas, 'ffigurau');
    expect(cardProblems(card)).toEqual([]);
    const [picker] = choiceInputs(card);
    expect(picker).toMatchObject({ id: 'scope', label: 'Dangos y ffigurau ar gyfer', value: 'la:ceredigion' });
    expect(picker!.choices.map((c) => c.title)).toEqual(['Ceredigion, fesul ysgol', 'Powys, fesul ysgol']);
    const onPriorities = await act(twoLas, 'figures.show', { scope: 'la:ceredigion', measure: 1, page: 0 });
    expect(cardText(onPriorities)).toContain('Blaenoriaethau datblygu (2 o 2)');
    const powys = await choose(twoLas, onPriorities, 'la:powys');
    expect(cardProblems(powys)).toEqual([]);
    const text = cardText(powys);
    expect(text).toContain('Blaenoriaethau datblygu (2 o 2)');
    expect(text).toContain('Powys\nBlaenoriaethau a enwyd, i gyd: 50');
    expect(choiceInputs(powys)[0]!.value).toBe('la:powys');
    const back = await choose(twoLas, powys, 'la:ceredigion');
    expect(cardText(back)).toContain('Ceredigion\nBlaenoriaethau a enwyd, i gyd: 60');
  });

  it('when a tenant administrator opens the picker, then it holds the nation and all 22 LAs, and choosing one LA shows it school by school', async () => {
    const card = await typed(orgAdmin, 'figures');
    const [picker] = choiceInputs(card);
    expect(picker!.value).toBe('national');
    expect(picker!.choices).toHaveLength(23);
    expect(picker!.choices[0]).toEqual({ title: 'All local authorities, authority by authority', value: 'national' });
    expect(cardText(card)).not.toContain('The list holds');
    const ceredigion = cardText(await choose(orgAdmin, card, 'la:ceredigion'));
    expect(ceredigion).toContain('Ceredigion, school by school');
    expect(ceredigion).toContain('Ysgol y Castell\nTotal: 24');
  });

  it('when an LA administrator also runs a school in their LA and one outside it, then the picker lists their LA and the school outside, not the one inside', async () => {
    const [picker] = choiceInputs(await typed(mixed, 'figures'));
    if (process.env['CEFNOGI_FIGURES'] === '1') console.log(`figures card (LA view) with a picker of an LA and a school: ${harness.bot!.stats.lastTurnRoundTrips} store requests for the whole turn`);
    expect(picker!.choices.map((c) => c.title)).toEqual(['Ceredigion, school by school', 'Ysgol y Môr']);
    // From the LA's priorities page to a school, which has none: its last measure, page one.
    const priorities = await act(mixed, 'figures.show', { scope: 'la:ceredigion', measure: 1, page: 0 });
    expect(cardText(priorities)).toContain('Development priorities (2 of 2)');
    const mor = cardText(await choose(mixed, priorities, `school:${ids.get('Ysgol y Môr')}`));
    expect(mor).toContain('Induction (1 of 1)');
    expect(mor).toContain('Ysgol y Môr\nTotal: 18');
  });

  it('when a tenant administrator chooses an LA with no schools counted, then they are told there are no figures yet and offered the way back', async () => {
    const card = await typed(orgAdmin, 'figures');
    const none = await choose(orgAdmin, card, 'la:cardiff');
    expect(cardProblems(none)).toEqual([]);
    expect(cardText(none)).toContain('There are no figures yet');
    const back = (none.actions as { title: string; verb: string; data: Record<string, unknown> }[]).find((a) => a.title === 'Workforce figures')!;
    expect(back.verb).toBe('figures.show');
    expect(cardText(await act(orgAdmin, back.verb, back.data))).toContain('All local authorities, authority by authority');
  });

  it('when an administrator of two schools chooses the other, then they see that school only; an administrator of one school gets no picker', async () => {
    const card = await typed(twoSchools, 'figures');
    if (process.env['CEFNOGI_FIGURES'] === '1') console.log(`figures card with a picker of two schools: ${harness.bot!.stats.lastTurnRoundTrips} store requests for the whole turn`);
    expect(choiceInputs(card)[0]!.choices.map((c) => c.title)).toEqual(['Ysgol y Castell', 'Ysgol y Môr']);
    const mor = cardText(await choose(twoSchools, card, `school:${ids.get('Ysgol y Môr')}`));
    expect(mor).toContain('Ysgol y Môr\nTotal: 18');
    expect(mor).not.toContain('Ysgol y Castell\nTotal');
    const single = await typed(oneSchool, 'figures');
    expect(choiceInputs(single)).toEqual([]);
    expect(cardText(single)).toContain('Ysgol y Castell\nTotal: 24');
  });

  it('when someone sends a view outside theirs through the picker, then it is refused in their language, audited, and nothing is shown', async () => {
    const cases: [TeamsUser, string, string, { kind: string; id: string }][] = [
      [twoLas, 'la:gwynedd', "Nid ydych chi'n weinyddwr yr awdurdod lleol hwnnw", { kind: 'la', id: 'gwynedd' }],
      [twoLas, 'national', 'Dim ond gweinyddwyr Cefnogi eich sefydliad', { kind: 'tenant', id: TENANT }],
      [twoSchools, `school:${ids.get('Ysgol y Bae')}`, 'You are not an administrator of that school', { kind: 'school', id: ids.get('Ysgol y Bae')! }],
      [twoSchools, 'la:powys', 'You are not an administrator of that local authority', { kind: 'la', id: 'powys' }],
    ];
    for (const [user, scope, says, target] of cases) {
      const card = await typed(user, user === twoLas ? 'ffigurau' : 'figures');
      const refused = await choose(user, card, scope);
      expect(cardProblems(refused)).toEqual([]);
      expect(cardText(refused)).toContain(says);
      expect(cardText(refused)).not.toMatch(FIGURES_WORDS);
      expect(await latestAudit()).toMatchObject({ actor: user.aadObjectId.toLowerCase(), action: 'figures.show', outcome: 'refused', target });
    }
  });

  it('when an administrator holds 30 schools, then the picker lists 23 and says so, and the message stays under 80 KB', async () => {
    harness.connector.clear();
    await harness.post(message(manySchools, harness.serviceUrl, 'figures'));
    const sent = harness.connector.sent.at(-1)!;
    const card = cardsIn([sent])[0]!;
    expect(cardProblems(card)).toEqual([]);
    expect(choiceInputs(card)[0]!.choices).toHaveLength(23);
    expect(cardText(card)).toContain('The list holds 23 of the 30 views you may see.');
    const bytes = Buffer.byteLength(JSON.stringify(sent.activity), 'utf16le');
    if (process.env['CEFNOGI_FIGURES'] === '1') console.log(`figures card with a picker of 23 schools: ${(bytes / 1024).toFixed(1)} KB (UTF-16)`);
    expect(bytes).toBeLessThan(80 * 1024);
  });
});
