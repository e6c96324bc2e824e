import { randomUUID } from 'node:crypto';
import { figuresSchoolCollection } from '../../../bot/figures/figures-school';
import { computeFiguresSnapshot } from '../../../bot/figures/figures-nightly-job';
import { createLogger } from '../../../bot/logging/logger';
import { createSchoolRegister } from '../../../bot/register/school-register';
import { BotHarness } from '../../support/bot-harness';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { appointAdmin, registerSchools, appointSchoolAdmin, school } from '../../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { facts, figuresSchoolOf } from './figures-school-fixture';

const TENANT = '11111111-2222-3333-4444-5555555555f3';
const clock = new Date('2026-12-14T13:00:00Z');
const person = (name: string, locale = 'en-GB') => teamsUser({ name, locale, tenantId: TENANT });
const orgAdmin = person('Org Admin');
const laAdmin = person('Lowri LA', 'cy-GB');
const schoolAdmin = person('Sam School');
const schoolAdminCy = person('Sioned Ysgol', 'cy-GB');
const stranger = person('Siân Staff', 'cy-GB');
const strangerEn = person('Steve Staff');

/** One block of a figures card as its reader sees it: a row's name, its total and each category, numbers or undefined. */
interface ReadGroup { name: string; total: number | undefined; cells: Map<string, number | undefined> }

/** Reads the groups off a rendered figures card (what an administrator actually gets). */
function groupsOf(card: Card): ReadGroup[] {
  const number = (text: string) => (/: (\d+)$/.exec(text) ? Number(/: (\d+)$/.exec(text)![1]) : undefined);
  return (card.body as { type: string; separator?: boolean; items?: { type: string; text?: string; items?: { text: string }[] }[] }[])
    .filter((b) => b.type === 'Container' && b.separator)
    .map((b) => {
      const items = b.items ?? [];
      const cells = new Map<string, number | undefined>();
      for (const line of items.filter((i) => i.type === 'Container')) {
        const text = line.items![0]!.text;
        cells.set(text.slice(0, text.lastIndexOf(': ')), number(text));
      }
      return { name: items[0]!.text!, total: items[1] ? number(items[1].text!) : undefined, cells };
    });
}

/**
 * Subtraction by an administrator holding several cards: every row adds up to its total,
 * every category's schools add up to the all-schools line, a school's total is the same in
 * every measure; whenever one of these has a single unknown, it is worked out, until nothing
 * more follows. Answers the cells worked out that the cards did not show.
 */
