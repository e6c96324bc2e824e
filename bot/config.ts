import { z } from 'zod';
import { retentionSettingsSchema } from './retention/retention-policy';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A comma-separated list of GUIDs; empty or unset gives an empty list. */
const guidList = z
  .string()
  .optional()
  .transform((raw) => (raw ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0))
  .refine((ids) => ids.every((id) => GUID.test(id)), { message: 'must be a comma-separated list of GUIDs' })
  .transform((ids) => ids.map((id) => id.toLowerCase()));

/**
 * Tenant administrators: `tenantId:objectId`, comma-separated. A bare object id is bound to
 * the one tenant of a single-tenant deployment (see bot/roles/tenant-admins.ts).
 */
const adminList = z
  .string()
  .optional()
  .transform((raw) => (raw ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0))
  .refine((ids) => ids.every((id) => id.split(':').length <= 2 && id.split(':').every((part) => GUID.test(part))), {
    message: 'must be a comma-separated list of tenantId:objectId (or, for a single-tenant deployment, objectId) GUIDs',
  })
  .transform((ids) => ids.map((id) => (id.includes(':') ? { tenantId: id.split(':')[0]!, objectId: id.split(':')[1]! } : { objectId: id })));

/**
 * The tenants served: a comma-separated list of tenant GUIDs, or exactly `*` for any
 * tenant. Kept as written until the whole schema is checked, because whether an empty
 * list is allowed depends on BOT_ID (see the refinement below).
 */
const tenantAllowList = z
  .string()
  .optional()
  .transform((raw, ctx): '*' | string[] => {
    if (raw?.trim() === '*') return '*';
    const ids = guidList.safeParse(raw);
    if (ids.success) return ids.data;
    ctx.addIssue({ code: 'custom', message: 'must be * (any tenant) or a comma-separated list of tenant GUIDs' });
    return z.NEVER;
  });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/**
 * Every setting Cefnogi reads from the environment, with Teams Toolkit names.
 * Parsed once at start: a bad value stops the process with the setting named, so a
 * misconfigured deployment fails loudly instead of half-working.
 */
export const configSchema = z
  .object({
    // 0 asks the system for a free port (tests and the benchmark use it).
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    BOT_ID: optionalText.refine((v) => v === undefined || GUID.test(v), { message: 'must be the bot app registration GUID' }),
    BOT_PASSWORD: optionalText,
    BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMsi']).default('MultiTenant'),
    BOT_TENANT_ID: optionalText.refine((v) => v === undefined || GUID.test(v), { message: 'must be a tenant GUID' }),
    COSMOS_ENDPOINT: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
      message: 'must be an http(s) URL',
    }),
    COSMOS_KEY: optionalText,
    COSMOS_DATABASE: z.string().trim().regex(/^[A-Za-z0-9_-]{1,255}$/, 'letters, digits, - and _ only').default('cefnogi'),
    DATA_DIR: z.string().trim().min(1).default('./.data'),
    ALLOWED_TENANT_IDS: tenantAllowList,
    ADMIN_AAD_OBJECT_IDS: adminList,
    // Proactive sends per second to one tenant, below Teams' published 50 (all of Wales's
    // schools may share one Hwb tenant, so this budget is shared by every school).
    TEAMS_TENANT_RATE_PER_SECOND: z.coerce.number().int().min(1).max(50).default(40),
    // How long finished records are kept (bot/retention/).
    ...retentionSettingsSchema.shape,
  })
  .superRefine((c, ctx) => {
    if (c.BOT_ID && c.BOT_TYPE !== 'UserAssignedMsi' && !c.BOT_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['BOT_PASSWORD'], message: 'is required when BOT_ID is set (unless BOT_TYPE is UserAssignedMsi)' });
    }
    if (c.BOT_TYPE === 'SingleTenant' && c.BOT_ID && !c.BOT_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['BOT_TENANT_ID'], message: 'is required when BOT_TYPE is SingleTenant' });
    }
    // Authenticated mode serves real tenants: serving every tenant must be a written choice,
    // never what an unset setting happens to mean.
    if (c.BOT_ID && Array.isArray(c.ALLOWED_TENANT_IDS) && c.ALLOWED_TENANT_IDS.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['ALLOWED_TENANT_IDS'],
        message: 'is required when BOT_ID is set: list the tenant GUIDs to serve, or write * to serve any tenant',
      });
    }
  })
  // `*` and an empty list (allowed only in local mode) both mean "any tenant": one shape for the gate.
  .transform(({ ALLOWED_TENANT_IDS, ...rest }) => ({
    ...rest,
    /** Tenants served, lower-case; empty means any tenant (`*`, or local mode with none listed). */
    ALLOWED_TENANT_IDS: ALLOWED_TENANT_IDS === '*' ? [] : ALLOWED_TENANT_IDS,
  }));

export type Config = z.infer<typeof configSchema>;

/** Thrown when the environment holds a bad setting; the message names each one. */
export class ConfigError extends Error {}

/** Parses the environment into a Config, or throws a ConfigError naming each bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'environment'}: ${i.message}`);
  throw new ConfigError(`Cefnogi cannot start: bad settings\n${lines.join('\n')}`);
}

/** Local mode: no Bot Framework authentication, for the Agents Playground and tests only. */
export function isLocalMode(config: Pick<Config, 'BOT_ID'>): boolean {
  return config.BOT_ID === undefined;
}
