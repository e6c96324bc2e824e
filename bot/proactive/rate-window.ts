/** "At most `count` events in any `ms` milliseconds." */
export interface RateWindow {
  count: number;
  ms: number;
}

/** Teams' published limits per bot per conversation: 7/1 s, 8/2 s, 60/30 s, 1,800/hour. */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { count: 7, ms: 1000 },
  { count: 8, ms: 2000 },
  { count: 60, ms: 30_000 },
  { count: 1800, ms: 3_600_000 },
];

/**
 * The earliest time, not before `at`, at which one more event keeps every window within
 * its count, given the past events in time order. `margin` widens each window by that
 * fraction (0.05: a second counts as 1,050 ms) so that network jitter cannot make two
 * paced sends look too close together at the other end.
 */
export function earliestSlot(events: readonly number[], windows: readonly RateWindow[], at: number, margin: number): number {
  let slot = at;
  for (const w of windows) {
    if (events.length >= w.count) {
      const bound = (events[events.length - w.count] as number) + w.ms * (1 + margin);
      if (bound > slot) slot = bound;
    }
  }
  return slot;
}

/** Drops events no window can see any more (kept in place: the log is reused). */
export function forgetOldEvents(events: number[], windows: readonly RateWindow[], now: number, margin: number): void {
  const longest = Math.max(...windows.map((w) => w.ms)) * (1 + margin);
  const keep = Math.max(...windows.map((w) => w.count));
  let drop = 0;
  while (drop < events.length && ((events[drop] as number) <= now - longest || events.length - drop > keep)) drop += 1;
  if (drop > 0) events.splice(0, drop);
}

/**
 * The tenant budget as windows: `perSecond` in any second, and a fifth of it in any 200 ms,
 * so a broadcast goes out as a steady stream rather than a burst at the start of each second.
 */
export function tenantWindows(perSecond: number): RateWindow[] {
  return [
    { count: perSecond, ms: 1000 },
    { count: Math.max(1, Math.ceil(perSecond / 5)), ms: 200 },
  ];
}
