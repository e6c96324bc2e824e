import { CardFactory, MessageFactory } from 'botbuilder';
import { renderSchoolAdminCard, SCHOOL_SECTIONS, schoolAdminCardDataSchema } from '../../cards/school-admin-card';
import { largestInput } from '../support/largest-input';
import { cardProblems } from '../support/validate-card';

/** As in card-size.test.ts: the school card's schema, filled to its limits. */
const hints = {
  stages: Array.from({ length: 5 }, () => ({ title: 'ŵ'.repeat(40), value: 'first-half-term' })),
  months: Array.from({ length: 12 }, (_, i) => ({ title: 'ŵ'.repeat(10), value: String(i + 1) })),
  id: 'school-30',
  schoolId: `s-${'a'.repeat(64)}`,
};

describe('the school card, part by part', () => {
  it.each(SCHOOL_SECTIONS)('when the %s part is shown with the most text and entries its schema allows, then the message stays under 80 KB and the card is valid', (section) => {
    const data = { ...(largestInput(schoolAdminCardDataSchema, hints) as object), section };
    for (const language of ['en', 'cy'] as const) {
      const card = renderSchoolAdminCard(language, data as never);
      expect(cardProblems(card)).toEqual([]);
      const bytes = Buffer.byteLength(JSON.stringify(MessageFactory.attachment(CardFactory.adaptiveCard(card))), 'utf16le');
      if (process.env.CEFNOGI_FIGURES === '1') console.log(`school card, ${section}, ${language}: ${(bytes / 1024).toFixed(1)} KB`);
      // Room is left for the activity's envelope (ids, addresses), which card-size.test.ts counts in full.
      expect(bytes).toBeLessThan(78 * 1024);
    }
  });
});
