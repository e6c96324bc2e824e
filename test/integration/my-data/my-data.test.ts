import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import en from '../../../bot/i18n/en.json';
import cy from '../../../bot/i18n/cy.json';
import { containerDefinitions, type ContainerName } from '../../../bot/storage/containers';
import { collectionSpec } from '../../../bot/storage/collection-spec';
import { FORMER_MANAGER } from '../../../bot/my-data/erasure-rewrites';
import { rawDocumentSchema, type RawDocument } from '../../../bot/my-data/raw-document';
import { ERASURE_PAGE } from '../../../bot/my-data/erase-personal-data';
import { userKey } from '../../../bot/users/user-record';
import { BotHarness } from '../../support/bot-harness';
import { actionVerbs, cardText, cardsIn, invokeCard, type Card } from '../../support/cards-in';
import { registerSchools, school } from '../../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';
import { MANAGER_COMMENT, personWhoUsedEverything, type MyDataWorld } from './person-who-used-everything';

const TENANT = '11111111-2222-3333-4444-555555555555';

/** "My data": the privacy notice and the deletion, over HTTP as Teams sends them (the download: my-data-download.test.ts). */
describe('my data, over HTTP as Teams sends it', () => {
  const harness = new BotHarness();
  let clock = new Date('2026-11-30T09:00:00Z');
  let dataDir = '';
  const schoolIds = new Map<string, string>();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'cefnogi-my-data-'));
    await harness.start({ dataDir, now: () => clock });
    for (const [name, entry] of await registerSchools(harness.bot!.store, TENANT, [school('Ysgol y Castell')])) schoolIds.set(name, entry.id);
  });
  afterAll(async () => {
    await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const world = (): MyDataWorld => ({ harness, tenant: TENANT, schoolId: schoolIds.get('Ysgol y Castell')!, clock: () => clock });
  const raw = (container: ContainerName) => harness.bot!.store.collection(collectionSpec<RawDocument>(container, rawDocumentSchema));

  async function say(user: TeamsUser, text: string): Promise<Card[]> {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    return cardsIn(harness.connector.sent);
  }

  async function pressAs(user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> {
    return invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  }

  /** Whether any file in the data folder (snapshot, journal, anything else) holds the text. */
  async function dataFolderMentions(needle: string): Promise<boolean> {
    const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name));
    for (const file of files) if ((await readFile(file, 'utf8')).toLowerCase().includes(needle)) return true;
    return false;
  }

  it.each([
    ['English', 'my data', 'en-GB', en],
    ['Welsh', 'fy nata', 'cy-GB', cy],
  ])('when someone types the %s command, then the privacy notice says what is kept, why, who sees it, for how long and where to complain, with Download and Delete', async (_language, command, locale, s) => {
    const person = teamsUser({ tenantId: TENANT, locale });
    await say(person, command);
    const cards = await say(person, command);
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]!);
    expect(text).toContain(s.myData.title);
    for (const section of s.myData.sections) expect(text).toContain(section.heading);
    // What is kept reads as a list, one thing a line, not as one long paragraph.
    const lines = text.split('\n');
    for (const item of s.myData.sections[0]!.list) expect(lines).toContain(`• ${item}`);
    expect(text).toContain('ico.org.uk');
    expect(text).toMatch(/90/);
    expect(text).toMatch(/2 (years|flynedd)/);
    expect(actionVerbs(cards[0]!)).toEqual(['myData.download', 'myData.askDelete', 'help.show']);
    expect(cardProblems(cards[0]!)).toEqual([]);
    const help = cardText((await say(person, locale === 'cy-GB' ? 'cymorth' : 'help'))[0]!);
    expect(help).toContain(command);
  });

  it('when someone presses Yes on a confirmation made for someone else, or an old one, then they are told and nothing is deleted', async () => {
    const { person, manager } = await personWhoUsedEverything(world(), 'en-GB');
    const forSomeoneElse = await pressAs(manager, 'myData.delete', { subject: person.aadObjectId.toLowerCase(), asked: clock.toISOString() });
    expect(cardText(forSomeoneElse)).toContain(en.myData.notYours);
    const old = await pressAs(person, 'myData.delete', { subject: person.aadObjectId, asked: new Date(clock.getTime() - 60 * 60_000).toISOString() });
    expect(cardText(old)).toContain(en.myData.staleConfirm);
    const tampered = await pressAs(person, 'myData.delete', { subject: person.aadObjectId, asked: 'yesterday' });
    expect(cardText(tampered)).toContain(en.errors.staleCardTitle);
    await harness.bot!.proactive.scheduler.tick(clock);
    expect(await raw('users').read(userKey(person), userKey(person))).toBeDefined();
    expect(await raw('memberships').scanAllPartitions({ id: userKey(person) })).toHaveLength(1);
  });

  it.each([
    ['English', 'en-GB', en],
    ['Welsh', 'cy-GB', cy],
  ])('when a person who used everything deletes their data in %s, then after a restart every container and the data folder name them only where the card said things stay, and pressing Yes again changes nothing', async (_language, locale, s) => {
    const { person, manager, report, formerReport, declined, email } = await personWhoUsedEverything(world(), locale);
    const ask = await pressAs(person, 'myData.askDelete');
    for (const stays of s.myData.staysList) expect(cardText(ask)).toContain(stays);
    expect(cardProblems(ask)).toEqual([]);
    const yes = (ask.actions as { verb: string; data: Record<string, unknown> }[]).find((a) => a.verb === 'myData.delete')!;
    expect(cardText(await pressAs(person, 'myData.delete', yes.data))).toContain(s.myData.deleteStarted);
    // The job survives a restart, then runs in pages until nothing is left.
    await harness.restart();
    expect(await dataFolderMentions(email)).toBe(true);
    for (let i = 0; i < 20; i += 1) {
      clock = new Date(clock.getTime() + 5_000);
      await harness.bot!.proactive.scheduler.tick(clock);
    }

    const needles = [person.aadObjectId, person.name, email].map((n) => n.toLowerCase());
    const names = (doc: unknown) => needles.filter((n) => JSON.stringify(doc).toLowerCase().includes(n));
    for (const container of Object.keys(containerDefinitions) as ContainerName[]) {
      for (const { value } of await raw(container).scanAllPartitions({})) {
        const found = names(value);
        if (found.length === 0) continue;
        // What stays, as the card said: the object id of administrative acts (the audit, policy updates they sent), nothing else about them.
        expect(['audit', 'broadcasts']).toContain(container);
        expect(found).toEqual([person.aadObjectId.toLowerCase()]);
      }
    }
    // The manager's team no longer shows them; the report no longer names them, and their
    // appraisal keeps the comments the person wrote, as from a former manager.
    const reportDoc = await raw('users').read(userKey(report), userKey(report));
    expect(JSON.stringify(reportDoc!.value)).not.toContain(person.aadObjectId);
    const planning = (reportDoc!.value.appraisal as { meetings: { planning: { review: { recordedBy: string; comments: string } } } }).meetings.planning.review;
    expect(planning).toMatchObject({ recordedBy: FORMER_MANAGER, comments: MANAGER_COMMENT });
    const formerDoc = await raw('users').read(userKey(formerReport), userKey(formerReport));
    expect(JSON.stringify(formerDoc!.value)).toContain(MANAGER_COMMENT);
    // Someone they declined keeps their own profile and requests, without them.
    const declinedDoc = (await raw('users').read(userKey(declined), userKey(declined)))!.value as unknown as { profile: Record<string, unknown>; lineManagerRequests: { noticed: string[]; declined: unknown[] } };
    expect(declinedDoc.profile.lineManagerAadObjectId).toBeUndefined();
    expect(declinedDoc.lineManagerRequests).toMatchObject({ noticed: [], declined: [] });
    expect(await raw('teamLinks').findInPartition(userKey(manager), {})).toHaveLength(0);
    // The data folder, after the restart folded what came before: their name and email nowhere.
    await harness.restart();
    expect(await dataFolderMentions(person.name.toLowerCase())).toBe(false);
    expect(await dataFolderMentions(email)).toBe(false);
    // Pressing the same Yes again (a replay) schedules nothing: it is told the card is out of date.
    expect(cardText(await pressAs(person, 'myData.delete', yes.data))).toContain(s.myData.staleConfirm);
  });
  it('when someone with many delivery records deletes their data, then the job works in pages, carries on after a restart part-way, and leaves none', async () => {
    const { person } = await personWhoUsedEverything(world(), 'en-GB');
    const key = userKey(person);
    const many = 3 * ERASURE_PAGE;
    for (let i = 0; i < many; i += 1) await raw('deliveries').create({ id: `digest-${i}:${key}`, pk: `shard-${i % 8}`, key: `digest-${i}:${key}`, recipient: key, attempts: 1, status: 'sent', createdAt: clock.toISOString() });
    const left = async () => (await raw('deliveries').scanAllPartitions({ recipient: key })).length;
    const ask = await pressAs(person, 'myData.askDelete');
    const yes = (ask.actions as { verb: string; data: Record<string, unknown> }[]).find((a) => a.verb === 'myData.delete')!;
    await pressAs(person, 'myData.delete', yes.data);
    const started = Date.now();
    await harness.bot!.proactive.scheduler.tick(clock);
    const afterOneRun = await left();
    expect(afterOneRun).toBeGreaterThan(0);
    expect(afterOneRun).toBeLessThan(many + 1);
    await harness.restart();
    let runs = 1;
    for (; runs < 30 && (await left()) > 0; runs += 1) {
      clock = new Date(clock.getTime() + 5_000);
      await harness.bot!.proactive.scheduler.tick(clock);
    }
    expect(await left()).toBe(0);
    expect(await raw('users').read(key, key)).toBeUndefined();
    if (process.env.CEFNOGI_FIGURES) process.stdout.write(`[figures] erasure of ${many} delivery records and a full profile: ${JSON.stringify({ runs, ms: Date.now() - started })}\n`);
  });
});
