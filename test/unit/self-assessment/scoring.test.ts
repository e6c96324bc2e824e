import type { AreaId } from '../../../bot/content/self-assessment-schemas';
import { choosePriorities, compareArea, ownSkillsNeedSupport, scoreArea } from '../../../bot/self-assessment/scoring';
import { keepResults, type Answer, type AreaResult, type AssessmentResult } from '../../../bot/self-assessment/self-assessment-state';

describe('scoring an area', () => {
  it.each<[string, Answer[], number | null, number | null]>([
    ['every statement "not yet"', [1, 1, 1], 0, 1],
    ['every statement "could help others"', [4, 4, 4], 100, 4],
    ['a mix averaging 2.5', [2, 3], 50, 3],
    ['a mix averaging 2.33', [2, 2, 3], 44, 2],
    ['a mix averaging 1.5', [1, 2], 17, 2],
    ['skips alongside answers (skips count for nothing)', [3, 'skip', 'skip'], 67, 3],
    ['every statement skipped', ['skip', 'skip'], null, null],
  ])('when %s, then the score and band are as expected', (_case, answers, score, band) => {
    const result = scoreArea('communication', answers);
    expect([result.score, result.band]).toEqual([score, band]);
    expect(result.answered + result.skipped).toBe(answers.length);
  });
});

const rated = (area: AreaId, score: number | null): AreaResult => ({ area, score, band: null, answered: score === null ? 0 : 2, skipped: 0 });

describe('choosing development priorities', () => {
  it.each<[string, AreaResult[], string[]]>([
    [
      'four areas under half way',
      [rated('communication', 10), rated('development', 40), rated('safeguarding', 20), rated('transitions', 30), rated('multi-agency', 90)],
      ['communication', 'safeguarding', 'transitions'],
    ],
    ['one need', [rated('communication', 80), rated('development', 20), rated('safeguarding', 70)], ['development', 'safeguarding']],
    ['no needs', [rated('communication', 80), rated('development', 60), rated('safeguarding', 70)], ['development', 'safeguarding']],
    ['a tie (the area asked first wins)', [rated('sharing-information', 33), rated('communication', 33), rated('development', 90)], ['communication', 'sharing-information']],
    ['everything at the top of the scale', [rated('communication', 100), rated('development', 100)], []],
    ['own skills lowest of all (never a priority)', [rated('own-skills', 0), rated('communication', 60), rated('development', 70)], ['communication', 'development']],
    ['an area skipped entirely (not rated, never a priority)', [rated('transitions', null), rated('communication', 60), rated('development', 70)], ['communication', 'development']],
  ])('when %s, then the priorities are the right areas in order', (_case, results, expected) => {
    expect(choosePriorities(results)).toEqual(expected);
  });
});

describe('own literacy and numeracy signposting', () => {
  it.each<[string, AreaResult | undefined, Answer[], boolean]>([
    ['a low own-skills score', rated('own-skills', 33), [2, 2, 2, 1], true],
    ['a good score but one "not yet"', rated('own-skills', 67), [4, 4, 1, 3], true],
    ['a good score and no "not yet"', rated('own-skills', 67), [3, 3, 3, 3], false],
    ['every own-skills statement skipped', rated('own-skills', null), ['skip'], false],
    ['no own-skills area at all', undefined, [], false],
  ])('when %s, then signposting shows: %s', (_case, result, answers, expected) => {
    expect(ownSkillsNeedSupport(result, answers)).toBe(expected);
  });
});

describe('comparing with the previous attempt', () => {
  /** An area as scoreArea gives it for one answer of `value` (1–4), or not rated. */
  const answered = (value: 1 | 2 | 3 | 4 | null, score?: number): AreaResult =>
    value === null ? scoreArea('communication', ['skip']) : { ...scoreArea('communication', [value]), ...(score === undefined ? {} : { score }) };

  it.each<[string, string | undefined, AreaResult | undefined, AreaResult]>([
    ['the band rose', 'better', answered(2), answered(3)],
    ['the band held and the score too', 'same', answered(3), answered(3)],
    ['the band held though the score rose within it', 'same', answered(4, 84), answered(4, 100)],
    ['the band held though the score fell within it', 'same', answered(3, 70), answered(3, 60)],
    ['the band fell', 'lower', answered(3), answered(1)],
    ['there was no previous attempt', undefined, undefined, answered(3)],
    ['the previous attempt skipped the area', undefined, answered(null), answered(3)],
    ['this attempt skipped the area', undefined, answered(3), answered(null)],
  ])('when %s, then the area reads %s', (_case, expected, previous, now) => {
    expect(compareArea(previous, now)).toBe(expected);
  });
});

describe('keeping results', () => {
  const result = (id: string): AssessmentResult => ({ id, trackId: 't', completedAt: '2026-11-23T10:00:00Z', areas: [], priorities: [], answers: {} });
  const six = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map(result);

  it.each<[string, string | undefined, string[]]>([
    ['nothing is shared', undefined, ['r2', 'r3', 'r4', 'r5', 'r6']],
    ['the oldest is shared with the line manager', 'r1', ['r1', 'r3', 'r4', 'r5', 'r6']],
    ['a middle one is shared', 'r3', ['r2', 'r3', 'r4', 'r5', 'r6']],
  ])('when a sixth result arrives and %s, then five are kept and a shared one is never dropped', (_case, shared, kept) => {
    expect(keepResults(six, shared).map((r) => r.id)).toEqual(kept);
  });
});
