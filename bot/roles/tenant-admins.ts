import { isLocalMode, type Config } from '../config';
import type { UserIdentity } from '../users/user-record';

type AdminSettings = Pick<Config, 'ADMIN_AAD_OBJECT_IDS' | 'ALLOWED_TENANT_IDS' | 'BOT_ID'>;

/**
 * The tenant this deployment serves when it serves exactly one, else undefined. A bare
 * administrator id is bound to it: on a deployment serving several tenants a bare id would
 * make one tenant's person an administrator of every tenant, so it binds to none.
 */
function singleTenant(config: AdminSettings): string | undefined {
  const allowed = config.ALLOWED_TENANT_IDS;
  return allowed.length === 1 ? allowed[0] : undefined;
}

/**
 * True when the acting person is a tenant administrator of the tenant they act in: named
 * in ADMIN_AAD_OBJECT_IDS as `tenantId:objectId`, or by a bare object id on a
 * single-tenant deployment (or on this machine in local mode).
 */
export function isTenantAdmin(config: AdminSettings, identity: UserIdentity): boolean {
  const tenant = identity.tenantId.toLowerCase();
  const person = identity.aadObjectId.toLowerCase();
  return config.ADMIN_AAD_OBJECT_IDS.some((admin) => {
    if (admin.objectId !== person) return false;
    if (admin.tenantId !== undefined) return admin.tenantId === tenant;
    return isLocalMode(config) || singleTenant(config) === tenant;
  });
}

/** A warning for the start-up log when bare ids are configured, or undefined. */
export function bareAdminIdWarning(config: AdminSettings): string | undefined {
  const bare = config.ADMIN_AAD_OBJECT_IDS.filter((a) => a.tenantId === undefined).length;
  if (bare === 0) return undefined;
  const bound = singleTenant(config);
  return bound
    ? `${bare} administrator id(s) in ADMIN_AAD_OBJECT_IDS have no tenant: they apply to ${bound} only. Write them as tenantId:objectId.`
    : isLocalMode(config)
      ? `${bare} administrator id(s) in ADMIN_AAD_OBJECT_IDS have no tenant: in local mode they apply in any tenant. Write them as tenantId:objectId.`
      : `${bare} administrator id(s) in ADMIN_AAD_OBJECT_IDS have no tenant and this deployment serves more than one tenant: they apply nowhere. Write them as tenantId:objectId.`;
}
