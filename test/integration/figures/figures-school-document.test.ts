import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { loadContent } from '../../../bot/content/load-content';
import type { Content } from '../../../bot/content/content';
import { figureFactsSchema, type FigureFacts } from '../../../bot/figures/figure-person';
import { createFigureRecords, withEntry, type FigureRecords } from '../../../bot/figures/figure-records';
import { legacyFigurePersonCollection, legacyFigurePersonId } from '../../../bot/figures/figures-legacy-records';
import { computeFiguresSnapshot } from '../../../bot/figures/figures-nightly-job';
import { figureEntryKey, figuresSchoolCollection, FIGURES_SCHOOL_ID, MAX_COUNTED_PER_SCHOOL } from '../../../bot/figures/figures-school';
import { figuresPartition, figuresSnapshotCollection, figuresSnapshotId } from '../../../bot/figures/figures-snapshot';
import { createLogger } from '../../../bot/logging/logger';
import { eraseOnePage } from '../../../bot/my-data/erase-personal-data';
import { gatherPlace } from '../../../bot/my-data/personal-data-gather';
import { personalDataSteps } from '../../../bot/my-data/personal-data-registry';
import { membershipsCollection } from '../../../bot/membership/membership-record';
import { subjectOf } from '../../../bot/my-data/personal-data-subject';
import { createSchoolRegister } from '../../../bot/register/school-register';
import { schoolKey } from '../../../bot/school/school-settings';
import { itemBytes, MAX_ITEM_BYTES } from '../../../bot/storage/item-size-limit';
import { openStore, type OpenedStore } from '../../../bot/storage/open-store';
import { meterRoundTrips } from '../../../bot/storage/round-trip-meter';
import { newUserRecord, userKey, type UserRecord } from '../../../bot/users/user-record';
import { facts } from './figures-school-fixture';

const TENANT = 'cccccccc-0000-4000-8000-0000000000f3';
const NOW = new Date('2026-12-01T10:00:00Z');
const entry = (number: string, name: string, laId: string) => ({ number, name, laId, sector: 'primary' as const, languageCategory: 'welsh-medium' as const, open: true });

