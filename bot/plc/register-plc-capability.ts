import type { Application } from '@microsoft/teams-ai';
import type { FeatureDeps } from '../app/feature-deps';
import type { Outbox } from '../proactive/outbox-queue';
import type { PlcDigests } from './plc-digest';
import { createPlcSharing } from './plc-sharing';
import { plcStoreOf } from './plc-repository';
import { registerPlc } from './register-plc';
import { registerPlcMembership } from './register-plc-membership';
import { registerPlcOwners } from './register-plc-owners';
import { registerPlcJoining } from './register-plc-joining';
import { registerPlcSharing } from './register-plc-sharing';
import { registerPlcToLearning } from './register-plc-to-learning';
import { registerPlcSaved } from './register-plc-saved';

/**
 * Professional learning communities in team channels. Two steps, because teams-ai runs one
 * route per activity: `membership` must be registered before the welcome (it takes the
 * team's member events that are not about Cefnogi), `routes` anywhere before the fallback.
 */
export function plcCapability(deps: FeatureDeps, outbox: Outbox, digests: PlcDigests): { membership(app: Application): void; routes(app: Application): void } {
  const plcs = plcStoreOf(deps.store);
  const sharing = createPlcSharing(plcs, outbox);
  return {
    membership: (app) => registerPlcMembership(app, deps, plcs),
    routes: (app) => {
      registerPlc(app, deps, plcs, digests);
      registerPlcSharing(app, deps, plcs, sharing, outbox);
      registerPlcToLearning(app, deps, sharing, outbox);
      registerPlcSaved(app, plcs, sharing);
      registerPlcOwners(app, deps, plcs, outbox);
      registerPlcJoining(app, deps, plcs, sharing, outbox);
    },
  };
}
