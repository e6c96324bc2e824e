import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderSelfAssessmentExportCard, selfAssessmentExportCardDataSchema, EXPORT_MAX_LINES } from '../../cards/self-assessment-export-card';
import { largestInput, type Hints } from '../support/largest-input';
import { withCardTemplates } from '../support/card-templates';

/** Teams advises staying under 80 KB (it refuses over 100 KB), counted in UTF-16. */
const LIMIT_BYTES = 80 * 1024;
const verb = { verb: 'help.show', data: { id: 'x'.repeat(36) } };
const date = '2027-07-14';

/** Every card template in cards/, with what the generator cannot guess. */
const cards = withCardTemplates<{ hints?: Hints }>({
  'help-card': { hints: { verb: 'school.show', data: verb.data } },
  'notice-card': { hints: { verb: verb.verb, data: verb.data } },
  'induction-start-card': { hints: { startDate: date } },
  'induction-stage-card': { hints: { status: 'awaiting-sign-off' } },
  'team-card': {
    // A report shows more than a request: a page of reports is the largest a page can be.
    hints: { requests: [], previousPage: 0, nextPage: 2, page: 1 },
  },
  'school-admin-card': {
    // Unbounded in its schema: as the code fills them (five stages, twelve months, ids like "school-30").
    hints: {
      stages: Array.from({ length: 5 }, () => ({ title: 'ŵ'.repeat(40), value: 'first-half-term' })),
      months: Array.from({ length: 12 }, (_, i) => ({ title: 'ŵ'.repeat(10), value: String(i + 1) })),
      cycleStartMonth: '12',
      id: 'school-30',
      // A register id at its longest ('s-' and 64 characters).
      schoolId: `s-${'a'.repeat(64)}`,
    },
  },
  'self-assessment-results-card': {
    hints: { verb: verb.verb, data: verb.data, userIds: [`8:orgid:${'x'.repeat(36)}`], score: 100 },
  },
  'self-assessment-export-card': {
    // Many short lines cost more than one long one: each line is its own TextBlock.
    hints: { text: () => Array.from({ length: EXPORT_MAX_LINES }, () => 'ŵ'.repeat(Math.floor(12000 / EXPORT_MAX_LINES) - 1)).join('\n') },
  },
  'appraisal-card': {
    hints: { date, meeting: 'end-of-year', reportId: 'x'.repeat(36) },
  },
  'appraisal-review-card': { hints: { date, reportId: 'x'.repeat(36) } },
  'appraisal-record-card': { hints: { reportId: 'x'.repeat(36) } },
  'appraisal-prompt-card': { hints: { date, reportId: 'x'.repeat(36) } },
  'school-chooser-card': { hints: { findVerb: 'school.show', verb: 'school.show' } },
  'learning-entry-card': { hints: { entryId: '0f0e0d0c-1111-4222-8333-444455556666', today: date } },
  'learning-log-card': { hints: { id: '0f0e0d0c-1111-4222-8333-444455556666', confirmDeleteId: '0f0e0d0c-1111-4222-8333-444455556666' } },
  'learning-guide-card': { hints: { verb: verb.verb, data: verb.data } },
  'learning-evidence-card': { hints: { reportId: '0f0e0d0c-1111-4222-8333-444455556666' } },
});

/** The message the bot would send with the card, as the connector receives it. */
function activityBytes(card: AdaptiveCardJson): number {
  const activity = {
    ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
    id: 'f:'.padEnd(60, '0'),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/11111111-2222-3333-4444-555555555555/',
    from: { id: `28:${'0'.repeat(36)}`, name: 'Cefnogi' },
    recipient: { id: `29:${'1'.repeat(120)}`, name: 'x'.repeat(100), aadObjectId: '2'.repeat(36) },
    conversation: { id: `a:${'3'.repeat(140)}`, conversationType: 'personal', tenantId: '4'.repeat(36) },
    replyToId: '5'.repeat(60),
    locale: 'cy-GB',
  };
  return Buffer.byteLength(JSON.stringify(activity), 'utf16le');
}

const largest: Record<string, number> = {};
afterAll(() => {
  if (process.env.CEFNOGI_FIGURES !== '1') return;
  const lines = Object.entries(largest).map(([name, bytes]) => `${name.padEnd(30)} ${(bytes / 1024).toFixed(1).padStart(6)} KB`);
  console.log(`largest activity per card (UTF-16):\n${lines.join('\n')}`);
});

describe('every card fits a Teams message at the largest input it accepts', () => {
  it('when a card template is added to cards/, then it is measured here too', () => {
    const templates = readdirSync(path.join(__dirname, '../../cards')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(templates.sort()).toEqual(Object.keys(cards).sort());
  });

  it.each(Object.entries(cards))('when %s is drawn with the longest text and most items its schema allows, then the message stays under 80 KB', (name, card) => {
    const data = largestInput(card.schema, card.hints);
    // The largest input is a valid one: the card's own schema accepts it.
    expect(card.schema.safeParse(data).success).toBe(true);
    const bytes = Math.max(...(['en', 'cy'] as const).map((language) => activityBytes(card.render(language, data as never))));
    largest[name] = bytes;
    expect(bytes).toBeLessThan(LIMIT_BYTES);
  });
});
