import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/bot-process';
import { RecordingConnector } from '../support/recording-connector';
import { BenchChild } from './bench-child';
import type { BenchResults, StartFigures } from './bench-results';
import { measureBots, measureNewUsers, type MeasureSettings } from './measure-bots';
import { formatReport } from './report';
import { timeStartToHealthy } from './start-to-healthy';
import { median } from './statistics';

/** Sized so the whole run, build excluded, stays around a minute on two cores. */
const SETTINGS: MeasureSettings = {
  knownUsers: 8,
  warmUpTurns: 80,
  latencyTurns: 600,
  blockTurns: 50,
  throughputTurns: 400,
  inFlight: 8,
};
const NEW_USERS = 1000;
const STARTS = 3;

/**
 * `npm run bench`: Cefnogi against a bare teams-ai echo bot on the same machine, store and
 * process model, then Cefnogi's start-up with an empty and a populated data folder. Prints
 * a table and writes the figures as JSON to a temporary folder (nothing in the repo).
 */
async function main(): Promise<void> {
  const started = Date.now();
  const work = await mkdtemp(path.join(os.tmpdir(), 'cefnogi-bench-'));
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown cpu';
  const machine = {
    node: process.version,
    cpu,
    cores: os.cpus().length,
    platform: `${process.platform} ${process.arch}`,
    memoryBytes: os.totalmem(),
    loadAverage: os.loadavg()[0] ?? 0,
  };
  process.stdout.write(`Machine: node ${machine.node} | ${machine.cpu} | ${machine.cores} cores | ${machine.platform} | load ${machine.loadAverage.toFixed(2)}\n`);

  const connector = new RecordingConnector();
  const serviceUrl = await connector.start();
  const cefnogiData = path.join(work, 'cefnogi-data');
  const children: BenchChild[] = [];
  try {
    progress('starting both bots');
    const [cefnogi, echo] = await Promise.all([
      BenchChild.start('Cefnogi', 'serve-cefnogi.js', cefnogiData),
      BenchChild.start('echo bot', 'serve-echo-bot.js', path.join(work, 'echo-data')),
    ]);
    children.push(cefnogi, echo);

    progress(`measuring turns (${SETTINGS.latencyTurns} sequential + ${SETTINGS.throughputTurns} concurrent per bot)`);
    const bots = await measureBots(
      connector,
      serviceUrl,
      {
        cefnogi: { child: cefnogi, isHelpReply: isAdaptiveCard },
        echo: { child: echo, isHelpReply: (activity) => activity.text === 'help' },
      },
      SETTINGS,
    );

    progress(`Cefnogi meeting ${NEW_USERS} new users`);
    const newUsers = await measureNewUsers(connector, serviceUrl, cefnogi, NEW_USERS, SETTINGS.inFlight);
    // A clean stop flushes the embedded store, so the folder holds every user for the restore timing.
    await Promise.all(children.map((child) => child.stop()));

    progress(`timing ${STARTS} starts on an empty data folder, then ${STARTS} on the run's folder`);
    // Each empty start gets a folder of its own, so each one is a first start.
    const empty = await timeStarts((i) => path.join(work, `empty-${i}`), 0);
    const populated = await timeStarts(() => cefnogiData, SETTINGS.knownUsers + NEW_USERS);

    const results: BenchResults = {
      machine,
      settings: SETTINGS,
      cefnogi: bots.cefnogi,
      echo: bots.echo,
      ratios: {
        median: bots.cefnogi.latency.medianMs / bots.echo.latency.medianMs,
        p99: bots.cefnogi.latency.p99Ms / bots.echo.latency.p99Ms,
        throughput: bots.cefnogi.throughput.turnsPerSecond / bots.echo.throughput.turnsPerSecond,
      },
      newUsers,
      starts: { empty, populated },
      durationSeconds: (Date.now() - started) / 1000,
    };
    const resultsDir = await mkdtemp(path.join(os.tmpdir(), 'cefnogi-bench-results-'));
    const resultsFile = path.join(resultsDir, 'bench-results.json');
    await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`\n${formatReport(results)}\nFigures as JSON: ${resultsFile}\n`);
  } finally {
    children.forEach((child) => child.kill());
    await connector.stop();
    await rm(work, { recursive: true, force: true });
  }
}

/** Times `STARTS` starts of the real entry, start `i` on the folder `dirFor(i)`. */
async function timeStarts(dirFor: (i: number) => string, users: number): Promise<StartFigures> {
  const startsMs: number[] = [];
  let dataBytes = 0;
  for (let i = 0; i < STARTS; i += 1) {
    const dir = dirFor(i);
    await mkdir(dir, { recursive: true });
    dataBytes = await folderBytes(dir);
    startsMs.push(await timeStartToHealthy(await freePort(), dir));
  }
  return { users, dataBytes, startsMs, medianMs: median(startsMs) };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(full) : (await stat(full)).size;
  }
  return total;
}

/** Cefnogi answers `help` with its help card. */
function isAdaptiveCard(activity: Record<string, unknown>): boolean {
  const attachments = activity.attachments;
  return Array.isArray(attachments) && attachments.some((a: unknown) => typeof a === 'object' && a !== null && 'contentType' in a && a.contentType === 'application/vnd.microsoft.card.adaptive');
}

function progress(step: string): void {
  process.stderr.write(`... ${step}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
