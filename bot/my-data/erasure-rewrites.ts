import { figureEntryKey } from '../figures/figures-school';
import { mentions, type PersonalDataSubject } from './personal-data-subject';
import type { RawDocument } from './raw-document';

/*
 * How a document that stays (it is someone else's, or everyone's) is rewritten without the
 * erased person: the registry's erase steps call these.
 */

/** Stands where an erased person's object id was, in a PLC's owners: matches nobody. */
const ERASED_OWNER = 'erased';

/**
 * What erasure does in a PLC's partition. A resource they shared stays for the others without
 * who shared it; their vote goes, its count staying in the resource's total; a PLC they own or
 * made loses them (one whose only owner they were keeps an owner that is nobody); their codes and
 * join requests go. A document that only mentions them in someone else's words stays.
 */
export function erasedFromPlc(doc: RawDocument, person: PersonalDataSubject): { action: 'delete' } | { action: 'keep'; doc: RawDocument } {
  const isThem = (value: unknown) => typeof value === 'string' && mentions(value, person);
  switch (doc.kind) {
    case 'plc-vote':
    case 'plc-code':
      return isThem(doc.kind === 'plc-vote' ? doc.voter : doc.issuedBy) ? { action: 'delete' } : { action: 'keep', doc };
    case 'plc-join':
      return isThem(doc.requestedBy) ? { action: 'delete' } : { action: 'keep', doc };
    case 'plc-resource':
      return isThem(doc.sharedBy) ? { action: 'keep', doc: { ...doc, sharedBy: ERASED_OWNER, sharedByName: '' } } : { action: 'keep', doc };
    case 'plc': {
      const owners = Array.isArray(doc.owners) ? doc.owners.filter((o) => !isThem(o)) : [];
      return { action: 'keep', doc: { ...doc, owners: owners.length > 0 ? owners : [ERASED_OWNER], createdBy: isThem(doc.createdBy) ? ERASED_OWNER : doc.createdBy } };
    }
    default:
      return { action: 'keep', doc };
  }
}

/** A sent broadcast without the person's name as author or withdrawer; the author's object id stays. */
export function anonymisedBroadcast(doc: RawDocument, person: PersonalDataSubject): RawDocument {
  const copy: RawDocument = { ...doc };
  if (typeof copy.authorName === 'string' && (String(copy.authorId).toLowerCase() === person.aadObjectId.toLowerCase() || mentions(copy.authorName, person))) delete copy.authorName;
  const withdrawn = copy.withdrawn;
  if (withdrawn && typeof withdrawn === 'object' && !Array.isArray(withdrawn) && mentions(withdrawn, person)) {
    const w = { ...(withdrawn as Record<string, unknown>) };
    delete w.byName;
    copy.withdrawn = w;
  }
  return copy;
}

/** An audit entry without the person's name: the actor's object id stays as the card promises. */
export function anonymisedAudit(doc: RawDocument, person: PersonalDataSubject): RawDocument {
  const copy: RawDocument = { ...doc };
  if (typeof copy.actor === 'string' && copy.actor.toLowerCase() === person.aadObjectId) delete copy.actorName;
  const target = copy.target;
  if (target && typeof target === 'object' && !Array.isArray(target)) {
    const t = { ...(target as Record<string, unknown>) };
    if (typeof t.label === 'string' && mentions({ label: t.label, id: t.id }, person)) delete t.label;
    copy.target = t;
  }
  // Free-text reasons may quote a name or an email; they go when they name the person.
  if (typeof copy.reason === 'string' && mentions(copy.reason, person)) delete copy.reason;
  if (typeof copy.actorName === 'string' && mentions(copy.actorName, person)) delete copy.actorName;
  return copy;
}

/** The person's entry in a school's figure document, if it holds one. */
export function figureEntryOf(doc: RawDocument, person: PersonalDataSubject): unknown {
  const people = doc.people;
  if (!people || typeof people !== 'object' || Array.isArray(people)) return undefined;
  return (people as Record<string, unknown>)[figureEntryKey(person.key)];
}

/** A school's figure document without the person's entry; everyone else's stay. */
export function withoutFigureEntry(doc: RawDocument, person: PersonalDataSubject): RawDocument {
  const people = { ...(doc.people as Record<string, unknown>) };
  delete people[figureEntryKey(person.key)];
  return { ...doc, people };
}

/** Stands where an erased line manager's object id was, as who recorded a meeting in a report's appraisal: "a former manager". */
export const FORMER_MANAGER = 'former-manager';

/** Whether another person's document names them as line manager (profile, requests, appraisal records) or shares with them. */
export function namesAsManager(doc: RawDocument, person: PersonalDataSubject): boolean {
  return JSON.stringify(withoutManager(doc, person)) !== JSON.stringify(doc);
}

/**
 * A report's document without the person as their line manager: not in the profile, not in
 * the line-manager requests (managers noticed or who declined), nor as who recorded an
 * appraisal meeting (the record stays, as the report's own, from "a former manager"), and
 * without a share addressed to them.
 */
export function withoutManager(doc: RawDocument, person: PersonalDataSubject): RawDocument {
  const copy: RawDocument = { ...doc };
  const isThem = (value: unknown) => typeof value === 'string' && value.toLowerCase() === person.aadObjectId;
  const profile = copy.profile as Record<string, unknown> | undefined;
  if (profile && typeof profile === 'object' && isThem(profile.lineManagerAadObjectId)) {
    const { lineManagerAadObjectId: _gone, ...rest } = profile;
    copy.profile = rest;
  }
  const requests = copy.lineManagerRequests as { noticed?: unknown; declined?: unknown } | undefined;
  if (requests && typeof requests === 'object') {
    const noticed = Array.isArray(requests.noticed) ? requests.noticed.filter((m) => !isThem(m)) : requests.noticed;
    const declined = Array.isArray(requests.declined) ? requests.declined.filter((d) => !isThem((d as { managerAadObjectId?: unknown }).managerAadObjectId)) : requests.declined;
    if (JSON.stringify([noticed, declined]) !== JSON.stringify([requests.noticed, requests.declined])) copy.lineManagerRequests = { ...requests, noticed, declined };
  }
  if (copy.appraisal !== undefined) copy.appraisal = withoutRecorder(copy.appraisal, isThem);
  if (copy.appraisalHistory !== undefined) copy.appraisalHistory = withoutRecorder(copy.appraisalHistory, isThem);
  const assessment = copy.selfAssessment as Record<string, unknown> | undefined;
  if (assessment && typeof assessment === 'object' && mentions(assessment.shared ?? '', person)) {
    const { shared: _gone, ...rest } = assessment;
    copy.selfAssessment = rest;
  }
  return copy;
}

/** An appraisal (or its history) with every `recordedBy` naming them replaced by FORMER_MANAGER; the comments stay. */
function withoutRecorder(value: unknown, isThem: (v: unknown) => boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutRecorder(v, isThem));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, k === 'recordedBy' && isThem(v) ? FORMER_MANAGER : withoutRecorder(v, isThem)]));
}
