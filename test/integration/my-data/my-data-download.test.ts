import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import en from '../../../bot/i18n/en.json';
import cy from '../../../bot/i18n/cy.json';
import type { ContainerName } from '../../../bot/storage/containers';
import { collectionSpec } from '../../../bot/storage/collection-spec';
import { meterRoundTrips } from '../../../bot/storage/round-trip-meter';
import { rawDocumentSchema, type RawDocument } from '../../../bot/my-data/raw-document';
import { DOWNLOAD_PART_KIND } from '../../../bot/my-data/download-parts';
import { userKey } from '../../../bot/users/user-record';
import { BotHarness } from '../../support/bot-harness';
import { actionVerbs, cardText, cardsIn, invokeCard, type Card } from '../../support/cards-in';
import { registerSchools, school } from '../../support/school-register-fixture';
import { cardAction, message, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { personWhoUsedEverything, type MyDataWorld } from './person-who-used-everything';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';

type MyFile = { person: { email: string }; places: { container: string; documents: Record<string, unknown>[] }[] };

/** "Download my data": the button answers at once, a durable job gathers in runs and sends the summary and the file through the chat. */
describe('downloading my data, over HTTP as Teams sends it', () => {
  const harness = new BotHarness();
  let clock = new Date('2026-11-30T09:00:00Z');
  let dataDir = '';
  let schoolId = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cefnogi-my-data-download-'));
    await harness.start({ dataDir, now: () => clock });
    for (const [, entry] of await registerSchools(harness.bot!.store, TENANT, [school('Ysgol y Castell')])) schoolId = entry.id;
  });
  afterAll(async () => {
    await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const world = (): MyDataWorld => ({ harness, tenant: TENANT, schoolId, clock: () => clock });
  const raw = (container: ContainerName) => harness.bot!.store.collection(collectionSpec<RawDocument>(container, rawDocumentSchema));

  async function pressAs(user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> {
    return invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  }

  const consentCards = () =>
    harness.connector.sent.flatMap((s) => ((s.activity.attachments ?? []) as { contentType: string; content: { acceptContext: { offerId: string } } }[]).filter((a) => a.contentType === CONSENT));

  /** Lets the scheduler and the outbox run, 5 s of test clock at a time, until the consent card has arrived; the runs and store requests it took. */
  async function runUntilTheFileArrives(options: { restartAfterFirstRun?: boolean } = {}): Promise<{ runs: number; requests: number }> {
    let requests = 0;
    for (let runs = 1; runs <= 30; runs += 1) {
      clock = new Date(clock.getTime() + 5_000);
      const { proactive } = harness.bot!;
      requests += (
        await meterRoundTrips(async () => {
          await proactive.scheduler.tick(clock);
          await proactive.sender.drain(clock);
        })
      ).requests;
      if (consentCards().length > 0) return { runs, requests };
      if (runs === 1 && options.restartAfterFirstRun) await harness.restart();
    }
    throw new Error('the file never arrived');
  }

  /** Accepts the one consent card the bot sent, and answers the uploaded file. */
  async function acceptFile(user: TeamsUser): Promise<MyFile> {
    const consent = consentCards();
    expect(consent).toHaveLength(1);
    const session = randomUUID();
    const { text: _t, textFormat: _f, ...envelope } = message(user, harness.serviceUrl, '');
    await harness.post({
      ...envelope,
      type: 'invoke',
      name: 'fileConsent/invoke',
      value: { type: 'fileUpload', action: 'accept', context: consent[0]!.content.acceptContext, uploadInfo: { contentUrl: 'https://hwb-my.sharepoint.com/x.json', name: 'x.json', uploadUrl: harness.connector.uploadUrl(session), uniqueId: session, fileType: 'json' } },
    });
    return JSON.parse(harness.connector.uploads.at(-1)!.bytes.toString('utf8')) as MyFile;
  }

  it.each([
    ['English', 'en-GB', en],
    ['Welsh', 'cy-GB', cy],
  ])('when a person who used everything presses Download in %s, then the button answers at once that the file is being prepared, and after a restart part-way one summary card and one file arrive in the chat holding their profile, school, role, links both ways, messages and reminders; pressing twice at once makes one file', async (_language, locale, s) => {
    const { person, report, formerReport, declined, email } = await personWhoUsedEverything(world(), locale);
    harness.connector.clear();
    const [first, second] = await Promise.all([pressAs(person, 'myData.download'), pressAs(person, 'myData.download')]);
    const texts = [cardText(first), cardText(second)];
    expect(texts.filter((t) => t.includes(s.myData.preparing))).toHaveLength(1);
    expect(texts.filter((t) => t.includes(s.myData.alreadyPreparing))).toHaveLength(1);
    const preparing = [first, second].find((c) => cardText(c).includes(s.myData.preparing))!;
    expect(cardProblems(preparing)).toEqual([]);
    expect(actionVerbs(preparing)).toEqual(['myData.show', 'help.show']);
    // Nothing was gathered inside the turn: the summary and the file come later, through the chat.
    expect(harness.connector.sent).toHaveLength(0);

    await runUntilTheFileArrives({ restartAfterFirstRun: true });
    const summaries = cardsIn(harness.connector.sent).filter((c) => cardText(c).includes(s.myData.summaryTitle));
    expect(summaries).toHaveLength(1);
    const summary = cardText(summaries[0]!);
    expect(summary).toContain(s.myData.downloadStarted);
    for (const place of ['users', 'memberships', 'teamLinks', 'roles', 'deliveries', 'outbox', 'jobs', 'audit'] as const) expect(summary).toContain(s.myData.places[place]);
    expect(cardProblems(summaries[0]!)).toEqual([]);
    // The file waits a moment behind the summary, and arrives once.
    for (let i = 0; i < 3; i += 1) {
      clock = new Date(clock.getTime() + 5_000);
      await harness.bot!.proactive.scheduler.tick(clock);
      await harness.bot!.proactive.sender.drain(clock);
    }
    const file = await acceptFile(person);
    expect(file.person.email).toBe(email);
    const held = Object.fromEntries(file.places.map((p) => [p.container, p.documents]));
    // Their membership and, beside it, their anonymised figure record.
    // Their membership, their per-person figure record not yet moved, and the school's figure
    // document showing their own entry only (a colleague's is in the store, not in their file).
    expect(held.memberships).toHaveLength(3);
    const figures = held.memberships!.find((d) => d.kind === 'figures-school')!;
    expect(Object.keys(figures.people as object)).toHaveLength(1);
    expect(held.teamLinks).toHaveLength(2);
    expect(held.deliveries).toHaveLength(1);
    expect(held.roles).toHaveLength(1);
    expect(held.users!.some((d) => d.kind === 'directory')).toBe(true);
    // Other people's records that name them as line manager are pointed at, never copied into their file.
    const pointers = held.users!.filter((d) => d.namesYouAs !== undefined).map((d) => d.id);
    expect(pointers.sort()).toEqual([userKey(report), userKey(formerReport), userKey(declined)].sort());
    expect(JSON.stringify(held.users)).not.toContain('Aelod o Staff');
    // The download's own job, lock and gathered parts are not part of the file, and leave nothing behind.
    expect(JSON.stringify(file)).not.toContain(DOWNLOAD_PART_KIND);
    expect(await raw('fileOffers').findInPartition(userKey(person), { kind: DOWNLOAD_PART_KIND })).toHaveLength(0);
    const jobs = [...(await raw('jobs').scanAllPartitions({})), ...(await raw('jobHistory').scanAllPartitions({}))];
    expect(jobs.filter((j) => String(j.value.key).startsWith('my-data-download') && JSON.stringify(j.value).includes(person.aadObjectId))).toHaveLength(0);
    // Once the file is offered, they may ask again, and get a new file.
    harness.connector.clear();
    expect(cardText(await pressAs(person, 'myData.download'))).toContain(s.myData.preparing);
    await runUntilTheFileArrives();
    expect(consentCards()).toHaveLength(1);
  });

  it('when someone with 150 delivery records and a full profile downloads their data, then the job gathers in a few runs, the file holds every record, and the press itself costs a few store requests', async () => {
    const { person } = await personWhoUsedEverything(world(), 'en-GB');
    const key = userKey(person);
    const many = 150;
    for (let i = 0; i < many; i += 1) await raw('deliveries').create({ id: `digest-${i}:${key}`, pk: `shard-${i % 8}`, key: `digest-${i}:${key}`, recipient: key, attempts: 1, status: 'sent', createdAt: clock.toISOString() });
    harness.connector.clear();
    const started = Date.now();
    expect(cardText(await pressAs(person, 'myData.download'))).toContain(en.myData.preparing);
    const pressMs = Date.now() - started;
    const pressRequests = harness.bot!.stats.lastTurnRoundTrips;
    const { runs: cycles, requests } = await runUntilTheFileArrives();
    const ms = Date.now() - started;
    const file = await acceptFile(person);
    expect(file.places.find((p) => p.container === 'deliveries')!.documents).toHaveLength(many + 1);
    expect(cycles).toBeGreaterThan(1);
    if (process.env.CEFNOGI_FIGURES) {
      const bytes = harness.connector.uploads.at(-1)!.bytes.length;
      process.stdout.write(`[figures] download of ${many} delivery records and a full profile: ${JSON.stringify({ pressMs, pressRequests, cyclesUntilTheFile: cycles, requests, ms, bytes })}\n`);
    }
  });

  /** Someone who used everything presses Download and its job makes its first run: some places are gathered. */
  async function downloadGatheredOnce(): Promise<{ person: TeamsUser; key: string; parts: () => Promise<number> }> {
    const { person } = await personWhoUsedEverything(world(), 'en-GB');
    const key = userKey(person);
    expect(cardText(await pressAs(person, 'myData.download'))).toContain(en.myData.preparing);
    clock = new Date(clock.getTime() + 5_000);
    await harness.bot!.proactive.scheduler.tick(clock);
    const parts = async () => (await raw('fileOffers').findInPartition(key, { kind: DOWNLOAD_PART_KIND })).length;
    expect(await parts()).toBeGreaterThan(0);
    return { person, key, parts };
  }

  it('when the person is erased while their download is being gathered, then nothing is sent to them, what was gathered goes, and no job record names them', async () => {
    const { person, key, parts } = await downloadGatheredOnce();
    // An erasure running beside it has reached their own document.
    await raw('users').delete(key, key);
    harness.connector.clear();
    for (let i = 0; i < 10; i += 1) {
      clock = new Date(clock.getTime() + 5_000);
      await harness.bot!.proactive.scheduler.tick(clock);
      await harness.bot!.proactive.sender.drain(clock);
    }
    expect(harness.connector.sent).toEqual([]);
    expect(await parts()).toBe(0);
    // (Their other jobs and messages are the erasure's to remove; these are the download's.)
    const downloads = async (container: ContainerName) =>
      (await raw(container).scanAllPartitions({})).filter((d) => String(d.value.kind ?? d.value.key).startsWith('my-data-download') && JSON.stringify(d.value).includes(person.aadObjectId));
    expect(await downloads('jobs')).toEqual([]);
    expect(await downloads('jobHistory')).toEqual([]);
    // Not even a message that could not be delivered, whose record would name them.
    for (const container of ['outbox', 'deliveries'] as const) expect((await raw(container).scanAllPartitions({})).filter((d) => JSON.stringify(d.value).includes('my-data-download') && JSON.stringify(d.value).includes(person.aadObjectId))).toEqual([]);
  });

  it('when a download stops part-way for good, then what it gathered (in the person\'s own partition) goes with the nightly purge once a day has passed, and they can ask again', async () => {
    const { person, key, parts } = await downloadGatheredOnce();
    // The job is gone (as if it had failed for good): nothing will finish or tidy its parts.
    const job = (await raw('jobs').scanAllPartitions({ kind: 'my-data-download' })).find((j) => JSON.stringify(j.value.payload).includes(person.aadObjectId))!;
    await harness.bot!.proactive.scheduler.cancel(String(job.value.key));
    expect(cardText(await pressAs(person, 'myData.download'))).toContain(en.myData.alreadyPreparing);
    clock = new Date(clock.getTime() + 26 * 60 * 60_000);
    await harness.bot!.proactive.scheduler.tick(clock);
    expect(await parts()).toBe(0);
    expect(cardText(await pressAs(person, 'myData.download'))).toContain(en.myData.preparing);
  });
});
