/* The proactive engine on the embedded Cosmos server, without jest: for the proactive suites and the engine benchmark. */
import type { Container } from '@azure/cosmos';
import { CosmosDueCollection } from '../../bot/storage/cosmos-due-collection';
import { outboxRecordSchema } from '../../bot/proactive/outbox-record';
import { bulkCursorSchema, bulkDocumentSchema } from '../../bot/proactive/bulk-message';
import { deliveryRecordSchema } from '../../bot/proactive/delivery-record';
import { budgetSlotSchema } from '../../bot/proactive/send-budget-slot';
import { createProactiveEngine, type ProactiveEngine, type ProactiveEngineOptions, type ProactiveStore } from '../../bot/proactive/proactive-engine';
import { schedulerJobRecordSchema } from '../../bot/proactive/scheduler-job-record';
import { containerDefinitions } from '../../bot/storage/containers';
import { CosmosCollection } from '../../bot/storage/cosmos-collection';
import { createEmbeddedClient, startEmbeddedCosmos, type EmbeddedCosmos, type EmbeddedEndpoint } from '../../bot/storage/embedded/start-embedded-cosmos';
import { roundTripPlugin } from '../../bot/storage/round-trip-meter';
import type { ConversationRef } from '../../bot/users/conversation-ref';
import { recordingLog } from '../unit/proactive/proactive-test-kit';
import type { DocumentCollection } from '../../bot/storage/document-collection';
import { schoolSettingsSchema, type SchoolSettings } from '../../bot/school/school-settings';
import { teamLinkSchema, type TeamLink } from '../../bot/users/team-link';
import { userKey, userRecordSchema } from '../../bot/users/user-record';
import { conversationRecordSchema } from '../../bot/users/conversation-record';

/** The proactive containers of one client, the raw jobs container for bulk loads, and what appraisal prompts read. */
export interface ProactiveTestStore extends ProactiveStore {
  jobsContainer: Container;
  /** The raw containers, for counting what a query of them can see and for bulk loads. */
  usersContainer: Container;
  outboxContainer: Container;
  deliveriesContainer: Container;
  jobHistoryContainer: Container;
  schools: DocumentCollection<SchoolSettings>;
  teamLinks: DocumentCollection<TeamLink>;
  dispose(): void;
}

let databaseCount = 0;

/**
 * The embedded Cosmos server with a fresh database per call. Each `connect` is a separate
 * SDK client (as a second bot instance would have) with the round-trip meter plugged in.
 */
export class ProactiveFixture {
  private embedded?: EmbeddedCosmos;
  private readonly database = `proactive-${process.pid}-${(databaseCount += 1)}`;
  private readonly clients: ProactiveTestStore[] = [];

  async start(): Promise<this> {
    this.embedded = await startEmbeddedCosmos({ log: () => undefined });
    return this;
  }

  /** A new client on database `name` (default: the fixture's own), as a separate bot instance would have. */
  async connect(name: string = this.database): Promise<ProactiveTestStore> {
    if (!this.embedded) throw new Error('start the fixture first');
    const store = await connectProactiveStore(this.embedded, name);
    this.clients.push(store);
    return store;
  }

  /** Where the server listens, for a client in another process. */
  get endpoint(): EmbeddedEndpoint {
    if (!this.embedded) throw new Error('start the fixture first');
    return { endpoint: this.embedded.endpoint, key: this.embedded.key };
  }

  async stop(): Promise<void> {
    for (const c of this.clients) c.dispose();
    await this.embedded?.stop();
  }
}

/**
 * The proactive containers on database `name` of an embedded server, through a client of its
 * own (with the round-trip meter): in this process, or in a benchmark's worker process.
 */
export async function connectProactiveStore(embedded: EmbeddedEndpoint, name: string): Promise<ProactiveTestStore> {
  const client = createEmbeddedClient(embedded, { plugins: [roundTripPlugin] });
  const { database } = await client.databases.createIfNotExists({ id: name });
  const ensure = async (def: { id: string; partitionKey: string }) =>
    (await database.containers.createIfNotExists({ id: def.id, partitionKey: { paths: [def.partitionKey] } })).container;
  const jobsContainer = await ensure(containerDefinitions.jobs);
  const outboxContainer = await ensure(containerDefinitions.outbox);
  const usersContainer = await ensure(containerDefinitions.users);
  const deliveriesContainer = await ensure(containerDefinitions.deliveries);
  const jobHistoryContainer = await ensure(containerDefinitions.jobHistory);
  const store: ProactiveTestStore = {
    users: new CosmosCollection(usersContainer, userRecordSchema),
    conversations: new CosmosCollection(await ensure(containerDefinitions.conversations), conversationRecordSchema),
    outbox: new CosmosDueCollection(outboxContainer, outboxRecordSchema),
    jobs: new CosmosDueCollection(jobsContainer, schedulerJobRecordSchema),
    bulkCursors: new CosmosDueCollection(outboxContainer, bulkCursorSchema),
    deliveries: new CosmosCollection(deliveriesContainer, deliveryRecordSchema),
    bulkMessages: new CosmosCollection(await ensure(containerDefinitions.bulkMessages), bulkDocumentSchema),
    jobHistory: new CosmosCollection(jobHistoryContainer, schedulerJobRecordSchema),
    sendBudget: new CosmosCollection(await ensure(containerDefinitions.sendBudget), budgetSlotSchema),
    jobsContainer,
    usersContainer,
    outboxContainer,
    deliveriesContainer,
    jobHistoryContainer,
    schools: new CosmosCollection(await ensure(containerDefinitions.schools), schoolSettingsSchema),
    teamLinks: new CosmosCollection(await ensure(containerDefinitions.teamLinks), teamLinkSchema),
    dispose: () => client.dispose(),
  };
  return store;
}

/** A personal conversation reference as the turn pipeline stores it. */
export function conversationRef(serviceUrl: string, conversationId: string, locale?: string): ConversationRef {
  return {
    serviceUrl,
    channelId: 'msteams',
    conversationId,
    conversationType: 'personal',
    tenantId: 'aaaaaaaa-0000-4000-8000-000000000001',
    botId: '28:cefnogi',
    botName: 'Cefnogi',
    ...(locale ? { locale } : {}),
  };
}

/** An engine on `store` with quiet logs and fast test defaults, overridable. */
export function engineOn(store: ProactiveStore, options: Partial<ProactiveEngineOptions> & Pick<ProactiveEngineOptions, 'transport'>): ProactiveEngine {
  return createProactiveEngine({
    store,
    config: { TEAMS_TENANT_RATE_PER_SECOND: 40 },
    log: recordingLog(),
    ...options,
  });
}

export { userKey };

/** Bot settings for local mode: the transport sends no token. */
export const LOCAL = { BOT_ID: undefined, BOT_PASSWORD: undefined, BOT_TYPE: 'MultiTenant' as const, BOT_TENANT_ID: undefined };

/** Message number `i` in both languages. */
export const content = (i: number) => ({ en: { text: `Reminder ${i}` }, cy: { text: `Nodyn atgoffa ${i}` } });

/** Every document a query of the container can see (what the loop's queries would evaluate). */
export async function countDocuments(container: Container): Promise<number> {
  const { resources } = await container.items.query<number>('SELECT VALUE COUNT(1) FROM c').fetchAll();
  return resources[0] ?? 0;
}
