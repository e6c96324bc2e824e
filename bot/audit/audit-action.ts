import type { Strings } from '../i18n/strings';

/**
 * Every administrative act the audit records, by name. Typed from the audit's strings, so an
 * act without words in the audit card fails to compile (and the Welsh file must match).
 */
export type AuditAction = keyof Strings['audit']['actions'];
