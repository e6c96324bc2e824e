import type { BenchResults } from './bench-results';

const MB = 1024 * 1024;

/**
 * The run as a plain-text table for the terminal (and for copying into the README):
 * Cefnogi beside the echo bot with their ratio, then memory and start-up.
 */
export function formatReport(r: BenchResults): string {
  const { cefnogi: c, echo: e } = r;
  const s = r.settings;
  const lines = [
    `Machine: node ${r.machine.node} | ${r.machine.cpu} | ${r.machine.cores} cores | ${r.machine.platform} | ${mb(r.machine.memoryBytes, 0)} MB RAM | load ${r.machine.loadAverage.toFixed(2)} at start`,
    `Turn: POST /api/messages "help" from ${s.knownUsers} known users, reply to a local connector; each bot in its own process, store: embedded Cosmos over HTTP, persisted.`,
    `Latency: ${c.latency.turns} sequential turns per bot after ${s.warmUpTurns} warm-up turns, in alternating blocks of ${s.blockTurns}.`,
    '',
    table(
      ['', 'Cefnogi', 'echo bot', 'Cefnogi/echo'],
      [
        ['Turn time, median (ms)', ms(c.latency.medianMs), ms(e.latency.medianMs), ratio(r.ratios.median)],
        ['Turn time, p99 (ms)', ms(c.latency.p99Ms), ms(e.latency.p99Ms), ratio(r.ratios.p99)],
        [`Throughput, ${s.inFlight} in flight (turns/s)`, rate(c.throughput.turnsPerSecond), rate(e.throughput.turnsPerSecond), ratio(r.ratios.throughput)],
        ['Storage round trips per turn', rt(c.roundTripsPerTurn), rt(e.roundTripsPerTurn), ''],
        ['  (last turn, counted by the bot)', String(c.lastTurnRoundTrips), String(e.lastTurnRoundTrips), ''],
        ['RSS after the run (MB)', mb(c.after.rssBytes), mb(e.after.rssBytes), ''],
      ],
    ),
    '',
    `Memory of each bot's process, after warm-up -> after the ${c.latency.turns + c.throughput.turns} measured turns (MB):`,
    table(
      ['', 'Cefnogi', 'echo bot'],
      [
        ['RSS', growth(c.before.rssBytes, c.after.rssBytes), growth(e.before.rssBytes, e.after.rssBytes)],
        ['RSS right after a forced GC', growth(c.before.rssAfterGcBytes, c.after.rssAfterGcBytes), growth(e.before.rssAfterGcBytes, e.after.rssAfterGcBytes)],
        ['Heap in use after a forced GC', growth(c.before.heapUsedAfterGcBytes, c.after.heapUsedAfterGcBytes), growth(e.before.heapUsedAfterGcBytes, e.after.heapUsedAfterGcBytes)],
        ['Heap committed by V8 after a forced GC', growth(c.before.heapTotalAfterGcBytes, c.after.heapTotalAfterGcBytes), growth(e.before.heapTotalAfterGcBytes, e.after.heapTotalAfterGcBytes)],
        ['Outside the heap (external) after a forced GC', growth(c.before.externalAfterGcBytes, c.after.externalAfterGcBytes), growth(e.before.externalAfterGcBytes, e.after.externalAfterGcBytes)],
      ],
    ),
    '',
    `Cefnogi meeting ${r.newUsers.users} new users (${r.newUsers.inFlight} in flight):`,
    table(
      ['', 'value'],
      [
        ['Turns per second', rate(r.newUsers.turnsPerSecond)],
        ['Storage round trips per turn', rt(r.newUsers.roundTripsPerTurn)],
        ['RSS (MB)', growth(r.newUsers.before.rssBytes, r.newUsers.after.rssBytes)],
        ['RSS right after a forced GC (MB)', growth(r.newUsers.before.rssAfterGcBytes, r.newUsers.after.rssAfterGcBytes)],
        ['Heap in use after a forced GC (MB)', growth(r.newUsers.before.heapUsedAfterGcBytes, r.newUsers.after.heapUsedAfterGcBytes)],
        ['Heap committed by V8 after a forced GC (MB)', growth(r.newUsers.before.heapTotalAfterGcBytes, r.newUsers.after.heapTotalAfterGcBytes)],
      ],
    ),
    '',
    'Cefnogi start to healthy (spawn `node dist/bot/index.js` until GET /healthz is 200):',
    table(
      ['Data folder', 'users', 'size (KB)', 'starts (ms)', 'median (ms)'],
      [r.starts.empty, r.starts.populated].map((f, i) => [
        i === 0 ? 'empty' : 'after the run',
        String(f.users),
        (f.dataBytes / 1024).toFixed(0),
        f.startsMs.map((m) => m.toFixed(0)).join(', '),
        f.medianMs.toFixed(0),
      ]),
    ),
    '',
    `Whole run: ${r.durationSeconds.toFixed(1)} s`,
  ];
  return lines.join('\n');
}

/** A fixed-width text table: the first column left-aligned, the rest right-aligned. */
function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]): string =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (v: number): string => v.toFixed(1);
const rate = (v: number): string => v.toFixed(0);
const rt = (v: number): string => v.toFixed(2);
const ratio = (v: number): string => `${v.toFixed(2)}x`;
const mb = (bytes: number, digits = 1): string => (bytes / MB).toFixed(digits);
/** "before -> after (+growth)", so a leak and a lazy GC can be told apart at a glance. */
const growth = (before: number, after: number): string =>
  `${mb(before)} -> ${mb(after)} (${after >= before ? '+' : ''}${mb(after - before)})`;
