import type { RecordingConnector } from '../support/recording-connector';
import { message, teamsUser, type TeamsUser } from '../support/teams-activities';
import type { BenchChild } from './bench-child';
import type { BotFigures, NewUserFigures } from './bench-results';
import { median, p99 } from './statistics';
import { TurnClient } from './turn-client';

/** How much of each phase to run; see run-bench.ts for the figures used. */
export interface MeasureSettings {
  knownUsers: number;
  warmUpTurns: number;
  latencyTurns: number;
  blockTurns: number;
  throughputTurns: number;
  inFlight: number;
}

/** A bot as the measuring code drives it, and what a correct reply to `help` looks like. */
export interface BotUnderTest {
  child: BenchChild;
  isHelpReply: (activity: Record<string, unknown>) => boolean;
}

interface Driven extends BotUnderTest {
  client: TurnClient;
  times: number[];
  throughputMs: number;
  throughputTurns: number;
}

/**
 * Measures both bots in the steady state: the same few users, already known to each bot
 * after a warm-up, send `help`. Latency is taken one request at a time, in blocks that
 * alternate which bot goes first (so drift in the machine's speed falls on both alike);
 * throughput with a few requests in flight. Every block checks that each turn sent
 * exactly one reply of the right kind, so a fast failure cannot pass for a fast turn.
 */
export async function measureBots(
  connector: RecordingConnector,
  serviceUrl: string,
  bots: { cefnogi: BotUnderTest; echo: BotUnderTest },
  settings: MeasureSettings,
): Promise<{ cefnogi: BotFigures; echo: BotFigures }> {
  const users = Array.from({ length: settings.knownUsers }, (_, i) => teamsUser({ name: `Bench User ${i + 1}` }));
  const help = (i: number): Record<string, unknown> => message(pick(users, i), serviceUrl, 'help');
  const cefnogi: Driven = { ...bots.cefnogi, client: new TurnClient(bots.cefnogi.child.port), times: [], throughputMs: 0, throughputTurns: 0 };
  const echo: Driven = { ...bots.echo, client: new TurnClient(bots.echo.child.port), times: [], throughputMs: 0, throughputTurns: 0 };
  try {
    for (const bot of [cefnogi, echo]) {
      // First contact (a new user's welcome) is not the steady state: get it out of the way.
      for (const user of users) await bot.client.post(message(user, serviceUrl, 'hello'));
      await bot.client.sequential(settings.warmUpTurns, help);
      connector.clear();
      await checkedBlock(connector, bot, 1, () => bot.client.sequential(1, help));
    }
    const before = { cefnogi: await cefnogi.child.stats(), echo: await echo.child.stats() };

    const blocks = Math.ceil(settings.latencyTurns / settings.blockTurns);
    for (let b = 0; b < blocks; b += 1) {
      for (const bot of b % 2 === 0 ? [cefnogi, echo] : [echo, cefnogi]) {
        const times = await checkedBlock(connector, bot, settings.blockTurns, () =>
          bot.client.sequential(settings.blockTurns, (i) => help(b * settings.blockTurns + i)),
        );
        bot.times.push(...times);
      }
    }

    const half = Math.ceil(settings.throughputTurns / 2);
    for (const order of [[cefnogi, echo], [echo, cefnogi]]) {
      for (const bot of order) {
        bot.throughputMs += await checkedBlock(connector, bot, half, () => bot.client.concurrent(half, settings.inFlight, help));
        bot.throughputTurns += half;
      }
    }

    const after = { cefnogi: await cefnogi.child.stats(), echo: await echo.child.stats() };
    return {
      cefnogi: figures(cefnogi, before.cefnogi, after.cefnogi, settings.inFlight),
      echo: figures(echo, before.echo, after.echo, settings.inFlight),
    };
  } finally {
    cefnogi.client.close();
    echo.client.close();
  }
}

/**
 * Cefnogi meeting `count` new people, a few at a time: the cost of first contact, memory
 * as the user base grows, and a data folder of that many users for the restore timing.
 */
export async function measureNewUsers(
  connector: RecordingConnector,
  serviceUrl: string,
  child: BenchChild,
  count: number,
  inFlight: number,
): Promise<NewUserFigures> {
  const users: TeamsUser[] = Array.from({ length: count }, (_, i) => teamsUser({ name: `New User ${i + 1}` }));
  const client = new TurnClient(child.port);
  try {
    const before = await child.stats();
    const ms = await client.concurrent(count, inFlight, (i) => message(pick(users, i), serviceUrl, 'help'));
    const after = await child.stats();
    if (connector.sent.length < count) throw new Error(`${count} new users got only ${connector.sent.length} replies`);
    connector.clear();
    return {
      users: count,
      inFlight,
      turnsPerSecond: count / (ms / 1000),
      roundTripsPerTurn: (after.totalRoundTrips - before.totalRoundTrips) / (after.turns - before.turns),
      before,
      after,
    };
  } finally {
    client.close();
  }
}

/** Runs one block and checks the connector got exactly one help reply per turn. */
async function checkedBlock<T>(connector: RecordingConnector, bot: Driven, turns: number, run: () => Promise<T>): Promise<T> {
  const result = await run();
  const sent = connector.sent.map((s) => s.activity);
  connector.clear();
  if (sent.length !== turns) throw new Error(`${bot.child.name}: ${turns} turns sent ${sent.length} replies`);
  const wrong = sent.find((activity) => !bot.isHelpReply(activity));
  if (wrong) throw new Error(`${bot.child.name}: unexpected reply ${JSON.stringify(wrong).slice(0, 300)}`);
  return result;
}

function figures(bot: Driven, before: BotFigures['before'], after: BotFigures['after'], inFlight: number): BotFigures {
  return {
    name: bot.child.name,
    latency: { turns: bot.times.length, medianMs: median(bot.times), p99Ms: p99(bot.times) },
    throughput: { turns: bot.throughputTurns, inFlight, turnsPerSecond: bot.throughputTurns / (bot.throughputMs / 1000) },
    roundTripsPerTurn: (after.totalRoundTrips - before.totalRoundTrips) / (after.turns - before.turns),
    lastTurnRoundTrips: after.lastTurnRoundTrips,
    before,
    after,
  };
}

function pick<T>(items: readonly T[], i: number): T {
  const item = items[i % items.length];
  if (item === undefined) throw new Error('no items to pick from');
  return item;
}
