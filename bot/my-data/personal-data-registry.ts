import { legacyFigurePersonId } from '../figures/figures-legacy-records';
import { figureEntryKey, FIGURES_SCHOOL_ID } from '../figures/figures-school';
import { schoolKey } from '../school/school-settings';
import { collectionSpec } from '../storage/collection-spec';
import type { ContainerName } from '../storage/containers';
import type { DocumentCollection } from '../storage/document-collection';
import type { Store } from '../storage/store';
import { directoryKey } from '../users/directory-entry';
import { rolesPartition } from '../roles/role-record';
import { auditPartition } from '../audit/audit-record';
import { broadcastsPartition } from '../broadcasts/broadcast-record';
import { mentions, type PersonalDataSubject } from './personal-data-subject';
import { rawDocumentSchema, type RawDocument } from './raw-document';
import { anonymisedAudit, anonymisedBroadcast, erasedFromPlc, figureEntryOf, namesAsManager, withoutFigureEntry, withoutManager } from './erasure-rewrites';

/** One document found about a person, with the eTag a later conditional write must present. */
export interface HeldDocument {
  doc: RawDocument;
  etag: string;
}

/** How one container holds a person's data: how to find it for a download, and what erasure does to it. */
export interface PersonalDataStep {
  /** Every document in this container about the person (their own, and records that name them). */
  find(store: Store, person: PersonalDataSubject): Promise<HeldDocument[]>;
  /**
   * What erasure does to one found document: `delete` it, or `keep` an anonymised copy (the
   * returned document replaces it) where the record must stay, as the delete card says.
   */
  erase(doc: RawDocument, person: PersonalDataSubject): { action: 'delete' } | { action: 'keep'; doc: RawDocument };
  /**
   * What the download shows of a found document, where it is shared with others (a school's
   * figure document holds every member's entry): only the person's part. Absent: the whole document.
   */
  shown?(doc: RawDocument, person: PersonalDataSubject): RawDocument;
}

/** A container that holds nothing about a person, and why: the reason is the review's evidence. */
export interface NoPersonalData {
  holdsNoPersonalData: string;
}

/**
 * Where a person's data lives, one entry for EVERY container in `containers.ts`: the
 * download reads each step, erasure applies each. Because the type is a `Record` over
 * `ContainerName`, a container added later without an entry here does not compile, so
 * nobody can add a place that keeps people's data and forget the download and the erasure.
 *
 * To add a container: add an entry keyed by its name. If it keeps anything that names a
 * person (a user key, an object id, a name or an email, in any field or payload), give a
 * `PersonalDataStep`: `find` reads that person's documents (a point read or one partition
 * where the key allows it; a scan only where it cannot, since erasure runs as a background
 * job), and `erase` deletes each, or returns the copy to keep without what identifies
 * them. Add its place name under `myData.places` in both string files. Otherwise write
 * `{ holdsNoPersonalData: 'why' }`. The erasure test then searches the new container too.
 */
