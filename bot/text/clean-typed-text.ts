/** How one typed field is kept: its longest length, and whether line breaks belong in it. */
export interface TypedTextRule {
  maxLength: number;
  /** Comments keep their line breaks; a name, an objective or a priority is one line. */
  multiline?: boolean;
}

/** A display name as Teams gives it is kept to this many characters. */
export const NAME_MAX_LENGTH = 100;

/**
 * The Welsh flag is a black flag followed by invisible tag characters (gb-wls) and a
 * cancel tag; anywhere else tag characters hide text from a reader, so only a flag keeps them.
 */
const FLAG_TAGS = /\u{1F3F4}(?:[\u{E0020}-\u{E007E}]+\u{E007F})?/gu;
/** A zero-width joiner between two pictographs builds one emoji (a family, a teacher); elsewhere it is a trick. */
const EMOJI_JOIN = /(?<=[\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}])\u200D(?=\p{Extended_Pictographic})/gu;
/**
 * Format characters (bidi embeddings, overrides and isolates U+202A–202E and U+2066–2069,
 * the marks U+200E, U+200F and U+061C, zero-width spaces and joiners, the BOM, tag
 * characters), lone surrogates and the invisible fillers some scripts offer: none of them
 * shows, and each can make text read differently from what is stored.
 */
const INVISIBLE = /[\p{Cf}\p{Cs}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180D\u3164\uFFA0\uFE00-\uFE0E]/gu;
/** Control characters (C0, DEL, C1); a tab becomes a space and line breaks are decided separately. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

const KEEP_JOIN = '\u{E000}';
const KEEP_FLAG = '\u{E001}';

/**
 * Text a person typed, as Cefnogi stores it: what they see is what others will see. Invisible
 * and control characters are removed (a right-to-left override can make "txt.exe" read as
 * "exe.txt" on a colleague's card), line breaks are kept only in multi-line fields, spaces
 * are tidied, and the text is cut to `maxLength` characters without splitting a character.
 * Composed (NFC) so that "ŵ" typed two ways is stored one way.
 */
export function cleanTypedText(text: string | undefined, rule: TypedTextRule): string {
  if (!text) return '';
  const flags: string[] = [];
  let out = text
    .normalize('NFC')
    .replace(/[\uE000\uE001]/g, '')
    .replace(FLAG_TAGS, (flag) => (flags.push(flag), KEEP_FLAG))
    .replace(EMOJI_JOIN, KEEP_JOIN)
    .replace(INVISIBLE, '')
    .replace(/\t/g, ' ')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(CONTROL, '');
  out = rule.multiline
    ? out
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
    : out.replace(/\s+/g, ' ');
  out = out.trim().replace(new RegExp(KEEP_JOIN, 'gu'), '\u200D');
  let flag = 0;
  out = out.replace(new RegExp(KEEP_FLAG, 'gu'), () => flags[flag++] ?? '');
  return cutTo(out, rule.maxLength);
}

/** A display name from Teams (`activity.from.name`) or a directory, as Cefnogi keeps it. */
export function cleanDisplayName(name: string | undefined): string {
  return cleanTypedText(name, { maxLength: NAME_MAX_LENGTH });
}

/** At most `max` UTF-16 units (what zod and Cosmos count), never half a surrogate pair. */
function cutTo(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}
