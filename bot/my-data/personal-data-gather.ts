import type { ContainerName } from '../storage/containers';
import type { Store } from '../storage/store';
import { personalDataSteps, type RawDocument } from './personal-data-registry';
import type { PersonalDataSubject } from './personal-data-subject';

/** What one container holds about a person, as the download shows it. */
export interface HeldPlace {
  container: ContainerName;
  documents: RawDocument[];
}

/**
 * Everything Cefnogi holds about the person, container by container, read through the
 * registry so the download and the erasure can never disagree about where data lives.
 * Storage's own bookkeeping (`_etag`, `_ts`…) and file bytes waiting for them are left
 * out: they say nothing about the person and would only swell the file.
 */
export async function gatherPersonalData(store: Store, person: PersonalDataSubject): Promise<HeldPlace[]> {
  const places: HeldPlace[] = [];
  for (const { container, step } of personalDataSteps()) {
    const found = await step.find(store, person);
    places.push({ container, documents: found.map((f) => readable(step.shown ? step.shown(f.doc, person) : f.doc)) });
  }
  return places;
}

function readable(doc: RawDocument): RawDocument {
  const copy: RawDocument = { ...doc };
  for (const key of Object.keys(copy)) if (key.startsWith('_')) delete copy[key];
  if (typeof copy.bytes === 'string') copy.bytes = `(${copy.bytes.length} characters of base64 left out)`;
  return copy;
}
