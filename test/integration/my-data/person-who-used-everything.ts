import { randomUUID } from 'node:crypto';
import { schoolKey } from '../../../bot/school/school-settings';
import { legacyFigurePersonId as figurePersonId } from '../../../bot/figures/figures-legacy-records';
import { FIGURES_SCHOOL_ID, figureEntryKey } from '../../../bot/figures/figures-school';
import type { ContainerName } from '../../../bot/storage/containers';
import { collectionSpec } from '../../../bot/storage/collection-spec';
import { rawDocumentSchema, type RawDocument } from '../../../bot/my-data/raw-document';
import { auditPartition } from '../../../bot/audit/audit-record';
import { broadcastsPartition, readsPartition } from '../../../bot/broadcasts/broadcast-record';
import { newAppraisal, type AppraisalState, type MeetingId } from '../../../bot/appraisal/appraisal-state';
import { userKey } from '../../../bot/users/user-record';
import { learningLog } from '../../../bot/learning/learning-log';
import type { BotHarness } from '../../support/bot-harness';
import { appointSchoolAdmin, confirmedAt } from '../../support/school-register-fixture';
import { message, teamsUser, type TeamsUser } from '../../support/teams-activities';

/** Where the "my data" tests' people live: the running bot, its tenant, the registered school and the test clock. */
export interface MyDataWorld {
  harness: BotHarness;
  tenant: string;
  schoolId: string;
  clock: () => Date;
}

/** The person, the people around them, and the email Teams gives for them. */
export interface UsedEverything {
  person: TeamsUser;
  manager: TeamsUser;
  report: TeamsUser;
  /** A past report: their appraisal history holds a meeting the person recorded. */
  formerReport: TeamsUser;
  /** Named the person as line manager and was declined: no link, only their requests record names the person. */
  declined: TeamsUser;
  email: string;
}

/** The words the person wrote as line manager in a report's appraisal record: they stay with the report. */
export const MANAGER_COMMENT = 'Cyfarfod cynllunio da: amcanion clir a realistig.';

/** An appraisal whose meeting the person recorded as line manager, with comments. */
function recordedBy(person: TeamsUser, appraisal: AppraisalState, meeting: MeetingId): AppraisalState {
  appraisal.meetings[meeting] = { ...appraisal.meetings[meeting], date: '2026-10-01', review: { recordedAt: '2026-10-01T10:00:00.000Z', recordedBy: person.aadObjectId, outcomes: {}, comments: MANAGER_COMMENT, priorities: [] } };
  return appraisal;
}

/** Someone who used Cefnogi widely: a school, a role, a line manager and a report, messages, reminders, audit entries. */
export async function personWhoUsedEverything(world: MyDataWorld, locale: string): Promise<UsedEverything> {
  const { harness, schoolId } = world;
  const TENANT = world.tenant;
  const clock = world.clock();
  const raw = (container: ContainerName) => harness.bot!.store.collection(collectionSpec<RawDocument>(container, rawDocumentSchema));
  const say = (user: TeamsUser, text: string) => harness.post(message(user, harness.serviceUrl, text));
  const person = teamsUser({ tenantId: TENANT, locale, name: `Heledd Prydderch ${randomUUID().slice(0, 4)}` });
  const manager = teamsUser({ tenantId: TENANT, name: 'Rheolwr Llinell' });
  const report = teamsUser({ tenantId: TENANT, name: 'Aelod o Staff' });
  const formerReport = teamsUser({ tenantId: TENANT, name: 'Cyn-aelod o Staff' });
  const declined = teamsUser({ tenantId: TENANT, name: 'Aelod a Wrthodwyd' });
  const email = `heledd.${person.aadObjectId.slice(0, 6)}@hwb.example.wales`;
  harness.connector.emails.set(person.aadObjectId, email);
  for (const u of [person, manager, report, formerReport, declined]) await say(u, 'help');
  const store = harness.bot!.store;
  await confirmedAt(store, TENANT, schoolId, person.aadObjectId);
  await appointSchoolAdmin(store, TENANT, schoolId, person.aadObjectId);
  const key = userKey(person);
  const managerKey = userKey(manager);
  const reportKey = userKey(report);
  const now = clock.toISOString();
  // Their anonymised figure record at the school (ids and flags, beside their membership).
  // Their entry in the school's figure document, beside a colleague's that must stay.
  // (Confirming them may already have written the document.)
  const counted = await raw('memberships').read(FIGURES_SCHOOL_ID, schoolKey(TENANT, schoolId));
  const people = { ...((counted?.value.people as object | undefined) ?? {}), [figureEntryKey(key)]: { selfAssessments: 1 }, [figureEntryKey('someone-else')]: {} };
  if (counted) await raw('memberships').replace({ ...counted.value, people }, counted.etag);
  else await raw('memberships').create({ id: FIGURES_SCHOOL_ID, pk: schoolKey(TENANT, schoolId), kind: 'figures-school', schoolId, people, updatedAt: now });
  // And a per-person record of the first storage, not yet moved by the nightly job.
  await raw('memberships').create({ id: figurePersonId(key), pk: schoolKey(TENANT, schoolId), kind: 'figures-person', laId: 'cardiff', schoolId, ewcGiven: false, inductionStarted: false, inductionCompleted: false, selfAssessments: 0, planningMeetingHeld: false, priorities: [], updatedAt: now });
  // Links both ways: the person reports to the manager, and the report to the person.
  await raw('teamLinks').create({ id: key, pk: managerKey, kind: 'team-link', tenantId: TENANT, reportAadObjectId: person.aadObjectId, since: now, status: 'accepted' });
  await raw('teamLinks').create({ id: reportKey, pk: key, kind: 'team-link', tenantId: TENANT, reportAadObjectId: report.aadObjectId, since: now, status: 'accepted' });
  // The report's appraisal holds a meeting the person recorded as their manager, with comments.
  const reportDoc = await raw('users').read(reportKey, reportKey);
  const appraisal = recordedBy(person, newAppraisal('2026-09', clock), 'planning');
  await raw('users').replace({ ...reportDoc!.value, profile: { roleId: 'ta', welshLevelId: 'entry', lineManagerAadObjectId: person.aadObjectId, updatedAt: now }, appraisal }, reportDoc!.etag);
  // A former report (no link now) keeps last year's record of a meeting the person recorded.
  const formerKey = userKey(formerReport);
  const formerDoc = await raw('users').read(formerKey, formerKey);
  await raw('users').replace({ ...formerDoc!.value, appraisalHistory: [recordedBy(person, newAppraisal('2025-09', clock), 'end-of-year')] }, formerDoc!.etag);
  // Someone who named the person as manager and was declined: no link, only their own requests record.
  const declinedKey = userKey(declined);
  const declinedDoc = await raw('users').read(declinedKey, declinedKey);
  await raw('users').replace(
    { ...declinedDoc!.value, profile: { roleId: 'ta', welshLevelId: 'entry', lineManagerAadObjectId: person.aadObjectId, updatedAt: now }, lineManagerRequests: { day: now.slice(0, 10), changes: 1, noticed: [person.aadObjectId], declined: [{ managerAadObjectId: person.aadObjectId, at: now }] } },
    declinedDoc!.etag,
  );
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
  return { person, manager, report, formerReport, declined, email };
}
