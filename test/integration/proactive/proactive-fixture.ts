import { ThrottlingConnector, type EnforcedLimits } from '../../support/throttling-connector';
import { ProactiveFixture, type ProactiveTestStore } from '../../support/proactive-store-fixture';
import type { ProactiveStore } from '../../../bot/proactive/proactive-engine';
import { conversationRef } from '../../support/proactive-store-fixture';
import { newUserRecord, type Language, type UserRecord } from '../../../bot/users/user-record';

export { ProactiveFixture, conversationRef, engineOn, LOCAL, content, userKey, type ProactiveTestStore } from '../../support/proactive-store-fixture';

/** What each test of a proactive suite starts with: a database of its own and a connector on loopback. */
export interface ProactiveTestBed {
  store: ProactiveTestStore;
  connector: ThrottlingConnector;
  serviceUrl: string;
}

/**
 * Registers the usual hooks of a proactive suite: one embedded server for the file, a fresh
 * database (named `prefix-N`) and connector per test, handed to `use` before each test.
 * `reconnect()` opens another client on the current test's database, as a second bot
 * instance, or the same one after a restart, would.
 */
export function proactiveTestBed(prefix: string, use: (bed: ProactiveTestBed) => void, limits?: EnforcedLimits): { reconnect(): Promise<ProactiveTestStore> } {
  const fixture = new ProactiveFixture();
  let databases = 0;
  let connector: ThrottlingConnector | undefined;
  beforeAll(() => fixture.start());
  afterAll(() => fixture.stop());
  beforeEach(async () => {
    const store = await fixture.connect(`${prefix}-${(databases += 1)}`);
    connector = new ThrottlingConnector(limits);
    use({ store, connector, serviceUrl: await connector.start() });
  });
  afterEach(() => connector?.stop());
  return { reconnect: () => fixture.connect(`${prefix}-${databases}`) };
}

/** A person Cefnogi can reach at `serviceUrl` (or, with `reachable: false`, cannot). */
export async function addPerson(
  store: ProactiveStore,
  n: number,
  options: { serviceUrl?: string; language?: Language; locale?: string; conversationId?: string } = {},
): Promise<UserRecord> {
  const identity = { tenantId: 'aaaaaaaa-0000-4000-8000-000000000001', aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` };
  const user = newUserRecord(identity, new Date('2025-01-01T00:00:00Z'));
  if (options.language) user.language = options.language;
  if (options.serviceUrl) user.conversation = conversationRef(options.serviceUrl, options.conversationId ?? `a:personal-${n}`, options.locale);
  await store.users.create(user);
  return user;
}
