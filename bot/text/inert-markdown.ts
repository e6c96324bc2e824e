/**
 * Characters Teams' TextBlock Markdown (and the HTML some clients let through) would act on:
 * link and image syntax, emphasis, code, strikethrough, HTML tags and entities. A backslash
 * before any ASCII punctuation is CommonMark's escape: the reader sees the character itself.
 */
const ACTIVE = /[\\[\]()!<>*_`~|&{}]/g;
/** At the start of a line these make a heading, a list, a quote or a rule. */
const LINE_START = /^([ \t]*)([#\-+=])/gm;
/** "1." at the start of a line makes a numbered list. */
const NUMBERED = /^([ \t]*\d+)\./gm;
/**
 * Schemes that run or embed something when a client links them. A word joiner after the
 * colon (invisible, and never part of a link) stops any linkifier, whatever it accepts.
 */
const UNSAFE_SCHEME = /\b(javascript|vbscript|data|file|blob)(\s*):/gi;

/**
 * Text someone typed, made inert for a card another person reads: it shows as typed, and
 * nothing in it becomes a link, an image, a heading or formatting. `https://…` may still be
 * linked by the client (as in a chat message); `javascript:` and `data:` never are.
 * Apply once, to the typed part only, just before it goes on a card's TextBlock or Fact:
 * Input values, labels and choice titles are plain text and take it as it is stored.
 */
export function inertMarkdown(text: string): string {
  return text
    .replace(ACTIVE, (c) => `\\${c}`)
    .replace(LINE_START, '$1\\$2')
    .replace(NUMBERED, '$1\\.')
    .replace(UNSAFE_SCHEME, (_all, scheme: string, gap: string) => `${scheme}${gap}:\u2060`);
}
