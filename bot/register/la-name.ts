import type { Content } from '../content/content';
import type { Language } from '../users/user-record';

/** A local authority's name in the reader's language (its id only if the content no longer has it). */
export function laNameIn(content: Pick<Content, 'localAuthority'>, language: Language): (laId: string) => string {
  return (laId) => content.localAuthority(laId)?.name[language] ?? laId;
}
