import { figuresSchoolCollection } from '../../../bot/figures/figures-school';
import { computeFiguresSnapshot, figuresJobRequest } from '../../../bot/figures/figures-nightly-job';
import { figuresPartition, figuresSnapshotCollection, figuresSnapshotId } from '../../../bot/figures/figures-snapshot';
import { createLogger } from '../../../bot/logging/logger';
import { createSchoolRegister } from '../../../bot/register/school-register';
import { meterRoundTrips } from '../../../bot/storage/round-trip-meter';
import { BotHarness } from '../../support/bot-harness';
import { facts, figuresSchoolOf } from './figures-school-fixture';

const TENANT = 'aaaaaaaa-0000-4000-8000-0000000000f1';
let clock = new Date('2026-11-30T00:45:00Z');
const school = (number: string, name: string, laId: string) => ({ number, name, laId, sector: 'primary' as const, languageCategory: 'welsh-medium' as const, open: true });

describe('the nightly figures job on the running bot’s store', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start({ now: () => clock }));
  afterAll(() => harness.stop());

  it('when the night comes, then each LA and the nation get that day’s figures, and a small school’s members are not shown', async () => {
    const store = harness.bot!.store;
    const register = createSchoolRegister(store);
    await register.save(TENANT, [school('6811111', 'Ysgol y Castell', 'cardiff'), school('6811112', 'Ysgol y Bae', 'cardiff'), school('6822222', 'Ysgol y Môr', 'swansea')], 'test', clock);
    const entries = await register.catalogue(TENANT);
    const documents = store.collection(figuresSchoolCollection);
    const sizes: Record<string, number> = { 'Ysgol y Castell': 24, 'Ysgol y Bae': 6, 'Ysgol y Môr': 15 };
    for (const entry of entries) {
      const people = Array.from({ length: sizes[entry.name]! }, (_, i) =>
        facts({ familyId: 'teaching-learning', level: 1 + (i % 3), welshLevelId: 'entry', ewcGiven: i % 2 === 0, inductionStarted: true, inductionCompleted: i % 4 === 0 }),
      );
      await documents.create(figuresSchoolOf(TENANT, entry.id, people, clock));
    }
    // The running bot registers the job's kind; a tenant's job is asked for as the bot does.
    await harness.bot!.proactive.scheduler.ensure(figuresJobRequest(TENANT, clock));
    clock = new Date('2026-11-30T01:31:00Z');
    const { requests } = await meterRoundTrips(() => harness.bot!.proactive.scheduler.tick(clock));
    const snapshots = store.collection(figuresSnapshotCollection);
    const cardiff = (await snapshots.read(figuresSnapshotId('2026-11-30', 'cardiff'), figuresPartition(TENANT)))?.value;
    const national = (await snapshots.read(figuresSnapshotId('2026-11-30', 'national'), figuresPartition(TENANT)))?.value;
    expect(cardiff?.measures.map((m) => m.id)).toContain('welshLevel');
    const bae = entries.find((e) => e.name === 'Ysgol y Bae')!;
    for (const m of cardiff!.measures) expect(m.table.rows.find((r) => r.id === bae.id)!.cells.every((c) => c.shown === 'hidden')).toBe(true);
    expect(national?.measures[0]!.table.rows.map((r) => r.id)).toEqual(['cardiff', 'swansea']);
    if (process.env['CEFNOGI_FIGURES'] === '1') console.log(`nightly figures for 3 schools, 45 people: ${requests} store requests`);
  });

  it('when the same day is computed again, then its documents are replaced, not doubled', async () => {
    const store = harness.bot!.store;
    const register = createSchoolRegister(store);
    await computeFiguresSnapshot({ store, register, log: createLogger({ quiet: true }) }, TENANT, clock);
    const again = await computeFiguresSnapshot({ store, register, log: createLogger({ quiet: true }) }, TENANT, clock);
    expect(again.documents).toBe(3);
    expect(await store.collection(figuresSnapshotCollection).findInPartition(figuresPartition(TENANT), { kind: 'figures-snapshot' })).toHaveLength(3);
  });
});
