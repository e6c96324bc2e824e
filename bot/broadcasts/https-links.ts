/** A Markdown link or image target: `[text](target)` or `![alt](target)`. */
const MARKDOWN_TARGET = /\]\(\s*<?([^)\s>]*)/g;
/** A bare address Teams would make a link of. */
const BARE_ADDRESS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s)\]]*/gi;
/** Schemes that are links without slashes. */
const OTHER_SCHEMES = /\b(?:mailto|tel|javascript|data|file|ftp|vbscript):/i;

/**
 * Whether every link in a broadcast's Markdown is https: a policy update goes to thousands of
 * staff, so an http, file or script link in it must never reach them.
 */
export function onlyHttpsLinks(markdown: string): boolean {
  for (const m of markdown.matchAll(MARKDOWN_TARGET)) {
    if (!isHttpsAddress(m[1] ?? '')) return false;
  }
  for (const m of markdown.matchAll(BARE_ADDRESS)) {
    if (!m[0].toLowerCase().startsWith('https://')) return false;
  }
  return !OTHER_SCHEMES.test(markdown);
}

/** An absolute https address with a host. */
export function isHttpsAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}
