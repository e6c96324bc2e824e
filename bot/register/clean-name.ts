/**
 * Control and format characters (bidi overrides and isolates, zero-width characters, the
 * BOM) and lone surrogates: none shows, and each can make a name read differently on someone
 * else's card from what is stored.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/** A school name as the register keeps it: composed (NFC), nothing hidden, spaces tidied. */
export function cleanName(raw: string): string {
  return raw.normalize('NFC').replace(/[\t\r\n]+/g, ' ').replace(HIDDEN, '').replace(/\s+/g, ' ').trim();
}

/** True when a name holds nothing `cleanName` would remove: stored names must pass this. */
export function isCleanName(name: string): boolean {
  return cleanName(name) === name;
}
