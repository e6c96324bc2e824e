/** Links longer than this are refused (browsers and Teams cope with about this much). */
export const MAX_LINK_LENGTH = 2000;

/** A link as shared: what to show and open, and the form two shares of it are compared in. */
export interface SharedLink {
  url: string;
  normalised: string;
}

/**
 * Checks a link someone typed and normalises it for comparison: https only (no page is ever
 * fetched, and a plain-http or script link is not posted where colleagues press it), at most
 * 2,000 characters, no user name or password in it. Host lower case, default port, fragment
 * and a trailing slash dropped, query parameters sorted, tracking parameters (utm_…) removed:
 * so "https://Hwb.gov.wales/x/?utm_source=a" and "https://hwb.gov.wales/x" are one resource.
 */
export function parseSharedLink(raw: string): SharedLink | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_LINK_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
  const shown = url.toString();
  if (shown.length > MAX_LINK_LENGTH) return undefined;
  const params = [...url.searchParams.entries()].filter(([k]) => !/^utm_/i.test(k)).sort(([a, x], [b, y]) => (a === b ? x.localeCompare(y) : a.localeCompare(b)));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return { url: shown, normalised: `https://${url.host.toLowerCase()}${path}${query}` };
}

/** A title for a link shared without one: its host and last path segment, read as words. */
export function titleFromLink(url: string): string {
  const u = new URL(url);
  const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
  let words = last;
  try {
    words = decodeURIComponent(last);
  } catch {
    /* keep it as typed */
  }
  words = words.replace(/\.[a-z0-9]{2,5}$/i, '').replace(/[-_+]+/g, ' ').trim();
  return (words ? `${words} (${u.hostname})` : u.hostname).slice(0, 200);
}
