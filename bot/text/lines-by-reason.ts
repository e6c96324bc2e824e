import { fill } from '../i18n/strings';

/**
 * Line numbers as a reader wants them: sorted, runs joined ("4–9, 12"), and at most
 * `maxRuns` runs, the rest counted ("… and 40 more"), so a report stays small.
 */
export function lineRanges(lines: number[], maxRuns: number): { text: string; more: number } {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  const shown = runs.slice(0, maxRuns);
  const counted = shown.reduce((sum, [a, b]) => sum + b - a + 1, 0);
  return { text: shown.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', '), more: sorted.length - counted };
}

/** The words of a report of lines turned away: `{reason}` and `{lines}` (and `{more}`) to fill. */
export interface ReasonWords<R extends string> {
  group: string;
  /** The same for a single line ("(line 4)", not "(lines 4)"); without it, `group` is used. */
  groupOne?: string;
  groupMore: string;
  reasons: Record<R, string>;
}

/**
 * One line per reason, in the order reasons first occur, with the file's line numbers as
 * ranges ("the sector is not one of … (lines 4–9, 12)"): every import's report of lines
 * turned away, so hundreds of them read as a few lines and a card stays small.
 */
export function linesByReason<R extends string>(rejected: readonly { line: number; reason: R }[], words: ReasonWords<R>, options: { maxRuns: number; maxLength: number }): string[] {
  const byReason = new Map<R, number[]>();
  for (const { line, reason } of rejected) byReason.set(reason, [...(byReason.get(reason) ?? []), line]);
  return [...byReason].map(([reason, lines]) => {
    const { text, more } = lineRanges(lines, options.maxRuns);
    const single = new Set(lines).size === 1 ? words.groupOne : undefined;
    const line = more > 0 ? fill(words.groupMore, { reason: words.reasons[reason], lines: text, more: String(more) }) : fill(single ?? words.group, { reason: words.reasons[reason], lines: text });
    return line.slice(0, options.maxLength);
  });
}
