import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderLearningExportCard } from '../../cards/learning-export-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import type { FeatureDeps } from '../app/feature-deps';
import { formatDate } from '../appraisal/appraisal-format';
import { turnData } from '../edge/turn-data';
import { offerFile } from '../export/offer-file';
import { fill, strings } from '../i18n/strings';
import { londonDate } from '../time/london-date';
import { userKey } from '../users/user-record';
import { checkRange, entriesIn, exportCsvFile, exportText } from './learning-export';
import type { LearningLog } from './learning-log';
import { schoolYearOf } from './learning-summary';

const personal = { personalOnly: true };
const rangeSchema = z.object({ exportFrom: z.string().max(40).default(''), exportTo: z.string().max(40).default('') });
type Lead = { text: string; tone: 'good' | 'attention' | 'default' };

/**
 * The Passport export: a date range (this school year so far, to start with), then the
 * entries as text to paste or as a CSV file through the one export path (file consent in the
 * one-to-one chat). A range that is not one comes back as typed, marked at the field.
 */
export function registerLearningExport(app: Application, deps: FeatureDeps, log: LearningLog): void {
  const language = (context: TurnContext) => turnData(context).language();

  onCardAction(app, Verbs.showLearningExport, z.object({}), async (context) => {
    const today = londonDate(deps.now());
    return renderLearningExportCard(language(context), { from: `${schoolYearOf(today)}-09-01`, to: today });
  }, personal);

  async function withRange(context: TurnContext, input: z.infer<typeof rangeSchema>, then: (from: string, to: string) => Promise<{ lead?: Lead; text?: string; summary?: string }>): Promise<AdaptiveCardJson> {
    const lang = language(context);
    const s = strings(lang).learningExport;
    const checked = checkRange(input.exportFrom, input.exportTo);
    if (!checked.ok) {
      return renderLearningExportCard(lang, { from: input.exportFrom, to: input.exportTo, fromError: checked.from ? s.problems[checked.from] : '', toError: checked.to ? s.problems[checked.to] : '' });
    }
    const shown = await then(checked.from, checked.to);
    return renderLearningExportCard(lang, { from: checked.from, to: checked.to, lead: shown.lead?.text ?? '', leadTone: shown.lead?.tone ?? 'default', text: shown.text ?? '', summary: shown.summary ?? '' });
  }

  const inRange = async (context: TurnContext, from: string, to: string) => entriesIn(await log.list(userKey(turnData(context).identity)), from, to);

  onCardAction(app, Verbs.exportLearningText, rangeSchema, async (context, input) =>
    withRange(context, input, async (from, to) => {
      const lang = language(context);
      const s = strings(lang).learningExport;
      const entries = await inRange(context, from, to);
      if (entries.length === 0) return { lead: { text: s.none, tone: 'attention' } };
      const { text, shown } = exportText(lang, entries);
      const summary = fill(s.summary, { count: String(entries.length), from: formatDate(from, lang), to: formatDate(to, lang) });
      return { text, summary, lead: shown < entries.length ? { text: fill(s.truncated, { shown: String(shown), count: String(entries.length) }), tone: 'attention' } : undefined };
    }),
  personal);

  onCardAction(app, Verbs.exportLearningCsv, rangeSchema, async (context, input) =>
    withRange(context, input, async (from, to) => {
      const lang = language(context);
      const s = strings(lang).learningExport;
      const entries = await inRange(context, from, to);
      if (entries.length === 0) return { lead: { text: s.none, tone: 'attention' } };
      await offerFile(context, deps, exportCsvFile(lang, entries, { from, to }));
      return { lead: { text: s.fileOffered, tone: 'good' } };
    }),
  personal);
}
