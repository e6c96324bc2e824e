import { renderAppraisalPromptCard } from '../../cards/appraisal-prompt-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { fill, strings } from '../i18n/strings';
import { shownName } from '../text/person-name';
import type { Language } from '../users/user-record';
import { formatDate, inSentence } from './appraisal-format';
import type { DuePrompt } from './prompt-days';

/** A prompt for one person about one meeting, in their language. */
export function promptCard(language: Language, prompt: DuePrompt, report?: { reportId: string; name: string }): AdaptiveCardJson {
  const s = strings(language).appraisal;
  const p = s.prompt;
  const values = { meeting: s.meetings[prompt.meeting], date: formatDate(prompt.date, language), name: report ? shownName(report.name, report.reportId) : '' };
  const sentence = { ...values, meeting: inSentence(values.meeting) };
  // A snooze reminder that comes after the meeting's date is about an overdue meeting, and says so.
  const overdue = prompt.kind.startsWith('overdue') || (prompt.kind === 'snoozed' && prompt.day > prompt.date);
  const title = fill(overdue ? p.overdueTitle : prompt.kind === 'snoozed' ? p.reminderTitle : p.beforeTitle, values);
  const text = report ? fill(overdue ? p.managerOverdueText : p.managerText, sentence) : overdue ? p.staffOverdueText : p.staffText;
  return renderAppraisalPromptCard(language, { title, text, overdue, meeting: prompt.meeting, date: prompt.date, reportId: report?.reportId ?? '' });
}
