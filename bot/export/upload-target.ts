/**
 * Whether Cefnogi may PUT a person's file to `uploadUrl`. Teams hands out OneDrive upload
 * sessions over https; nothing else is trusted with the bytes (no plain http, no
 * credentials in the address). On one's own machine (local mode, no Bot Framework
 * authentication) the local connector that stands in for Teams may also receive them,
 * on its own http origin only.
 */
export function isAllowedUploadTarget(uploadUrl: string, options: { localMode: boolean; serviceUrl: string }): boolean {
  const url = parse(uploadUrl);
  if (!url || url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  if (!options.localMode || url.protocol !== 'http:') return false;
  const connector = parse(options.serviceUrl);
  return connector !== undefined && connector.origin === url.origin;
}

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
