import type { MeasureSettings } from './measure-bots';
import type { ChildStats } from './ipc-protocol';

/** One bot's figures from the steady-state phases. */
export interface BotFigures {
  name: string;
  latency: { turns: number; medianMs: number; p99Ms: number };
  throughput: { turns: number; inFlight: number; turnsPerSecond: number };
  /** Storage requests over the measured turns divided by those turns. */
  roundTripsPerTurn: number;
  /** The bot's own count for its last turn, as a cross-check. */
  lastTurnRoundTrips: number;
  /** Counters after warm-up and after the measured turns. */
  before: ChildStats;
  after: ChildStats;
}

/** Cefnogi meeting people for the first time (and building the data folder restored below). */
export interface NewUserFigures {
  users: number;
  inFlight: number;
  turnsPerSecond: number;
  roundTripsPerTurn: number;
  before: ChildStats;
  after: ChildStats;
}

/** Start-to-healthy of `node dist/bot/index.js`, each start in milliseconds. */
export interface StartFigures {
  users: number;
  dataBytes: number;
  startsMs: number[];
  medianMs: number;
}

/** Everything one run of the benchmark found, written as JSON beside the printed table. */
export interface BenchResults {
  /** `loadAverage` is the 1-minute load when the run began: other work on the machine shows in every figure. */
  machine: { node: string; cpu: string; cores: number; platform: string; memoryBytes: number; loadAverage: number };
  settings: MeasureSettings;
  cefnogi: BotFigures;
  echo: BotFigures;
  ratios: { median: number; p99: number; throughput: number };
  newUsers: NewUserFigures;
  starts: { empty: StartFigures; populated: StartFigures };
  durationSeconds: number;
}
