import { fill, strings } from '../i18n/strings';
import { linesByReason } from '../text/lines-by-reason';
import type { Language } from '../users/user-record';
import type { RegisterRefusal, RegisterRejection, RegisterRowReason } from './register-csv';

/** Enough runs of line numbers per reason to find the rows, few enough to keep a card small. */
const MAX_RUNS_PER_REASON = 10;

/** What a refused file is told, in the reader's language, naming the missing headings in it. */
export function describeRefusal(language: Language, refusal: RegisterRefusal): string {
  const s = strings(language).register;
  switch (refusal.reason) {
    case 'too-many-rows':
      return fill(s.refused['too-many-rows'], { rows: refusal.rows.toLocaleString(language === 'cy' ? 'cy-GB' : 'en-GB') });
    case 'no-heading':
      return fill(s.refused['no-heading'], { missing: refusal.missing.map((c) => s.headings[c]).join(', ') });
    default:
      return s.refused[refusal.reason];
  }
}

/**
 * One line per reason, in the order reasons first occur, with the file's line numbers as
 * ranges, so hundreds of turned-away rows read as a few lines.
 */
export function describeRejections(language: Language, rejected: readonly { line: number; reason: RegisterRowReason }[]): string[] {
  return linesByReason(rejected, strings(language).register, { maxRuns: MAX_RUNS_PER_REASON, maxLength: 500 });
}
