import { schoolKey } from '../../../bot/school/school-settings';
import { legacyFigurePersonId as figurePersonId } from '../../../bot/figures/figures-legacy-records';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import en from '../../../bot/i18n/en.json';
import cy from '../../../bot/i18n/cy.json';
import { containerDefinitions, type ContainerName } from '../../../bot/storage/containers';
import { collectionSpec } from '../../../bot/storage/collection-spec';
import { rawDocumentSchema, type RawDocument } from '../../../bot/my-data/personal-data-registry';
import { ERASURE_PAGE } from '../../../bot/my-data/erase-personal-data';
import { auditPartition } from '../../../bot/audit/audit-record';
import { broadcastsPartition, readsPartition } from '../../../bot/broadcasts/broadcast-record';
import { userKey } from '../../../bot/users/user-record';
import { learningLog } from '../../../bot/learning/learning-log';
import { BotHarness } from '../../support/bot-harness';
import { actionVerbs, cardText, cardsIn, invokeCard, type Card } from '../../support/cards-in';
import { appointSchoolAdmin, confirmedAt, registerSchools, school } from '../../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';
import { cardProblems } from '../../support/validate-card';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';

/** "My data": the privacy notice, the download of everything held, and the deletion, over HTTP as Teams sends them. */
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

  /** Accepts the one consent card the bot sent, and answers the uploaded file. */
  async function acceptFile(user: TeamsUser): Promise<string> {
    const consent = harness.connector.sent.flatMap((s) => ((s.activity.attachments ?? []) as { contentType: string; content: { acceptContext: { offerId: string } } }[]).filter((a) => a.contentType === CONSENT));
    expect(consent).toHaveLength(1);
    const session = randomUUID();
    const { text: _t, textFormat: _f, ...envelope } = message(user, harness.serviceUrl, '');
    await harness.post({
      ...envelope,
      type: 'invoke',
      name: 'fileConsent/invoke',
      value: { type: 'fileUpload', action: 'accept', context: consent[0]!.content.acceptContext, uploadInfo: { contentUrl: 'https://hwb-my.sharepoint.com/x.json', name: 'x.json', uploadUrl: harness.connector.uploadUrl(session), uniqueId: session, fileType: 'json' } },
    });
    return harness.connector.uploads.at(-1)!.bytes.toString('utf8');
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
    expect(text).toContain('ico.org.uk');
    expect(text).toMatch(/90/);
    expect(text).toMatch(/2 (years|flynedd)/);
    expect(actionVerbs(cards[0]!)).toEqual(['myData.download', 'myData.askDelete', 'help.show']);
    expect(cardProblems(cards[0]!)).toEqual([]);
    const help = cardText((await say(person, locale === 'cy-GB' ? 'cymorth' : 'help'))[0]!);
    expect(help).toContain(command);
  });

  /** Someone who used Cefnogi widely: a school, a role, a line manager and a report, messages, reminders, audit entries. */
  async function personWhoUsedEverything(locale: string): Promise<{ person: TeamsUser; manager: TeamsUser; report: TeamsUser; email: string }> {
    const person = teamsUser({ tenantId: TENANT, locale, name: `Heledd Prydderch ${randomUUID().slice(0, 4)}` });
    const manager = teamsUser({ tenantId: TENANT, name: 'Rheolwr Llinell' });
    const report = teamsUser({ tenantId: TENANT, name: 'Aelod o Staff' });
    const email = `heledd.${person.aadObjectId.slice(0, 6)}@hwb.example.wales`;
    harness.connector.emails.set(person.aadObjectId, email);
    for (const u of [person, manager, report]) await say(u, 'help');
    const store = harness.bot!.store;
    const schoolId = schoolIds.get('Ysgol y Castell')!;
    await confirmedAt(store, TENANT, schoolId, person.aadObjectId);
    await appointSchoolAdmin(store, TENANT, schoolId, person.aadObjectId);
    const key = userKey(person);
    const managerKey = userKey(manager);
    const reportKey = userKey(report);
    const now = clock.toISOString();
    // Their anonymised figure record at the school (ids and flags, beside their membership).
    await raw('memberships').create({ id: figurePersonId(key), pk: schoolKey(TENANT, schoolId), kind: 'figures-person', laId: 'cardiff', schoolId, ewcGiven: false, inductionStarted: false, inductionCompleted: false, selfAssessments: 0, planningMeetingHeld: false, priorities: [], updatedAt: now });
    // Links both ways: the person reports to the manager, and the report to the person.
    await raw('teamLinks').create({ id: key, pk: managerKey, kind: 'team-link', tenantId: TENANT, reportAadObjectId: person.aadObjectId, since: now, status: 'accepted' });
    await raw('teamLinks').create({ id: reportKey, pk: key, kind: 'team-link', tenantId: TENANT, reportAadObjectId: report.aadObjectId, since: now, status: 'accepted' });
    const reportDoc = await raw('users').read(reportKey, reportKey);
    await raw('users').replace({ ...reportDoc!.value, profile: { roleId: 'ta', welshLevelId: 'entry', lineManagerAadObjectId: person.aadObjectId, updatedAt: now } }, reportDoc!.etag);
    // A message delivered to them, one waiting, a reminder for them and one about them.
    await raw('deliveries').create({ id: `welcome:${key}`, pk: 'shard-1', key: `welcome:${key}`, recipient: key, attempts: 1, status: 'sent', createdAt: now });
    await raw('outbox').create({ id: `nudge:${key}`, pk: 'shard-2', key: `nudge:${key}`, recipient: key, status: 'pending', dueAt: now, createdAt: now });
    await raw('jobs').create({ id: `induction-nudge:${key}:x`, pk: 'shard-3', key: `induction-nudge:${key}:x`, kind: 'induction-nudge', status: 'scheduled', dueAt: '2027-01-01T00:00:00.000Z', runAt: '2027-01-01T00:00:00.000Z', payload: { about: key }, attempts: 0, runs: 0, createdAt: now, updatedAt: now });
    await raw('jobHistory').create({ id: `appraisal:${key}:done`, pk: 'shard-4', key: `appraisal:${key}:done`, kind: 'appraisal', status: 'done', payload: { to: managerKey, about: key }, createdAt: now });
    await raw('bulkMessages').create({ id: 'page-0', pk: `bulk:${randomUUID()}`, kind: 'bulk-page', recipients: [key, reportKey] });
    // Their learning log, with a reflection that names them.
    await learningLog(store).add(key, { title: 'Cwrs diogelu', date: '2026-10-01', hours: 2, learningKind: 'course', keyAreas: [], standards: [], learned: `Nodiadau ${person.name}`, changed: '', difference: '' }, clock);
    // A policy update they sent, and their confirmation of reading another.
    const bcast = raw('broadcasts');
    const version = { title: 'Polisi newydd', body: 'Darllenwch hwn' };
    await bcast.create({ id: randomUUID(), pk: broadcastsPartition(TENANT), kind: 'broadcast', tenantId: TENANT.toLowerCase(), authorId: person.aadObjectId, authorName: person.name, status: 'sent', en: version, cy: version, confirmRead: true, audience: { kind: 'schools', schools: [schoolId] }, urgent: false, version: 1, resends: 0, withdrawn: { byName: person.name, at: now }, createdAt: now, updatedAt: now });
    await bcast.create({ id: key, pk: readsPartition(TENANT, randomUUID()), kind: 'broadcast-read', broadcastId: 'b-1', readAt: now, version: 1 });
    // A PLC they made, a resource they shared there and their vote on it, their membership and a saved resource.
    const plcId = `plc-${randomUUID().replace(/-/g, '')}`;
    const resourceId = `r-${randomUUID().replace(/-/g, '')}`;
    await raw('plcs').create({ id: 'plc', pk: plcId, kind: 'plc', tenantId: TENANT.toLowerCase(), name: 'Darllen', keyAreas: ['1'], language: 'cy', owners: [person.aadObjectId], status: 'open', channels: [], createdBy: person.aadObjectId, createdAt: now });
    await raw('plcs').create({ id: resourceId, pk: plcId, kind: 'plc-resource', title: 'Canllaw', url: 'https://hwb.gov.wales/', keyAreas: ['1'], languages: ['cy'], sharedBy: person.aadObjectId, sharedByName: person.name, sharedAt: now, useful: 1 });
    await raw('plcs').create({ id: `vote-${resourceId}-x`, pk: plcId, kind: 'plc-vote', resourceId, voter: key });
    await raw('plcPeople').create({ id: `member-${plcId}`, pk: key, kind: 'plc-member', plcId, since: now });
    await raw('plcPeople').create({ id: `saved-${resourceId}`, pk: key, kind: 'plc-saved', plcId, resourceId, title: 'Canllaw', url: 'https://hwb.gov.wales/', savedAt: now });
    // Audit: an act they did, and one done to them, with their name and email in it.
    await raw('audit').create({ id: `${now}:1:${randomUUID()}`, pk: auditPartition(TENANT), kind: 'audit', tenantId: TENANT.toLowerCase(), at: now, actor: person.aadObjectId, actorName: person.name, role: 'school-admin', action: 'members.confirm', target: { kind: 'school', id: schoolId }, laId: 'cardiff', outcome: 'done' });
    await raw('audit').create({ id: `${now}:2:${randomUUID()}`, pk: auditPartition(TENANT), kind: 'audit', tenantId: TENANT.toLowerCase(), at: now, actor: manager.aadObjectId, actorName: manager.name, role: 'school-admin', action: 'roles.appoint', target: { kind: 'person', id: person.aadObjectId, label: email }, laId: 'cardiff', outcome: 'done' });
    return { person, manager, report, email };
  }

  it.each([
    ['English', 'en-GB', en],
    ['Welsh', 'cy-GB', cy],
  ])('when a person who used everything downloads their data in %s, then a summary card and one JSON file hold their profile, school, role, links both ways, messages and reminders; pressing twice at once makes one file', async (_language, locale, s) => {
    const { person, email } = await personWhoUsedEverything(locale);
    harness.connector.clear();
    const [first, second] = await Promise.all([pressAs(person, 'myData.download'), pressAs(person, 'myData.download')]);
    const texts = [cardText(first), cardText(second)];
    expect(texts.filter((t) => t.includes(s.myData.summaryTitle))).toHaveLength(1);
    expect(texts.filter((t) => t.includes(s.myData.alreadyPreparing))).toHaveLength(1);
    const summary = texts.find((t) => t.includes(s.myData.summaryTitle))!;
    for (const place of ['users', 'memberships', 'teamLinks', 'roles', 'deliveries', 'outbox', 'jobs', 'audit'] as const) expect(summary).toContain(s.myData.places[place]);
    expect(cardProblems(first)).toEqual([]);
    const file = JSON.parse(await acceptFile(person)) as { person: { email: string }; places: { container: string; documents: Record<string, unknown>[] }[] };
    expect(file.person.email).toBe(email);
    const held = Object.fromEntries(file.places.map((p) => [p.container, p.documents]));
    // Their membership and, beside it, their anonymised figure record.
    expect(held.memberships).toHaveLength(2);
    expect(held.teamLinks).toHaveLength(2);
    expect(held.deliveries).toHaveLength(1);
    expect(held.roles).toHaveLength(1);
    expect(held.users!.some((d) => d.kind === 'directory')).toBe(true);
  });

  it('when someone presses Yes on a confirmation made for someone else, or an old one, then they are told and nothing is deleted', async () => {
    const { person, manager } = await personWhoUsedEverything('en-GB');
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
    const { person, manager, report, email } = await personWhoUsedEverything(locale);
    const ask = await pressAs(person, 'myData.askDelete');
    expect(cardText(ask)).toContain(s.myData.confirmStays);
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
    // The manager's team no longer shows them; the report no longer names them.
    const reportDoc = await raw('users').read(userKey(report), userKey(report));
    expect(JSON.stringify(reportDoc!.value)).not.toContain(person.aadObjectId);
    expect(await raw('teamLinks').findInPartition(userKey(manager), {})).toHaveLength(0);
    // The data folder, after the restart folded what came before: their name and email nowhere.
    await harness.restart();
    expect(await dataFolderMentions(person.name.toLowerCase())).toBe(false);
    expect(await dataFolderMentions(email)).toBe(false);
    // Pressing the same Yes again (a replay) schedules nothing: it is told the card is out of date.
    expect(cardText(await pressAs(person, 'myData.delete', yes.data))).toContain(s.myData.staleConfirm);
  });
  it('when someone with many delivery records deletes their data, then the job works in pages, carries on after a restart part-way, and leaves none', async () => {
    const { person } = await personWhoUsedEverything('en-GB');
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
