import type { KeyAreaId } from '../content/key-area-schemas';
import type { Language } from '../users/user-record';

/**
 * A resource as search sees it, whatever it came from (the curated library or a PLC's
 * library): the words a person may look for, and what ranks it when the words tie. `item`
 * is the caller's own record, handed back with the results so nothing is looked up twice.
 */
export interface SearchableResource<T> {
  item: T;
  /** Its title in every language it has one (the curated library has both). */
  titles: readonly string[];
  /** A note or summary, in every language it has one. */
  notes: readonly string[];
  /** Its key areas: a resource tagged with one is found by the area's Welsh and English names. */
  keyAreas: readonly KeyAreaId[];
  /** The languages the resource itself is in; those in the searcher's language come first on a tie. */
  languages: readonly Language[];
  /** When it was shared (ISO time); the curated library has no date and comes after what was shared. */
  sharedAt?: string;
  /** "Useful" votes. */
  useful: number;
}
