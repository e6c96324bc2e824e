import { z } from 'zod';
import type { Content } from '../content/content';
import type { Language } from '../users/user-record';
import { laNameIn } from '../register/la-name';

/** A local authority's id as card data carries it: only its shape is trusted. */
export const laIdInput = z.string().trim().toLowerCase().pipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/));

/** An authority's name in `language`, or its id when the content no longer names it (an old record). */
export function laName(content: Content, laId: string, language: Language): string {
  return laNameIn(content, language)(laId);
}

/** The choices of the card's authority picker, by name in the reader's language. */
export function laChoices(content: Content, language: Language): { title: string; value: string }[] {
  return content.localAuthorityChoices(language);
}
