/**
 * The message extension's command ids, as appPackage/manifest.json declares them. Teams sends
 * them back in every invoke; renaming one here without the manifest breaks the extension.
 */
export const SEARCH_COMMAND = 'plcResources';
export const SHARE_COMMAND = 'shareToPlc';
/** The search command's one parameter. */
export const SEARCH_PARAMETER = 'query';
