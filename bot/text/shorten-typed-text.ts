/**
 * Typed text cut for an overview, with "…" when something was left out: the full text is a
 * button away (the record card), and the overview must stay small enough for Teams. Cut
 * before the text is made inert, so an escape is never split; never splits a character.
 */
export function shortenTypedText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
