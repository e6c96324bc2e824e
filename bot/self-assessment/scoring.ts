import { keyAreaIds, type AreaId, type KeyAreaId, type ScaleValue } from '../content/self-assessment-schemas';
import type { Answer, AreaResult } from './self-assessment-state';

/**
 * An area's score: the mean of the answered statements put on 0–100 (1 → 0, 4 → 100), and
 * its band, the scale point nearest the mean (halves round up). Skipped statements count
 * for nothing; an area with every statement skipped is not rated.
 */
export function scoreArea(area: AreaId, answers: readonly Answer[]): AreaResult {
  const values = answers.filter((a): a is ScaleValue => a !== 'skip');
  const skipped = answers.length - values.length;
  if (values.length === 0) return { area, score: null, band: null, answered: 0, skipped };
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return {
    area,
    score: Math.round(((mean - 1) / 3) * 100),
    band: Math.min(4, Math.max(1, Math.floor(mean + 0.5))) as ScaleValue,
    answered: values.length,
    skipped,
  };
}

/** Below this score an area is a development need (the band is "not yet" or "developing"). */
export const NEED_BELOW = 50;
const MAX_PRIORITIES = 3;
const MIN_PRIORITIES = 2;

/**
 * The two or three development priorities: the key areas with the lowest scores (ties go to
 * the area asked first). Every area under NEED_BELOW counts, up to three; when fewer than two
 * do, the next lowest rated areas make up two, unless they already stand at the top of the
 * scale. The person's own literacy and numeracy is signposted separately, never a priority.
 */
export function choosePriorities(results: readonly AreaResult[]): KeyAreaId[] {
  const rated = results
    .filter((r): r is AreaResult & { area: KeyAreaId; score: number } => r.score !== null && (keyAreaIds as readonly string[]).includes(r.area))
    .sort((a, b) => a.score - b.score || keyAreaIds.indexOf(a.area) - keyAreaIds.indexOf(b.area));
  const needs = rated.filter((r) => r.score < NEED_BELOW).slice(0, MAX_PRIORITIES);
  const further = rated.filter((r) => r.score >= NEED_BELOW && r.score < 100).slice(0, Math.max(0, MIN_PRIORITIES - needs.length));
  return [...needs, ...further].map((r) => r.area);
}

/** Whether the person's own literacy or numeracy answers show a need worth signposting. */
export function ownSkillsNeedSupport(result: AreaResult | undefined, answers: readonly Answer[]): boolean {
  if (!result || result.score === null) return false;
  return result.score < NEED_BELOW || answers.includes(1);
}

export type Change = 'better' | 'same' | 'lower';

/**
 * How an area moved since the previous attempt, by band: the card says the change next to the
 * band in words, so "better" must mean a higher band. A score that moved within one band is
 * still "same" (the bar shows the nuance). Nothing when either was not rated.
 */
export function compareArea(previous: AreaResult | undefined, current: AreaResult): Change | undefined {
  if (!previous || previous.band === null || current.band === null) return undefined;
  if (current.band > previous.band) return 'better';
  if (current.band < previous.band) return 'lower';
  return 'same';
}
