import type { Config } from '../config';
import type { Logger } from '../logging/logger';
import { createFreeTextSchoolMigration, type FreeTextSchoolMigration } from '../register/migrate-free-text-schools';
import { createAuditLog, type AuditLog } from '../audit/audit-log';
import type { FigureRecords } from '../figures/figure-records';
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
  /** Free-text schools of an older store, moved onto the register as it fills. */
  migration: FreeTextSchoolMigration;
  /** The per-person figure records, when figures are kept (see bot/figures). */
  figures?: FigureRecords;
}

/** `figuresFor(register)` makes the figure records the memberships keep current (start-bot passes it). */
export function createSchoolServices(config: Config, store: Store, outbox: Outbox, knownLa: (laId: string) => boolean, log: Logger, figuresFor?: (register: SchoolRegister) => FigureRecords): SchoolServices {
  const register = createSchoolRegister(store);
  const figures = figuresFor?.(register);
  const scope = createAdminScope(config, store);
  const audit = createAuditLog(store);
  const memberships = createSchoolMemberships(store, register, outbox, figures);
  return {
    register,
    ...(figures ? { figures } : {}),
    memberships,
    migration: createFreeTextSchoolMigration(store, memberships, log),
    scope,
    audit,
    guard: createAdminGuard(scope, register, audit, knownLa),
  };
}
