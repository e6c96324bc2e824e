import { z } from 'zod';

const days = (fallback: number) => z.coerce.number().int().min(1).max(3650).default(fallback);

/**
 * How long finished records are kept, in days, from the environment: finished deliveries
 * and jobs (RETENTION_DAYS, 90), deliveries and content of bulk messages — a broadcast's log
 * (RETENTION_BROADCAST_DAYS, a year, so a policy update's reach can be shown for a school
 * year), and the audit (RETENTION_AUDIT_DAYS, two years). Part of the config schema, so a
 * bad value stops start-up naming the setting.
 */
export const retentionSettingsSchema = z.object({
  RETENTION_DAYS: days(90),
  RETENTION_BROADCAST_DAYS: days(365),
  RETENTION_AUDIT_DAYS: days(730),
});
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

/** The periods a retention rule picks from, in days. */
export interface RetentionPolicy {
  finished: number;
  broadcast: number;
  audit: number;
}

/** The policy the settings describe. */
export function retentionPolicyOf(settings: RetentionSettings): RetentionPolicy {
  return { finished: settings.RETENTION_DAYS, broadcast: settings.RETENTION_BROADCAST_DAYS, audit: settings.RETENTION_AUDIT_DAYS };
}

/** The defaults, for tests and tools that have no config. */
export const DEFAULT_RETENTION: RetentionPolicy = retentionPolicyOf(retentionSettingsSchema.parse({}));
