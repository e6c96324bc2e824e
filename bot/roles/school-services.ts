import type { Config } from '../config';
import { createAuditLog, type AuditLog } from '../audit/audit-log';
import { createSchoolMemberships, type SchoolMemberships } from '../membership/school-memberships';
import type { Outbox } from '../proactive/outbox-queue';
import { createSchoolRegister, type SchoolRegister } from '../register/school-register';
import type { Store } from '../storage/store';
import { createAdminGuard, type AdminGuard } from './admin-guard';
import { createAdminScope, type AdminScope } from './admin-scope';

/** The register, memberships, roles and audit, built once and shared by every capability that needs them. */
export interface SchoolServices {
  register: SchoolRegister;
  memberships: SchoolMemberships;
  scope: AdminScope;
  audit: AuditLog;
  guard: AdminGuard;
}

export function createSchoolServices(config: Config, store: Store, outbox: Outbox, knownLa: (laId: string) => boolean): SchoolServices {
  const register = createSchoolRegister(store);
  const scope = createAdminScope(config, store);
  const audit = createAuditLog(store);
  return {
    register,
    memberships: createSchoolMemberships(store, register, outbox),
    scope,
    audit,
    guard: createAdminGuard(scope, register, audit, knownLa),
  };
}