function subtract(cards: { measure: number; groups: ReadGroup[] }[], allName: string): string[] {
  const known = new Map<string, number>();
  const equations: { parts: string[]; sum: string }[] = [];
  const shown = new Set<string>();
  const names = new Set<string>();
  const categories = new Map<number, Set<string>>();
  for (const { measure, groups } of cards) {
    const cats = categories.get(measure) ?? new Set<string>();
    categories.set(measure, cats);
    for (const g of groups) {
      names.add(g.name);
      if (g.total !== undefined) known.set(`total|${g.name}`, g.total);
      for (const [label, value] of g.cells) {
        cats.add(label);
        if (value !== undefined) known.set(`${measure}|${g.name}|${label}`, value);
      }
    }
  }
  for (const k of known.keys()) shown.add(k);
  const schools = [...names].filter((n) => n !== allName);
  for (const [measure, cats] of categories) {
    for (const n of names) equations.push({ parts: [...cats].map((c) => `${measure}|${n}|${c}`), sum: `total|${n}` });
    for (const c of cats) equations.push({ parts: schools.map((n) => `${measure}|${n}|${c}`), sum: `${measure}|${allName}|${c}` });
  }
  equations.push({ parts: schools.map((n) => `total|${n}`), sum: `total|${allName}` });
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of equations) {
      const unknown = [...e.parts, e.sum].filter((k) => !known.has(k));
      if (unknown.length !== 1) continue;
      const partsKnown = e.parts.filter((k) => known.has(k)).reduce((a, k) => a + known.get(k)!, 0);
      known.set(unknown[0]!, unknown[0] === e.sum ? partsKnown : known.get(e.sum)! - partsKnown);
      changed = true;
    }
  }
  return [...known.keys()].filter((k) => !shown.has(k));
}

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
    const documents = store.collection(figuresSchoolCollection);
    for (const [name, entry] of entries) {
      const people = Array.from({ length: sizes[name]! }, (_, i) =>
        facts({ familyId: 'teaching-assistant', level: 1 + (i % 3), welshLevelId: i % 7 === 0 ? 'fluent' : 'entry', ewcGiven: i % 2 === 0, inductionStarted: true, inductionCompleted: i % 4 === 0, selfAssessments: i % 3 === 0 ? 1 : 0 }),
      );
      await documents.create(figuresSchoolOf(TENANT, entry.id, people, clock));
    }
    await appointAdmin(store, TENANT, 'la-admin', 'ceredigion', laAdmin.aadObjectId);
    await appointSchoolAdmin(store, TENANT, ids.get('Ysgol y Castell')!, schoolAdmin.aadObjectId);
    await appointSchoolAdmin(store, TENANT, ids.get('Ysgol y Castell')!, schoolAdminCy.aadObjectId);
    // The night before: the snapshot every card reads.
    await computeFiguresSnapshot({ store, register: createSchoolRegister(store), log: createLogger({ quiet: true }) }, TENANT, new Date('2026-12-14T01:30:00Z'));
  });
  afterAll(() => harness.stop());

  it('when a school administrator types "figures", then they see their school only, with bars, the date and a way on and back', async () => {
    const card = await typed(schoolAdmin, 'figures');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Workforce figures');
    expect(text).toContain('Ysgol y Castell');
    // The date is written out as every other card writes one, not as 2026-12-14; and the snapshot of
    // 01:30 on the 14th is said to be from that day's early hours, not "the night of" the 14th, still to come.
    expect(text).toContain('Counted in the early hours of Monday, 14 December 2026.');
    expect(text).not.toContain('night of');
    expect(text).not.toContain('2026-12-14');
    expect(text).toContain('Job family and level (1 of 8)');
    expect(text).toContain('■');
    for (const other of ['Ysgol y Bae', 'Ysgol y Bryn', 'Ysgol y Môr']) expect(text).not.toContain(other);
    const titles = ((card.actions ?? []) as { title: string }[]).map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Next measure', 'Help']));
    if (process.env['CEFNOGI_FIGURES'] === '1') console.log(`figures card (school administrator): ${harness.bot!.stats.lastTurnRoundTrips} store requests for the whole turn, ${JSON.stringify(card).length} bytes`);
  });

  it('when an LA administrator types "ffigurau", then they see their LA school by school in Welsh, a small school withheld in words, and no other LA', async () => {
    const card = await typed(laAdmin, 'ffigurau');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain("Ffigurau'r gweithlu");
    expect(text).toContain('Pob ysgol');
    expect(text).toContain('Wedi\'u cyfrif yn oriau mân y bore ar 14 Rhagfyr 2026.');
    expect(text).toContain('Ysgol y Castell');
    expect(text).toContain("Ysgol y Bae\nheb ei ddangos: rhy ychydig o bobl i'w ddangos heb adnabod rhywun");
    expect(text).not.toContain('Ysgol y Môr');
    const next = await act(laAdmin, { scope: 'la:ceredigion', measure: 1, page: 0 });
    expect(cardText(next)).toContain('Lefel Cymraeg (2 o 9)');
    expect(cardText(next)).toContain('llai na 5');
  });

  it('when a tenant administrator types "figures", then they see every LA', async () => {
    const text = cardText(await typed(orgAdmin, 'figures'));
    if (process.env['CEFNOGI_FIGURES'] === '1') console.log(`figures card (tenant administrator, national): ${harness.bot!.stats.lastTurnRoundTrips} store requests for the whole turn`);
    expect(text).toContain('All local authorities, authority by authority');
    expect(text).toContain('Ceredigion');
    expect(text).toContain('Powys');
  });

  it('when a tenant administrator reads the national figures in either language, then the first block is named for what it adds up (all local authorities), not a bare "Total" above its total', async () => {
    const english = groupsOf(await typed(orgAdmin, 'figures'));
    expect(english[0]!.name).toBe('All local authorities');
    expect(english.map((g) => g.name)).not.toContain('Total');
    await typed(orgAdmin, 'Cymraeg');
    const welsh = groupsOf(await typed(orgAdmin, 'ffigurau'));
    await typed(orgAdmin, 'English');
    expect(welsh[0]!.name).toBe('Pob awdurdod lleol');
    expect(welsh.map((g) => g.name)).not.toContain('Cyfanswm');
    expect(welsh[0]!.total).toBe(english[0]!.total);
  });

  it('when a tenant administrator downloads the CSV from a later measure, then the card they pressed on stays on that measure, saying the file is on its way', async () => {
    const fourth = await act(orgAdmin, { scope: 'national', measure: 3, page: 0 });
    expect(cardText(fourth)).toContain('HLTA status (4 of 9)');
    const download = ((fourth.actions ?? []) as { verb?: string; data?: Record<string, unknown> }[]).find((a) => a.verb === 'figures.export')!;
    const answered = invokeCard(await harness.post(cardAction(orgAdmin, harness.serviceUrl, 'figures.export', download.data!)));
    expect(cardProblems(answered)).toEqual([]);
    expect(cardText(answered)).toContain('The CSV file is on its way in this chat');
    expect(cardText(answered)).toContain('HLTA status (4 of 9)');
    expect(cardText(answered)).not.toContain('Job family and level (1 of 9)');
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
  it('when an LA administrator and a school administrator put together every page of every measure they get and subtract, then no hidden count comes out', async () => {
    const cards: { measure: number; groups: ReadGroup[] }[] = [];
    for (let measure = 0; measure < 8; measure += 1) {
      for (let page = 0; ; page += 1) {
        const card = await act(laAdmin, { scope: 'la:ceredigion', measure, page });
        cards.push({ measure, groups: groupsOf(card) });
        if (!((card.actions ?? []) as { verb?: string; title: string }[]).some((a) => a.title === 'Rhagor o ysgolion')) break;
      }
      // A school administrator reading in Welsh too, so both see the same words for the same cells.
      const own = await act(schoolAdminCy, { scope: `school:${ids.get('Ysgol y Castell')}`, measure, page: 0 });
      cards.push({ measure, groups: groupsOf(own) });
    }
    const hidden = cards.flatMap((c) => c.groups.flatMap((g) => [...g.cells.values()].filter((v) => v === undefined))).length;
    expect(hidden).toBeGreaterThan(0);
    expect(subtract(cards, 'Pob ysgol')).toEqual([]);
  });


  it('when a school administrator downloads the CSV, then it holds their school only, with the same words for hidden counts as the card; someone else\'s school is refused and nothing is offered', async () => {
    harness.connector.clear();
    const card = await act(schoolAdmin, { scope: `school:${ids.get('Ysgol y Castell')}`, measure: 1 });
    const onCard = groupsOf(card)[0]!;
    harness.connector.clear();
    const started = invokeCard(await harness.post(cardAction(schoolAdmin, harness.serviceUrl, 'figures.export', { scope: `school:${ids.get('Ysgol y Castell')}` })));
    expect(cardText(started)).toContain('The CSV file is on its way');
    const consent = harness.connector.sent.flatMap((x) => ((x.activity.attachments ?? []) as { contentType: string; content: { acceptContext: { offerId: string } } }[]).filter((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent'));
    expect(consent).toHaveLength(1);
    const upload = randomUUID();
    const { text: _t, textFormat: _f, ...envelope } = message(schoolAdmin, harness.serviceUrl, '');
    await harness.post({
      ...envelope,
      type: 'invoke',
      name: 'fileConsent/invoke',
      value: { type: 'fileUpload', action: 'accept', context: consent[0]!.content.acceptContext, uploadInfo: { contentUrl: 'https://hwb-my.sharepoint.com/x.csv', name: 'x.csv', uploadUrl: harness.connector.uploadUrl(upload), uniqueId: upload, fileType: 'csv' } },
    });
    const csv = harness.connector.uploads.at(-1)!.bytes.toString('utf8');
    expect(csv).toContain('"Measure","School or authority","Category","Count"');
    expect(csv).toContain('"Ysgol y Castell"');
    for (const other of ['Ysgol y Bae', 'Ysgol y Bryn', 'Ysgol y Môr']) expect(csv).not.toContain(other);
    // Every number the card shows is the file's number; a count the card hides is no number in the file.
    for (const [label, value] of onCard.cells) expect(csv).toContain(`"Welsh level","Ysgol y Castell","${label}","${value === undefined ? '' : `${value}"`}`);
    expect(csv).toContain('fewer than 5');
    expect(csv).toContain('not shown, so no one can be identified');

    harness.connector.clear();
    const refused = invokeCard(await harness.post(cardAction(schoolAdmin, harness.serviceUrl, 'figures.export', { scope: `school:${ids.get('Ysgol y Môr')}` })));
    expect(cardText(refused)).toContain('You are not an administrator of that school');
    expect(harness.connector.sent.flatMap((x) => (x.activity.attachments ?? []) as unknown[])).toEqual([]);
  });

  it('when a card shows a row with one count hidden beside its total, then the subtraction above does work it out (so it can catch a leak)', () => {
    const leaky: ReadGroup[] = [
      { name: 'Pob ysgol', total: 20, cells: new Map([['a', 12], ['b', 8]]) },
      { name: 'Ysgol A', total: 20, cells: new Map<string, number | undefined>([['a', 12], ['b', undefined]]) },
    ];
    expect(subtract([{ measure: 0, groups: leaky }], 'Pob ysgol')).toEqual(['0|Ysgol A|b']);
  });
});
