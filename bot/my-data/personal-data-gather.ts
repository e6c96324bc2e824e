import type { ContainerName } from '../storage/containers';
import type { Store } from '../storage/store';
import type { PersonalDataStep } from './personal-data-registry';
import type { RawDocument } from './raw-document';
import type { PersonalDataSubject } from './personal-data-subject';

/** What one container holds about a person, as the download shows it. */
export interface HeldPlace {
  container: ContainerName;
  documents: RawDocument[];
}

/** Key prefix and kinds of the download's own records (its job, its lock, its parts): never part of the file. */
const OWN_RECORDS = { jobPrefix: 'my-data-download', kinds: ['my-data-download', 'my-data-download-part'] };

/**
 * What one registry step finds about the person, as the file shows it: read through the
 * registry so the download and the erasure can never disagree about where data lives.
 * Storage's own bookkeeping (`_etag`, `_ts`…) and file bytes waiting for them are left out:
 * they say nothing about the person and would only swell the file. The download's own job,
 * lock and gathered parts are left out too. Another person's document that names them (a
 * report who named them as line manager) is shown only as a pointer: the download gives
 * the person their data, never someone else's.
 */
export async function gatherPlace(store: Store, person: PersonalDataSubject, container: ContainerName, step: PersonalDataStep): Promise<RawDocument[]> {
  const found = await step.find(store, person);
  return found
    .map((f) => (step.shown ? step.shown(f.doc, person) : f.doc))
    .filter((doc) => !OWN_RECORDS.kinds.includes(String(doc.kind)) && !(typeof doc.key === 'string' && doc.key.startsWith(OWN_RECORDS.jobPrefix)))
    .map((doc) => (container === 'users' && doc.id !== person.key && doc.kind !== 'directory' ? pointerTo(doc) : readable(doc)));
}

function readable(doc: RawDocument): RawDocument {
  const copy: RawDocument = { ...doc };
  for (const key of Object.keys(copy)) if (key.startsWith('_')) delete copy[key];
  if (typeof copy.bytes === 'string') copy.bytes = `(${copy.bytes.length} characters of base64 left out)`;
  return copy;
}

/** Another person's record that names them: which record, and that it names them as line manager, nothing of its content. */
function pointerTo(doc: RawDocument): RawDocument {
  return { id: doc.id, pk: doc.pk, namesYouAs: 'line manager' };
}
