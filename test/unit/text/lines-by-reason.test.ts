import { strings } from '../../../bot/i18n/strings';
import { linesByReason } from '../../../bot/text/lines-by-reason';

const options = { maxRuns: 10, maxLength: 500 };

describe('a report of lines turned away, grouped by reason', () => {
  it.each([
    ['the line manager import', 'en', 'import', 'unknown-staff', /\(line 4\)$/, /\(lines 4, 9\)$/],
    ['the line manager import', 'cy', 'import', 'unknown-staff', /\(llinell 4\)$/, /\(llinellau 4, 9\)$/],
    ['the staff import', 'en', 'members', 'unknown-email', /: line 4$/, /: lines 4, 9$/],
    ['the staff import', 'cy', 'members', 'unknown-email', /: llinell 4$/, /: llinellau 4, 9$/],
    ['the register import', 'en', 'register', 'number-malformed', /\(line 4\)$/, /\(lines 4, 9\)$/],
    ['the register import', 'cy', 'register', 'number-malformed', /\(llinell 4\)$/, /\(llinellau 4, 9\)$/],
  ] as const)('when %s (%s) turns away one line for a reason, then it says "line", and for more, "lines"', (_what, language, section, reason, one, many) => {
    const words = strings(language)[section] as Parameters<typeof linesByReason>[1];
    expect(linesByReason([{ line: 4, reason }], words, options)[0]).toMatch(one);
    expect(linesByReason([{ line: 4, reason }, { line: 9, reason }], words, options)[0]).toMatch(many);
  });
});
