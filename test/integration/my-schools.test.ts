import { performance } from 'node:perf_hooks';
import { membershipsCollection } from '../../bot/membership/membership-record';
import { schoolKey } from '../../bot/school/school-settings';
import { renderMySchoolsCard } from '../../cards/my-schools-card';
import { BotHarness } from '../support/bot-harness';
import { actionsOf, textInputValue } from '../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { registerSchools, school } from '../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER_TENANT = '99999999-2222-3333-4444-555555555555';
const BIG_TENANT = '77777777-2222-3333-4444-555555555555';
const person = (name: string, locale = 'en-GB', tenantId = TENANT) => teamsUser({ name, locale, tenantId });

/** An `application/search` invoke as Teams sends it while someone types into the schools list. */
function search(user: TeamsUser, serviceUrl: string, value: unknown): Record<string, unknown> {
  const activity = message(user, serviceUrl, '');
  delete activity.text;
  delete activity.textFormat;
  return { ...activity, type: 'invoke', name: 'application/search', value };
}
const query = (queryText: string) => ({ queryText, dataset: 'schools', queryOptions: { skip: 0, top: 15 } });

describe('my schools: staff choose their schools from the register, over HTTP as Teams sends it', () => {
  const harness = new BotHarness();
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> =>
    invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  const keyOf = (u: TeamsUser) => `${u.tenantId}:${u.aadObjectId}`;
  const userDoc = async (u: TeamsUser) => harness.bot!.store.users.read(keyOf(u), keyOf(u));
  const roster = async (schoolId: string, tenantId = TENANT) =>
    (await harness.bot!.store.collection(membershipsCollection).findInPartition(schoolKey(tenantId, schoolId), { kind: 'membership' })).map((m) => m.value);
  let ids: Map<string, string>;

  beforeAll(async () => {
    await harness.start();
    const store = harness.bot!.store;
    const ours = await registerSchools(store, TENANT, [
      school('Ysgol y Castell', { altName: 'Castle School', number: '6612001' }),
      school('Ysgol Gynradd Aberaeron', { altName: 'Aberaeron Primary School', number: '6612002' }),
      school("Ysgol yr Hen Gastell", { number: '6612003', open: false }),
      ...Array.from({ length: 9 }, (_, i) => school(`Ysgol Rhif ${i + 1}`, { laId: 'powys' })),
    ]);
    const theirs = await registerSchools(store, OTHER_TENANT, [school('Ysgol y Castell Newydd', { number: '6699001' })]);
    ids = new Map([...ours, ...theirs].map(([name, e]) => [name, e.id]));
  });
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());

  it('when staff type part of either name of a school, then the search answers with open schools of their own tenant only, named with both names and the authority', async () => {
    const nia = person('Nia Roberts');
    const results = async (value: unknown) => {
      const answer = await harness.post(search(nia, harness.serviceUrl, value));
      // The invoke response's status is the HTTP status; its body is the HTTP body.
      expect(answer.status).toBe(200);
      const body = answer.body as { type: string; value: { results: { title: string; value: string }[] } };
      expect(body.type).toBe('application/vnd.microsoft.search.searchResponse');
      return body.value.results;
    };
    expect(await results(query('castle'))).toEqual([{ title: 'Ysgol y Castell / Castle School (Ceredigion)', value: ids.get('Ysgol y Castell') }]);
    // A Welsh initial mutation typed ("yng Nghastell") finds the radical form.
    expect((await results(query('nghastell'))).map((r) => r.value)).toEqual([ids.get('Ysgol y Castell')]);
    // Welsh name, any case; the closed school and the other tenant's "Castell Newydd" never show.
    expect((await results(query('CASTELL'))).map((r) => r.value)).toEqual([ids.get('Ysgol y Castell')]);
    expect((await results(query('primary aberaeron'))).map((r) => r.title)).toEqual(['Ysgol Gynradd Aberaeron / Aberaeron Primary School (Ceredigion)']);
    expect((await results(query('rhif'))).length).toBe(9);
    expect(await results(query(''))).toEqual([]);
    // Tampered requests: no results, nothing read beyond the activity.
    expect(await results({ queryText: { $ne: '' }, dataset: 'schools' })).toEqual([]);
    expect(await results({ queryText: 'castell', dataset: 'schools', queryOptions: { skip: -5, top: 15 } })).toEqual([]);
  });

  it('when someone uses Find instead, then the matches are listed with a button each named for its school, what they typed stays, and choosing one asks to join and awaits the school', async () => {
    const tomos = person('Tomos Hughes');
    await harness.post(message(tomos, harness.serviceUrl, 'my schools'));
    const opened = cardsIn(harness.connector.sent)[0]!;
    expect(cardProblems(opened)).toEqual([]);
    expect(cardText(opened)).toContain('You have not chosen a school yet.');
    const picker = (opened.body as Record<string, unknown>[]).find((e) => e.id === 'searchSchoolId')!;
    expect(picker).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered', 'choices.data': { type: 'Data.Query', dataset: 'schools' } });
    expect(picker.isRequired).toBeUndefined();

    const found = await act(tomos, 'schools.find', { query: 'aberaeron' });
    expect(cardProblems(found)).toEqual([]);
    expect(textInputValue(found, 'query')).toBe('aberaeron');
    expect(cardText(found)).toContain('Schools matching “aberaeron”:');
    const choose = actionsOf(found, 'schools.request').filter((a) => a.data.schoolId !== undefined);
    expect(choose.map((a) => a.data.schoolId)).toEqual([ids.get('Ysgol Gynradd Aberaeron')]);
    expect(JSON.stringify(found)).toContain('"tooltip":"Ysgol Gynradd Aberaeron / Aberaeron Primary School (Ceredigion) is my school"');

    const none = await act(tomos, 'schools.find', { query: 'Hen Gastell' });
    expect(cardText(none)).toContain('No open school in the register matches “Hen Gastell”');
    expect(textInputValue(none, 'query')).toBe('Hen Gastell');

    const asked = await act(tomos, 'schools.request', { schoolId: ids.get('Ysgol Gynradd Aberaeron'), searchSchoolId: '', query: 'aberaeron' });
    expect(cardProblems(asked)).toEqual([]);
    const text = cardText(asked);
    expect(text).toContain('You asked to join Ysgol Gynradd Aberaeron / Aberaeron Primary School (Ceredigion). It is awaiting confirmation by the school.');
    expect(text).toContain('Awaiting confirmation by the school');
    expect(JSON.stringify(asked)).toContain('"tooltip":"Leave Ysgol Gynradd Aberaeron / Aberaeron Primary School (Ceredigion)"');
    expect(await roster(ids.get('Ysgol Gynradd Aberaeron')!)).toEqual([expect.objectContaining({ aadObjectId: tomos.aadObjectId, status: 'pending', source: 'request', name: 'Tomos Hughes' })]);
    expect((await userDoc(tomos))?.value.schools).toEqual([expect.objectContaining({ schoolId: ids.get('Ysgol Gynradd Aberaeron'), status: 'pending' })]);

    // The saved profile lists the school with its status and offers the way back here.
    await act(tomos, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry' });
    const profile = await act(tomos, 'profile.show');
    expect(cardText(profile)).toContain('Ysgol Gynradd Aberaeron / Aberaeron Primary School (Ceredigion): Awaiting confirmation by the school');
    expect(actionsOf(profile, 'schools.mine')).toHaveLength(1);
  });

  it('when a Welsh speaker picks from the search list and presses "Dyma fy ysgol", then they are asked for in Welsh, and they can leave again', async () => {
    const ffion = person('Ffion Lewis', 'cy-GB');
    const asked = await act(ffion, 'schools.request', { searchSchoolId: ids.get('Ysgol y Castell'), query: '' });
    expect(cardText(asked)).toContain("Rydych chi wedi gofyn am ymuno ag Ysgol y Castell / Castle School (Ceredigion). Mae'n aros i'r ysgol gadarnhau.");
    expect(cardText(asked)).toContain("Yn aros i'r ysgol gadarnhau");
    expect(cardText(await act(ffion, 'schools.request', { searchSchoolId: ids.get('Ysgol y Castell') }))).toContain("eisoes yn un o'ch ysgolion");
    expect(await roster(ids.get('Ysgol y Castell')!)).toHaveLength(1);

    const left = await act(ffion, actionsOf(asked, 'schools.leave')[0]!.verb, actionsOf(asked, 'schools.leave')[0]!.data);
    expect(cardText(left)).toContain('Rydych chi wedi gadael Ysgol y Castell / Castle School (Ceredigion).');
    expect(cardText(left)).toContain("Dydych chi ddim wedi dewis ysgol eto.");
    expect(await roster(ids.get('Ysgol y Castell')!)).toEqual([]);
    expect((await userDoc(ffion))?.value.schools).toEqual([]);
  });

  it('when the school asked for is unknown, another tenant\'s, closed, missing, malformed, not theirs to leave, or a ninth, then a clear message comes back, what was typed stays, and nothing is written', async () => {
    const dai = person('Dai Jones');
    await harness.post(message(dai, harness.serviceUrl, 'help'));
    const before = (await userDoc(dai))?.etag;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ schoolId: 'wg-0000000', query: 'castell' }, "not in your organisation's register", 'schools.request'],
      [{ schoolId: ids.get('Ysgol y Castell Newydd'), query: 'castell' }, "not in your organisation's register", 'schools.request'],
      [{ schoolId: ids.get('Ysgol yr Hen Gastell') }, 'Ysgol yr Hen Gastell (Ceredigion) is closed in the register', 'schools.request'],
      [{ searchSchoolId: '', query: 'castell' }, 'Choose your school from the search list first', 'schools.request'],
      [{ schoolId: '../../etc', query: 'castell' }, "not in your organisation's register", 'schools.request'],
      [{ query: '   ' }, "Type part of your school's name first.", 'schools.find'],
      [{ schoolId: ids.get('Ysgol y Castell') }, 'not one of yours', 'schools.leave'],
    ];
    for (const [data, says, verb] of cases) {
      const card = await act(dai, verb, data);
      expect(cardText(card)).toContain(says);
      if (typeof data.query === 'string' && data.query.trim() !== '') expect(textInputValue(card, 'query')).toBe(data.query);
    }
    expect((await userDoc(dai))?.etag).toBe(before);
    expect(await roster(ids.get('Ysgol y Castell Newydd')!, OTHER_TENANT)).toEqual([]);
    expect(await roster(ids.get('Ysgol yr Hen Gastell')!)).toEqual([]);

    for (let i = 1; i <= 8; i += 1) expect(cardText(await act(dai, 'schools.request', { schoolId: ids.get(`Ysgol Rhif ${i}`) }))).toContain('awaiting confirmation');
    const ninth = cardText(await act(dai, 'schools.request', { schoolId: ids.get('Ysgol Rhif 9') }));
    expect(ninth).toContain('You can belong to at most 8 schools. Leave one first; nothing was changed.');
    expect(await roster(ids.get('Ysgol Rhif 9')!)).toEqual([]);
    expect((await userDoc(dai))?.value.schools).toHaveLength(8);
  });

  it('when the catalogue holds 1,500 schools, then a search still answers at most 15 of them, and the cards stay valid and small at their largest', async () => {
    const big = Array.from({ length: 1500 }, (_, i) => school(`Ysgol Gynradd Prawf ${String(i + 1).padStart(4, '0')}`, { altName: `Test Primary School ${i + 1}`, laId: 'rhondda-cynon-taf' }));
    await registerSchools(harness.bot!.store, BIG_TENANT, big);
    const siân = person('Siân Big', 'en-GB', BIG_TENANT);
    const times: number[] = [];
    let results: unknown[] = [];
    for (let i = 0; i < 21; i += 1) {
      const started = performance.now();
      const answer = await harness.post(search(siân, harness.serviceUrl, query(i % 2 ? 'prawf 1' : 'test primary')));
      times.push(performance.now() - started);
      results = (answer.body as { value: { results: unknown[] } }).value.results;
      expect(results.length).toBe(15);
    }
    if (process.env.CEFNOGI_FIGURES === '1') {
      const sorted = times.slice(1).sort((a, b) => a - b);
      console.log(`search invoke over 1,500 schools: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms (first ${times[0]!.toFixed(1)} ms)`);
    }

    const longest = 'W'.repeat(120);
    const title = `${longest} / ${longest} (${'l'.repeat(40)})`;
    for (const language of ['en', 'cy'] as const) {
      const card = renderMySchoolsCard(language, {
        lead: 'x'.repeat(500),
        leadTone: 'attention',
        schools: Array.from({ length: 8 }, (_, i) => ({ schoolId: `s-${'a'.repeat(60)}${i}`, title, status: i % 2 ? 'confirmed' : 'pending' })),
        query: 'q'.repeat(120),
        searched: true,
        matches: Array.from({ length: 15 }, (_, i) => ({ schoolId: `s-${'b'.repeat(60)}${i}`, title })),
      });
      expect(cardProblems(card)).toEqual([]);
      const activity = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
      const size = Buffer.byteLength(JSON.stringify(activity), 'utf16le');
      if (process.env.CEFNOGI_FIGURES === '1') console.log(`my schools card (${language}), 8 schools + 15 matches at the longest names: ${(size / 1024).toFixed(1)} KB (UTF-16)`);
      expect(size).toBeLessThan(80 * 1024);
    }
  });
});
