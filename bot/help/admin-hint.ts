import type { Config } from '../config';
import { strings } from '../i18n/strings';
import { isTenantAdmin } from '../roles/tenant-admins';
import type { Language, UserIdentity, UserRecord } from '../users/user-record';

/**
 * The help card's line pointing an administrator to `admin`, or '' for everyone else:
 * tenant administrators by configuration, others as their own document last recorded (no
 * read on a help turn; `admin` looks up what they hold now).
 */
export function adminHint(config: Pick<Config, 'ADMIN_AAD_OBJECT_IDS' | 'ALLOWED_TENANT_IDS' | 'BOT_ID'>, identity: UserIdentity, user: Pick<UserRecord, 'administers'>, language: Language): string {
  const admin = isTenantAdmin(config, identity) || (user.administers ?? []).length > 0;
  return admin ? strings(language).help.adminHint : '';
}
