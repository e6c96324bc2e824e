import { finishAttempt, readAreaAnswers, recordArea, resumeArea } from '../../../bot/self-assessment/attempt-rules';
import { recommend } from '../../../bot/self-assessment/recommendations';
import type { Attempt } from '../../../bot/self-assessment/self-assessment-state';
import { fixtureContent, fixtureResource } from './fixture-framework';

const content = fixtureContent();
const attempt = (): Attempt => ({ id: 'attempt-1', trackId: 't', startedAt: '2026-11-23T10:00:00Z', answers: {}, doneAreas: [] });
const submit = (inputs: Record<string, unknown>, move: 'back' | 'next' = 'next', attemptId = 'attempt-1', area: 'communication' | 'transitions' = 'communication') =>
  readAreaAnswers(content, attempt(), { attemptId, area, move, inputs });

describe("reading an area's answers", () => {
  it.each<[string, Record<string, unknown>, 'back' | 'next', string, string]>([
    ['an answer for a statement that does not exist', { 'a:communication-1': '2', 'a:made-up': '3' }, 'next', 'attempt-1', 'unknown-statement'],
    ["an answer for another area's statement", { 'a:communication-1': '2', 'a:safeguarding-1': '3' }, 'next', 'attempt-1', 'unknown-statement'],
    ['a value above the scale', { 'a:communication-1': '5', 'a:communication-2': '2' }, 'next', 'attempt-1', 'out-of-scale'],
    ['a value as a number, not a choice', { 'a:communication-1': 3, 'a:communication-2': '2' }, 'next', 'attempt-1', 'out-of-scale'],
    ['a value of zero', { 'a:communication-1': '0', 'a:communication-2': '2' }, 'back', 'attempt-1', 'out-of-scale'],
    ["someone else's (or an old) assessment id", { 'a:communication-1': '2', 'a:communication-2': '2' }, 'next', 'attempt-9', 'stale-attempt'],
    ['a statement left blank when moving on', { 'a:communication-1': '2', 'a:communication-2': '' }, 'next', 'attempt-1', 'unanswered'],
  ])('when the card sends %s, then it is refused as %s', (_case, inputs, move, attemptId, problem) => {
    const read = submit(inputs, move, attemptId);
    expect(read).toMatchObject({ ok: false, problem });
  });

  it('when a statement is explicitly skipped, then the area is complete', () => {
    expect(submit({ 'a:communication-1': 'skip', 'a:communication-2': '4' })).toEqual({ ok: true, answers: { 'communication-1': 'skip', 'communication-2': 4 } });
  });

  it('when going back with a statement blank, then what was given is accepted and the blank is not required', () => {
    expect(submit({ 'a:communication-1': '3', 'a:communication-2': '' }, 'back')).toEqual({ ok: true, answers: { 'communication-1': 3 } });
  });

  it('when a blank statement was answered earlier, then moving on is allowed', () => {
    const earlier = { ...attempt(), answers: { 'communication-2': 2 as const } };
    expect(readAreaAnswers(content, earlier, { attemptId: 'attempt-1', area: 'communication', move: 'next', inputs: { 'a:communication-1': '1' } })).toEqual({
      ok: true,
      answers: { 'communication-1': 1 },
    });
  });

  it('when a business manager\'s attempt sends an area their track does not answer, then it is refused', () => {
    const wider = { ...attempt(), trackId: 'w' };
    expect(readAreaAnswers(content, wider, { attemptId: 'attempt-1', area: 'transitions', move: 'next', inputs: {} })).toEqual({ ok: false, problem: 'unknown-area' });
  });
});

describe('an attempt from start to finish', () => {
  it('when every area is submitted, then resume finds nothing left and the result scores each area and names the lowest as priorities', () => {
    const a = attempt();
    const values: Record<string, 1 | 2 | 3 | 4> = { communication: 1, development: 2, safeguarding: 4, transitions: 3, 'multi-agency': 4, 'sharing-information': 4, 'literacy-numeracy': 4, 'own-skills': 1 };
    for (const area of content.areasFor('t')) {
      expect(resumeArea(content, a)).toBe(area);
      const answers = Object.fromEntries(content.statementsFor('t', area).map((s) => [s.id, values[area]!]));
      recordArea(a, area, answers, 'next');
    }
    expect(resumeArea(content, a)).toBeUndefined();
    const result = finishAttempt(content, a, new Date('2026-11-23T11:00:00Z'));
    expect(result.areas.map((r) => r.band)).toEqual([1, 2, 4, 3, 4, 4, 4, 1]);
    expect(result.priorities).toEqual(['communication', 'development']);
  });

  it('when a business manager takes it, then only the areas with statements for their track are asked', () => {
    expect(content.areasFor('w')).toEqual(['communication', 'own-skills']);
    expect(content.trackFor('business-management-1')?.id).toBe('w');
    expect(content.trackFor('teaching-assistant-2')?.id).toBe('t');
  });
});

describe('recommending resources', () => {
  const library = fixtureContent([
    fixtureResource('english-only', ['communication'], ['en']),
    fixtureResource('both', ['communication'], ['cy', 'en']),
    fixtureResource('welsh-only', ['communication'], ['cy']),
    fixtureResource('other-track', ['communication'], ['cy', 'en'], ['w']),
    fixtureResource('other-area', ['safeguarding'], ['cy', 'en']),
    fixtureResource('english-two', ['communication'], ['en']),
  ]);

  it.each([
    ['cy', ['both', 'welsh-only', 'english-only']],
    ['en', ['english-only', 'both', 'english-two']],
  ] as const)('when the reader speaks %s, then resources in their language come first, only for their area and track, three at most', (language, expected) => {
    expect(recommend(library, 'communication', 't', language).map((r) => r.id)).toEqual(expected);
  });
});
