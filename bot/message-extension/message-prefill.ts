import { z } from 'zod';
import { cleanTypedText } from '../text/clean-typed-text';
import { SHARE_LIMITS } from '../../cards/share-to-plc-card';

/** The part of a `fetchTask` invoke started on a message that the form reads: the message's body. */
const messagePayloadSchema = z.object({
  messagePayload: z.object({ body: z.object({ content: z.string().max(100_000).default(''), contentType: z.string().max(20).default('text') }) }),
});

/** What the form starts with when opened on a message. */
export interface Prefill {
  title: string;
  url: string;
  note: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const HTTPS_LINK = /https:\/\/[^\s<>"']+/i;
/** Punctuation that ends a sentence around a link rather than belonging to it. */
const TRAILING = /[.,;:!?)\]]+$/;

/** A message body as the text a person reads: Teams sends HTML for most messages. */
function textOf(content: string, contentType: string): string {
  if (contentType !== 'html') return content;
  return content
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}

/** The first https link: a link's own address in HTML first (its text may differ), else one written in the text. */
function firstLink(content: string, text: string): string {
  const href = /href\s*=\s*"(https:\/\/[^"]+)"/i.exec(content)?.[1]?.replace(/&amp;/g, '&');
  const found = href ?? HTTPS_LINK.exec(text)?.[0]?.replace(TRAILING, '') ?? '';
  return found.length <= SHARE_LIMITS.url ? found : '';
}

/**
 * The form's first values from the message the action was started on: its first https link,
 * its first line (without the link) as a title, and its text as the note, each within the
 * form's limits. Without a readable message (the compose box), everything starts empty.
 */
export function prefillFrom(invokeValue: unknown): Prefill {
  const parsed = messagePayloadSchema.safeParse(invokeValue);
  if (!parsed.success) return { title: '', url: '', note: '' };
  const { content, contentType } = parsed.data.messagePayload.body;
  const text = textOf(content, contentType);
  const url = firstLink(content, text);
  const note = cleanTypedText(text, { maxLength: SHARE_LIMITS.note, multiline: true });
  // The title leaves links out, their text as well as their address ("Great games: <a>games</a>").
  const withoutLinks = cleanTypedText(textOf(content.replace(/<a\b[^>]*>[\s\S]*?<\/a>/gi, ' '), contentType), { maxLength: SHARE_LIMITS.note, multiline: true });
  const firstLine = withoutLinks.split('\n').map((line) => line.replace(HTTPS_LINK, ' ').replace(/\s+/g, ' ').replace(/^[\s\-–:]+|[\s\-–:]+$/g, '')).find((line) => line !== '') ?? '';
  return { title: cleanTypedText(firstLine, { maxLength: SHARE_LIMITS.title }), url, note };
}