export const personalDataRegistry: Record<ContainerName, PersonalDataStep | NoPersonalData> = {
  users: {
    // Their own document, the directory entry for their email (point reads), and other
    // people's documents that name them as line manager: as manager in a profile, in
    // line-manager requests (a request they declined leaves no link) or as who recorded an
    // appraisal meeting (a former report has no link either). Those can only be found by a
    // query across partitions; erasure runs as a background job, the download in runs.
    find: async (store, person) => {
      const found = [await raw(store, 'users').read(person.key, person.key)];
      if (person.email) {
        const key = directoryKey(person.tenantId, person.email);
        const entry = await raw(store, 'users').read(key, key);
        if (entry && entry.value.aadObjectId === person.aadObjectId) found.push(entry);
      }
      const others = (await raw(store, 'users').scanAllPartitions({})).filter((f) => f.value.id !== person.key && namesAsManager(f.value, person));
      return held(unique([...found.flatMap((f) => (f ? [f] : [])), ...others]));
    },
    erase: (doc, person) => (doc.id === person.key || doc.kind === 'directory' ? { action: 'delete' } : { action: 'keep', doc: withoutManager(doc, person) }),
  },
  conversations: {
    // A team linked to a school keeps the object id of the administrator who linked it.
    find: async (store, person) => held(await raw(store, 'conversations').scanAllPartitions({ linkedBy: person.aadObjectId })),
    erase: (doc) => ({ action: 'keep', doc: { ...doc, linkedBy: '' } }),
  },
  outbox: {
    find: async (store, person) => held(await raw(store, 'outbox').scanAllPartitions({ recipient: person.key })),
    erase: deleteIt,
  },
  deliveries: {
    find: async (store, person) => held(await raw(store, 'deliveries').scanAllPartitions({ recipient: person.key })),
    erase: deleteIt,
  },
  bulkMessages: {
    // A bulk message's pages list their recipients' keys: the person leaves the list, the message stays.
    find: async (store, person) => naming(await raw(store, 'bulkMessages').scanAllPartitions({}), person),
    erase: (doc, person) => {
      const recipients = doc.recipients;
      if (!Array.isArray(recipients)) return { action: 'delete' };
      return { action: 'keep', doc: { ...doc, recipients: recipients.filter((r) => r !== person.key) } };
    },
  },
  jobs: {
    // Reminders for the person, and reminders to others about them (their key in the job's key or payload).
    find: async (store, person) => naming(await raw(store, 'jobs').scanAllPartitions({}), person),
    erase: deleteIt,
  },
  jobHistory: {
    find: async (store, person) => naming(await raw(store, 'jobHistory').scanAllPartitions({}), person),
    erase: deleteIt,
  },
  sendBudget: { holdsNoPersonalData: 'Counts of messages sent per second for the whole tenant; no person is named.' },
  teamLinks: {
    // As staff (their link, in their manager's partition) and as manager (their own partition).
    find: async (store, person) => {
      const asReport = await raw(store, 'teamLinks').scanAllPartitions({ reportAadObjectId: person.aadObjectId });
      const asManager = await raw(store, 'teamLinks').findInPartition(person.key, {});
      return held(unique([...asReport, ...asManager]));
    },
    erase: deleteIt,
  },
  schools: {
    holdsNoPersonalData:
      "School settings and the register: contacts are names typed by the school's administrators as the school's own record, linked to nobody's Teams identity; the administrators correct them on the school card.",
  },
  memberships: {
    // Their membership of each school, and their entry in each school's figure document (flags
    // under an opaque key). The figure documents come first, so erasure takes the entry out
    // before the membership that leads to it goes; a first-storage per-person figure document
    // (not yet moved by the nightly job) goes whole.
    find: async (store, person) => {
      const memberships = await raw(store, 'memberships').scanAllPartitions({ id: person.key });
      const own = await raw(store, 'users').read(person.key, person.key);
      const schools = Array.isArray(own?.value.schools) ? (own.value.schools as { schoolId?: unknown }[]) : [];
      const partitions = new Set([...memberships.map((m) => m.value.pk), ...schools.flatMap((s) => (typeof s.schoolId === 'string' ? [schoolKey(person.tenantId, s.schoolId)] : []))]);
      const figures = [];
      for (const pk of partitions) {
        const doc = await raw(store, 'memberships').read(FIGURES_SCHOOL_ID, pk);
        if (doc && figureEntryOf(doc.value, person) !== undefined) figures.push(doc);
      }
      const legacy = await raw(store, 'memberships').scanAllPartitions({ id: legacyFigurePersonId(person.key) });
      return held([...figures, ...legacy, ...memberships]);
    },
    erase: (doc, person) => (doc.kind === 'figures-school' ? { action: 'keep', doc: withoutFigureEntry(doc, person) } : { action: 'delete' }),
    // A school's figure document holds everyone's entries: the download shows only theirs.
    shown: (doc, person) => (doc.kind === 'figures-school' ? { id: doc.id, pk: doc.pk, kind: doc.kind, schoolId: doc.schoolId, people: { [figureEntryKey(person.key)]: figureEntryOf(doc, person) } } : doc),
  },
  roles: {
    find: async (store, person) => held(await raw(store, 'roles').findInPartition(rolesPartition(person.tenantId), { aadObjectId: person.aadObjectId })),
    erase: deleteIt,
  },
  audit: {
    // The audit keeps the actor's object id for administrative acts (the delete card says so); names go.
    find: async (store, person) => naming(await raw(store, 'audit').findInPartition(auditPartition(person.tenantId), {}), person),
    erase: (doc, person) => ({ action: 'keep', doc: anonymisedAudit(doc, person) }),
  },
  fileOffers: {
    find: async (store, person) => held(await raw(store, 'fileOffers').findInPartition(person.key, {})),
    erase: deleteIt,
  },
  broadcasts: {
    // Their "I have read this" records (id = their key, in each broadcast's partition), and the
    // broadcasts they wrote or withdrew (the tenant's partition).
    find: async (store, person) => {
      const reads = await raw(store, 'broadcasts').scanAllPartitions({ id: person.key });
      const written = await raw(store, 'broadcasts').findInPartition(broadcastsPartition(person.tenantId), {});
      return held(unique([...reads, ...written.filter((b) => mentions(b.value, person))]));
    },
    // A sent policy update is an administrative act: it keeps its author's object id, as the card says, and loses their name.
    erase: (doc, person) => (doc.kind === 'broadcast' && doc.status === 'sent' ? { action: 'keep', doc: anonymisedBroadcast(doc, person) } : { action: 'delete' }),
  },
  plcs: {
    // PLCs they own or made, resources they shared, their votes, codes they issued, joins they asked for.
    find: async (store, person) => naming(await raw(store, 'plcs').scanAllPartitions({}), person),
    erase: (doc, person) => erasedFromPlc(doc, person),
  },
  plcPeople: {
    // Their PLC memberships and saved resources, all in their own partition.
    find: async (store, person) => held(await raw(store, 'plcPeople').findInPartition(person.key, {})),
    erase: deleteIt,
  },
  learning: {
    // Their learning log and its settings (HLTA checklist, reminders), all in their own partition.
    find: async (store, person) => held(await raw(store, 'learning').findInPartition(person.key, {})),
    erase: deleteIt,
  },
};

/** The steps that hold personal data, with their container names, in registry order. */
export function personalDataSteps(): { container: ContainerName; step: PersonalDataStep }[] {
  return (Object.entries(personalDataRegistry) as [ContainerName, PersonalDataStep | NoPersonalData][]).flatMap(([container, entry]) =>
    'find' in entry ? [{ container, step: entry }] : [],
  );
}

function deleteIt(): { action: 'delete' } {
  return { action: 'delete' };
}

function raw(store: Store, container: ContainerName): DocumentCollection<RawDocument> {
  return store.collection(collectionSpec<RawDocument>(container, rawDocumentSchema));
}

function held(found: ({ value: RawDocument; etag: string } | undefined)[]): HeldDocument[] {
  return found.flatMap((f) => (f ? [{ doc: f.value, etag: f.etag }] : []));
}

function unique(found: { value: RawDocument; etag: string }[]): { value: RawDocument; etag: string }[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = `${f.value.pk}\u0000${f.value.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Documents whose text names the person by key, object id or email. */
function naming(found: { value: RawDocument; etag: string }[], person: PersonalDataSubject): HeldDocument[] {
  return held(found.filter((f) => mentions(f.value, person)));
}
