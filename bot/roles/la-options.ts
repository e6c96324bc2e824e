import { z } from 'zod';
import type { Content } from '../content/content';
import type { Language } from '../users/user-record';

/** A local authority's id as card data carries it: only its shape is trusted. */
export const laIdInput = z.string().trim().toLowerCase().pipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/));

const localAuthoritiesSchema = z.array(z.object({ id: z.string(), name: z.object({ en: z.string(), cy: z.string() }) }));
type LocalAuthorityName = z.infer<typeof localAuthoritiesSchema>[number];

/**
 * The local authorities the content names, when it names them (the list of Wales's 22
 * arrives with the register's content); an empty list means the card asks for an id.
 */
export function localAuthoritiesOf(content: Content): LocalAuthorityName[] {
  const parsed = localAuthoritiesSchema.safeParse((content as unknown as { localAuthorities?: unknown }).localAuthorities);
  return parsed.success ? parsed.data : [];
}

/** An authority's name in `language`, or its id when the content does not name it. */
export function laName(content: Content, laId: string, language: Language): string {
  return localAuthoritiesOf(content).find((la) => la.id === laId)?.name[language] ?? laId;
}

/** The choices of the card's authority picker, by name in the reader's language. */
export function laChoices(content: Content, language: Language): { title: string; value: string }[] {
  const collator = new Intl.Collator(language === 'cy' ? 'cy' : 'en-GB');
  return localAuthoritiesOf(content)
    .map((la) => ({ title: la.name[language], value: la.id }))
    .sort((a, b) => collator.compare(a.title, b.title));
}
