import { readdirSync } from 'node:fs';
import path from 'node:path';
import { cardMarks, contrastFailures, wordlessStatuses } from '../support/card-colours';
import { contrastRatio, opaque } from '../support/colour-contrast';
import { inputVariant } from '../support/input-variants';
import type { Hints } from '../support/largest-input';
import { withCardTemplates } from '../support/card-templates';
import { THEMES } from '../support/teams-host-colours';

/** Enough variants that every choice of the widest enum (seven induction statuses) is drawn. */
const VARIANTS = 7;
const date = '2027-07-14';
const verb = { verb: 'help.show', data: {} };
/** Progress as none, some and all done: a bar's fill and track both show in the middle one. */
const progress: Hints = { done: (_p: string, k: number) => [0, 3, 6][k % 3], total: 6 };

/** Every card template in cards/, with what the variant generator cannot guess. */
const cards = withCardTemplates<{ hints?: Hints }>({
  'help-card': { hints: { verb: 'school.show', data: verb.data } },
  'notice-card': { hints: verb },
  'induction-start-card': { hints: { startDate: date } },
  'induction-stage-card': { hints: progress },
  'school-admin-card': { hints: { cycleStartMonth: (p: string) => (p.startsWith('fieldErrors') ? 'Text' : '9'), schoolId: 'wg-6612001', id: 'school-3', value: '9' } },
  'self-assessment-area-card': { hints: progress },
  'self-assessment-results-card': { hints: verb },
  'appraisal-card': { hints: { date, reportId: 'r1' } },
  'appraisal-review-card': { hints: { date, reportId: 'r1' } },
  'appraisal-record-card': { hints: { reportId: 'r1' } },
  'appraisal-prompt-card': { hints: { date, reportId: 'r1' } },
  'school-chooser-card': { hints: { findVerb: 'school.show', verb: 'school.show' } },
  'learning-entry-card': { hints: { entryId: '0f0e0d0c-1111-4222-8333-444455556666', today: date } },
  'learning-log-card': { hints: { id: '0f0e0d0c-1111-4222-8333-444455556666', confirmDeleteId: '0f0e0d0c-1111-4222-8333-444455556666' } },
  'learning-guide-card': { hints: verb },
  'learning-evidence-card': { hints: { reportId: '0f0e0d0c-1111-4222-8333-444455556666' } },
});

describe('every card is readable in Teams light, dark and high contrast', () => {
  it('when a card template is added to cards/, then its colours are measured here too', () => {
    const templates = readdirSync(path.join(__dirname, '../../cards')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(templates.sort()).toEqual(Object.keys(cards).sort());
  });

  it.each(Object.entries(cards))('when %s is drawn with each of its states in Welsh and English, then text reaches 4.5:1 and bars 3:1 against what they sit on, and every status in colour is said in words too', (_name, card) => {
    const failures = new Set<string>();
    for (let k = 0; k < VARIANTS; k += 1) {
      const data = inputVariant(card.schema, k, card.hints);
      const parsed = card.schema.safeParse(data);
      expect([k, parsed.success ? 'valid' : parsed.error.issues]).toEqual([k, 'valid']);
      for (const language of ['en', 'cy'] as const) {
        const drawn = card.render(language, data as never);
        for (const theme of THEMES) for (const failure of contrastFailures(drawn, theme)) failures.add(failure);
        for (const problem of wordlessStatuses(drawn)) failures.add(problem);
      }
    }
    expect([...failures]).toEqual([]);
  });
});

describe('the contrast checker itself', () => {
  it('when WCAG’s reference pairs are measured, then black on white is 21:1 and #767676 on white just passes 4.5:1', () => {
    expect(contrastRatio(opaque('#000000'), opaque('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(opaque('#767676'), opaque('#ffffff'))).toBeGreaterThan(4.5);
    expect(contrastRatio(opaque('#777777'), opaque('#ffffff'))).toBeLessThan(4.5);
  });

  it('when a card has green text, yellow text and a bar of pale columns, then each is reported with its theme and ratio', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Saved', color: 'Good' },
        { type: 'Container', style: 'emphasis', items: [{ type: 'TextBlock', text: 'Waiting', color: 'Warning', isSubtle: true }] },
        { type: 'ColumnSet', columns: [{ type: 'Column', style: 'good', items: [] }, { type: 'Column', style: 'emphasis', items: [] }] },
      ],
    };
    const light = contrastFailures(card, 'light');
    expect(light).toEqual([
      expect.stringMatching(/^light: "Saved" in good text on default is 2\.07:1$/),
      expect.stringMatching(/^light: "Waiting" in subtle warning text on emphasis is 1\.\d+:1$/),
      expect.stringMatching(/^light: bar of good\/emphasis columns: good background against emphasis background is 1\.06:1$/),
    ]);
  });

  it('when text sits in a tinted container or a bar is drawn in default text, then the container’s own colours are used', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Container', style: 'good', items: [{ type: 'TextBlock', text: 'Saved' }] },
        { type: 'TextBlock', text: '■■■□□□' },
      ],
    };
    expect(cardMarks(card).bars).toHaveLength(1);
    for (const theme of THEMES) expect(contrastFailures(card, theme)).toEqual([]);
  });

  it('when a status is only a tinted badge or a coloured icon with no words in its row, then it is reported; beside its words it is not', () => {
    const badge = { type: 'Column', style: 'attention', items: [{ type: 'TextBlock', text: '!' }] };
    const alone = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'ColumnSet', columns: [badge] }, { type: 'TextBlock', text: '●', color: 'Accent' }] };
    expect(wordlessStatuses(alone)).toHaveLength(2);
    const worded = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'ColumnSet', columns: [badge, { type: 'Column', items: [{ type: 'TextBlock', text: 'Overdue' }] }] }] };
    expect(wordlessStatuses(worded)).toEqual([]);
  });
});
