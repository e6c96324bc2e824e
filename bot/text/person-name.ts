import { cleanDisplayName } from './clean-typed-text';
import { inertMarkdown } from './inert-markdown';

/**
 * A person's name for a card or notice someone else reads: cleaned as a stored name is
 * (records saved before names were cleaned are covered too), then made inert. `fallback`
 * (an email or an id) is used when no name is known.
 */
export function shownName(name: string | undefined, fallback: string): string {
  return inertMarkdown(cleanDisplayName(name) || cleanDisplayName(fallback));
}