describe("one figure document per school, kept by the people's changes", () => {
  let store: OpenedStore;
  let content: Content;
  let records: FigureRecords;
  let castell = '';
  let mor = '';
  const documentOf = async (schoolId: string) => (await store.collection(figuresSchoolCollection).read(FIGURES_SCHOOL_ID, schoolKey(TENANT, schoolId)))?.value;

  /** A person confirmed at the given schools, with a profile. */
  function member(schools: string[], welshLevelId = 'entry'): UserRecord {
    const user = newUserRecord({ tenantId: TENANT, aadObjectId: randomUUID() }, NOW);
    user.profile = { roleId: 'teaching-assistant-2', welshLevelId, ewcNumber: '', updatedAt: NOW.toISOString() };
    user.schools = schools.map((schoolId) => ({ schoolId, status: 'confirmed' as const, since: NOW.toISOString() }));
    return user;
  }

  beforeAll(async () => {
    content = await loadContent();
    store = await openStore({ COSMOS_ENDPOINT: undefined, COSMOS_KEY: undefined, COSMOS_DATABASE: `cefnogi-figures-${randomUUID().slice(0, 8)}`, DATA_DIR: os.tmpdir() }, createLogger({ quiet: true }), { persist: false });
    const register = createSchoolRegister(store);
    await register.save(TENANT, [entry('6811111', 'Ysgol y Castell', 'cardiff'), entry('6822222', 'Ysgol y Môr', 'swansea')], 'test', NOW);
    const catalogue = await register.catalogue(TENANT);
    castell = catalogue.find((s) => s.name === 'Ysgol y Castell')!.id;
    mor = catalogue.find((s) => s.name === 'Ysgol y Môr')!.id;
    records = createFigureRecords(store, content, register, async () => undefined);
  });
  afterAll(() => store.close());

  it('when twenty members of one school change at the same moment, then every one of them is in the school document (no change is lost)', async () => {
    const people = Array.from({ length: 20 }, () => member([castell]));
    await Promise.all(people.map((p) => records.refresh(p, NOW)));
    const doc = await documentOf(castell);
    for (const p of people) expect(doc?.people[figureEntryKey(p.id)]).toBeDefined();
  });

  it('when a person belongs to two schools, then both documents count them, and leaving one takes them out of that one only', async () => {
    const both = member([castell, mor], 'fluent');
    await records.refresh(both, NOW);
    expect(figureFactsSchema.parse((await documentOf(mor))?.people[figureEntryKey(both.id)])).toMatchObject({ welshLevelId: 'fluent', ewcGiven: false });
    await records.remove(TENANT, both.aadObjectId, mor);
    expect((await documentOf(mor))?.people[figureEntryKey(both.id)]).toBeUndefined();
    expect((await documentOf(castell))?.people[figureEntryKey(both.id)]).toBeDefined();
  });

  it('when nothing the figures count has changed, then refreshing writes nothing (the document keeps its eTag)', async () => {
    const person = member([castell]);
    await records.refresh(person, NOW);
    const before = await store.collection(figuresSchoolCollection).read(FIGURES_SCHOOL_ID, schoolKey(TENANT, castell));
    await records.refresh(person, new Date(NOW.getTime() + 60_000));
    const after = await store.collection(figuresSchoolCollection).read(FIGURES_SCHOOL_ID, schoolKey(TENANT, castell));
    expect(after?.etag).toBe(before?.etag);
  });

  it('when a counted person downloads their data, then they see their own figure entry and nobody else’s; when they erase it, their entry goes and the others stay', async () => {
    const person = member([castell], 'advanced');
    // As the bot keeps a confirmed member: their own document, and their membership in the school's partition.
    await store.users.create(person);
    await store.collection(membershipsCollection).create({
      id: person.id, pk: schoolKey(TENANT, castell), kind: 'membership', tenantId: TENANT, schoolId: castell, aadObjectId: person.aadObjectId, status: 'confirmed', source: 'import', requestedAt: NOW.toISOString(),
    });
    await records.refresh(person, NOW);
    const others = Object.keys((await documentOf(castell))!.people).length - 1;
    const subject = subjectOf(person, person);
    const memberships = personalDataSteps().find((p) => p.container === 'memberships')!;
    const held = await gatherPlace(store, subject, 'memberships', memberships.step);
    const figures = held.filter((d) => d.kind === 'figures-school');
    expect(figures).toHaveLength(1);
    expect(Object.keys(figures[0]!.people as object)).toEqual([figureEntryKey(person.id)]);
    for (let i = 0; i < 5 && (await eraseOnePage(store, subject)) > 0; i += 1);
    const after = await documentOf(castell);
    expect(after?.people[figureEntryKey(person.id)]).toBeUndefined();
    expect(Object.keys(after!.people)).toHaveLength(others);
  });

  it('when a colleague’s change to the school document lands between the erasure reading it and writing it, then the erased person’s entry still goes and the colleague’s change stays', async () => {
    const person = member([castell]);
    const colleague = member([castell]);
    await store.collection(membershipsCollection).create({
      id: person.id, pk: schoolKey(TENANT, castell), kind: 'membership', tenantId: TENANT, schoolId: castell, aadObjectId: person.aadObjectId, status: 'confirmed', source: 'import', requestedAt: NOW.toISOString(),
    });
    await records.refresh(person, NOW);
    await records.refresh(colleague, NOW);
    // The erasure's writes go through this store: its first write to the school document is
    // preceded by the colleague's own change, so the eTag the erasure read is stale.
    let interleaved = false;
    const racing = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'collection') return Reflect.get(target, name, receiver);
        return (spec: Parameters<OpenedStore['collection']>[0]) => {
          const collection = target.collection(spec);
          return new Proxy(collection, {
            get(c, method, r) {
              if (method !== 'replace') return Reflect.get(c, method, r);
              return async (doc: { id: string }, etag: string) => {
                if (doc.id === FIGURES_SCHOOL_ID && !interleaved) {
                  interleaved = true;
                  colleague.profile = { ...colleague.profile!, welshLevelId: 'fluent' };
                  await records.refresh(colleague, NOW);
                }
                return c.replace(doc as never, etag);
              };
            },
          });
        };
      },
    });
    const subject = subjectOf(person, person);
    for (let i = 0; i < 5 && (await eraseOnePage(racing, subject)) > 0; i += 1);
    expect(interleaved).toBe(true);
    const after = await documentOf(castell);
    expect(after?.people[figureEntryKey(person.id)]).toBeUndefined();
    expect(after?.people[figureEntryKey(colleague.id)]?.welshLevelId).toBe('fluent');
  });

  it('when the school document is at the most people it counts, each with the longest answers, then it stays far under Cosmos’s 2 MB and one more person is not counted', () => {
    const longest: FigureFacts = facts({
      familyId: 'x'.repeat(60), level: 4, welshLevelId: 'x'.repeat(60), qualification: 'q'.repeat(60), hltaStatus: 'h'.repeat(60),
      ewcGiven: true, inductionStarted: true, inductionCompleted: true, selfAssessments: 99, planningMeetingHeld: true, priorities: ['p'.repeat(60), 'q'.repeat(60), 'r'.repeat(60)],
    });
    let doc = withEntry(undefined, { pk: schoolKey(TENANT, 'big'), schoolId: 'big' }, figureEntryKey('k0'), longest, NOW)!;
    for (let i = 1; i < MAX_COUNTED_PER_SCHOOL; i += 1) doc = withEntry(doc, doc, figureEntryKey(`k${i}`), longest, NOW) ?? doc;
    expect(Object.keys(doc.people)).toHaveLength(MAX_COUNTED_PER_SCHOOL);
    expect(itemBytes(doc)).toBeLessThan(MAX_ITEM_BYTES * 0.75);
    expect(withEntry(doc, doc, figureEntryKey('one more'), longest, NOW)).toBeUndefined();
    const typical = facts({ familyId: 'teaching-learning', level: 2, welshLevelId: 'entry', ewcGiven: true, inductionStarted: true, selfAssessments: 1, priorities: ['safeguarding'] });
    let thousand = withEntry(undefined, { pk: schoolKey(TENANT, 'big'), schoolId: 'big' }, figureEntryKey('t0'), typical, NOW)!;
    for (let i = 1; i < 1000; i += 1) thousand = withEntry(thousand, thousand, figureEntryKey(`t${i}`), typical, NOW)!;
    if (process.env['CEFNOGI_FIGURES'] === '1') {
      console.log(`figures-school document: ${MAX_COUNTED_PER_SCHOOL} people with the longest answers ${(itemBytes(doc) / 1024).toFixed(0)} KB; 1,000 typical people ${(itemBytes(thousand) / 1024).toFixed(0)} KB`);
    }
  });

  it('when per-person figure documents of the first storage exist, then the first night moves them into their school’s document and counts them, and later nights do not look for them again', async () => {
    const legacy = store.collection(legacyFigurePersonCollection);
    const keys = Array.from({ length: 12 }, () => userKey({ tenantId: TENANT, aadObjectId: randomUUID() }));
    for (const key of keys) await legacy.create({ id: legacyFigurePersonId(key), pk: schoolKey(TENANT, mor), kind: 'figures-person', ...facts({ welshLevelId: 'proficiency', inductionStarted: true }) });
    const deps = { store, register: createSchoolRegister(store), log: createLogger({ quiet: true }) };
    const night = await computeFiguresSnapshot(deps, TENANT, NOW);
    expect(await legacy.scanAllPartitions({ kind: 'figures-person' })).toHaveLength(0);
    const doc = await documentOf(mor);
    for (const key of keys) expect(figureFactsSchema.parse(doc?.people[figureEntryKey(key)])).toMatchObject({ welshLevelId: 'proficiency', inductionStarted: true });
    // Counted that night: everyone at Castell and the twelve moved to Môr.
    expect(night.people).toBe(Object.keys((await documentOf(castell))?.people ?? {}).length + 12);
    expect(await store.collection(figuresSnapshotCollection).read(figuresSnapshotId('2026-12-01', 'swansea'), figuresPartition(TENANT))).toBeDefined();
    // The next night: the catalogue, the moved marker, one point read per school, and the day's documents only.
    const fresh = { ...deps, register: createSchoolRegister(store) };
    const { requests } = await meterRoundTrips(() => computeFiguresSnapshot(fresh, TENANT, new Date('2026-12-02T01:30:00Z')));
    expect(requests).toBe(1 + 1 + 2 + 3);
  });
});
