import { isLocalMode, type Config } from './config';
import { bareAdminIdWarning } from './roles/tenant-admins';
import { createApp } from './app/create-app';
import type { FeatureDeps } from './app/feature-deps';
import { createTurnPipeline, type TurnStats } from './app/turn-pipeline';
import { loadContent } from './content/load-content';
import type { Content } from './content/content';
import { createAdapter } from './edge/create-adapter';
import { listenHost } from './edge/listen-host';
import { startHttpServer } from './edge/server';
import type { Logger } from './logging/logger';
import { openStore, type OpenedStore } from './storage/open-store';
import { createInductionSignOffs } from './team/sign-off-induction';
import { createLineManagerLinks } from './team/line-manager-links';
import { createSummarySharing } from './self-assessment/summary-sharing';
import { createHttpConnectorTransport } from './edge/http-connector-transport';
import { createInductionNudges } from './induction/induction-nudges';
import { createProactiveEngine, type ProactiveEngine } from './proactive/proactive-engine';
import { moveFinishedRecords } from './proactive/move-finished-records';
import { createSchoolServices } from './roles/school-services';
import { createAppraisalPrompts } from './appraisal/appraisal-prompts';
import { registerErasureJobs } from './my-data/erase-personal-data';
import { registerDownloadJobs } from './my-data/download-job';
import { expiringFileOffers } from './my-data/download-parts';
import { createFigureRecords } from './figures/figure-records';
import { registerFiguresJob } from './figures/figures-nightly-job';
import { createReportAppraisals } from './appraisal/report-appraisal';
import { createLearningReminders } from './learning/learning-reminders';
import type { PlcSharing } from './message-extension/plc-sharing-port';
import { createBroadcastServices } from './broadcasts/broadcast-services';
import { createPlcDigests } from './plc/plc-digest';
import { plcStoreOf } from './plc/plc-repository';
import { createPlcSharing } from './plc/plc-sharing';
import { withRetention, expiringCollections } from './retention/with-retention';
import { retentionPolicyOf } from './retention/retention-policy';
import { startRetentionPurge } from './retention/retention-purge-job';
import { auditCollection } from './audit/audit-record';

/** A running Cefnogi: its port, storage and per-turn figures, and a clean stop. */
export interface RunningBot {
  port: number;
  /** The address the HTTP server is bound to: loopback only in local mode. */
  address: string;
  store: OpenedStore;
  content: Content;
  stats: TurnStats;
  /** The proactive engine: its loop runs on its own; tests may tick it with their own clock. */
  proactive: ProactiveEngine;
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 2000;

/**
 * Loads content (a bad file stops start-up), opens the store, and serves HTTP. Tests and
 * the benchmark start the bot through here exactly as `npm start` does.
 */
export async function startBot(
  config: Config,
  log: Logger,
  // `host` is honoured with BOT_ID only: local mode always listens on loopback.
  // `plcSharing` replaces the PLCs' own sharing for the message extension's tests of the extension alone.
  options: { now?: () => Date; persist?: boolean; host?: string; proactiveLoop?: boolean; plcSharing?: PlcSharing } = {},
): Promise<RunningBot> {
  if (isLocalMode(config)) {
    log.warn('local-mode', { message: 'BOT_ID is not set: requests are not authenticated, so Cefnogi listens on 127.0.0.1 only. Use this only on your own machine.' });
  }
  const bareAdmins = bareAdminIdWarning(config);
  if (bareAdmins) log.warn('admin-ids', { message: bareAdmins });
  const content = await loadContent();
  const now = options.now ?? (() => new Date());
  const store = withRetention(await openStore(config, log, { persist: options.persist }), retentionPolicyOf(config), now);
  const deps: FeatureDeps = { config, content, store, log, now };
  const adapter = createAdapter(config);
  const proactive = createProactiveEngine({ store, transport: createHttpConnectorTransport(config), config, log, now: deps.now });
  const nudges = createInductionNudges({ store, content, scheduler: proactive.scheduler, outbox: proactive.outbox });
  const links = createLineManagerLinks(store, proactive.outbox);
  // Figures: the nightly job is asked for a tenant when its first figure record is written.
  const schools = createSchoolServices(config, store, proactive.outbox, (laId) => content.localAuthority(laId) !== undefined, log, (register) =>
    createFigureRecords(store, content, register, registerFiguresJob(proactive.scheduler, { store, register, log }).ensureFor),
  );
  await schools.migration.run(deps.now());
  await moveFinishedRecords(store, deps.now(), log);
  await startRetentionPurge(proactive.scheduler, [...expiringCollections(store, auditCollection), store.collection(expiringFileOffers)], now, log);
  const app = createApp(adapter, deps, {
    nudges,
    links,
    sharing: createSummarySharing(store, content.selfAssessment, links, proactive.outbox),
    appraisal: createAppraisalPrompts({ store, scheduler: proactive.scheduler, outbox: proactive.outbox }),
    reports: createReportAppraisals(store, links, schools.figures),
    outbox: proactive.outbox,
    schools,
    broadcasts: createBroadcastServices(store, proactive),
    signOffs: createInductionSignOffs(store, content, nudges, schools.figures),
    learningReminders: createLearningReminders({ store, scheduler: proactive.scheduler, outbox: proactive.outbox }),
    plcSharing: options.plcSharing ?? createPlcSharing(plcStoreOf(store), proactive.outbox),
    scheduler: proactive.scheduler,
    plcDigests: createPlcDigests({ store, plcs: plcStoreOf(store), scheduler: proactive.scheduler, outbox: proactive.outbox, content }),
  });
  registerErasureJobs(proactive.scheduler, store);
  registerDownloadJobs(proactive.scheduler, { store, outbox: proactive.outbox });
  const stats: TurnStats = { turns: 0, lastTurnRoundTrips: 0 };
  const http = await startHttpServer({
    port: config.PORT,
    host: listenHost(config, options.host),
    adapter,
    logic: createTurnPipeline(app, deps, stats, schools.figures),
    requireAuth: !isLocalMode(config),
    healthy: () => withTimeout(store.ping(), HEALTH_TIMEOUT_MS).then(() => true),
    log,
  });
  if (options.proactiveLoop !== false) proactive.start();
  log.info('started', { port: http.port, address: http.address, store: store.mode });
  return {
    port: http.port,
    address: http.address,
    store,
    content,
    stats,
    proactive,
    stop: async () => {
      await http.close();
      await proactive.stop();
      await store.close();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (err: unknown) => (clearTimeout(timer), reject(err)),
    );
  });
}
