import { renderAppraisalPromptCard } from '../../cards/appraisal-prompt-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { fill, strings } from '../i18n/strings';
import type { Language } from '../users/user-record';
import { formatDate } from './appraisal-format';
import type { DuePrompt } from './prompt-days';

/** A prompt for one person about one meeting, in their language. */
export function promptCard(language: Language, prompt: DuePrompt, report?: { reportId: string; name: string }): AdaptiveCardJson {
  const s = strings(language).appraisal;
  const p = s.prompt;
  const values = { meeting: s.meetings[prompt.meeting], date: formatDate(prompt.date, language), name: report?.name ?? '' };
  const overdue = prompt.kind.startsWith('overdue');
  const title = fill(overdue ? p.overdueTitle : prompt.kind === 'snoozed' ? p.reminderTitle : p.beforeTitle, values);
  const text = report ? fill(overdue ? p.managerOverdueText : p.managerText, values) : overdue ? p.staffOverdueText : p.staffText;
  return renderAppraisalPromptCard(language, { title, text, overdue, meeting: prompt.meeting, date: prompt.date, reportId: report?.reportId ?? '' });
}
