import { z } from 'zod';
import { SHARE_LIMITS } from '../../cards/share-to-plc-card';
import { keyAreaIdSchema } from '../content/key-area-schemas';
import { cleanTypedText } from '../text/clean-typed-text';
import type { PlcSummary, ShareInput } from './plc-sharing-port';

/** The form's data as the dialog submits it: every input a string (multi-selects comma-separated), plus which button. */
export const shareSubmitSchema = z.object({
  action: z.enum(['share', 'cancel']),
  title: z.string().max(10_000).default(''),
  url: z.string().max(10_000).default(''),
  note: z.string().max(20_000).default(''),
  keyAreas: z.string().max(1_000).default(''),
  languages: z.string().max(100).default(''),
  plcId: z.string().max(1_000).default(''),
});
export type ShareSubmit = z.infer<typeof shareSubmitSchema>;

/** Which field was refused (the card marks it there). */
export type ShareField = 'title' | 'url' | 'note' | 'keyAreas' | 'languages' | 'plcId';

/** The submitted form, either ready to share or with the fields that need changing. */
export type CheckedShare = { ok: true; plcId: string; input: ShareInput } | { ok: false; errors: ShareField[] };

const listOf = (text: string) => [...new Set(text.split(',').map((v) => v.trim()).filter((v) => v !== ''))];

/** An https address within the limit, as the URL parser reads it; links are never fetched. */
function isHttpsLink(text: string): boolean {
  if (text.length > SHARE_LIMITS.url || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The share form checked on the server, field by field, against the person's own PLCs: a
 * title (cleaned as typed text), an https link, a note within its limit, at least one known key
 * area, at least one of Welsh and English, and one of their PLCs. Too long is refused, never
 * cut silently: the person sees their text back with the limit.
 */
export function checkShare(data: ShareSubmit, plcs: readonly PlcSummary[]): CheckedShare {
  const errors: ShareField[] = [];
  const title = cleanTypedText(data.title, { maxLength: SHARE_LIMITS.title + 1 });
  if (title === '' || title.length > SHARE_LIMITS.title) errors.push('title');
  const url = data.url.trim();
  if (!isHttpsLink(url)) errors.push('url');
  const note = cleanTypedText(data.note, { maxLength: SHARE_LIMITS.note + 1, multiline: true });
  if (note.length > SHARE_LIMITS.note) errors.push('note');
  const keyAreas = listOf(data.keyAreas);
  if (keyAreas.length === 0 || !keyAreas.every((a) => keyAreaIdSchema.safeParse(a).success)) errors.push('keyAreas');
  const languages = listOf(data.languages);
  if (languages.length === 0 || !languages.every((l) => l === 'cy' || l === 'en')) errors.push('languages');
  if (!plcs.some((p) => p.id === data.plcId)) errors.push('plcId');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    plcId: data.plcId,
    input: { title, url, ...(note ? { note } : {}), keyAreas, languages: languages as ('cy' | 'en')[] },
  };
}
