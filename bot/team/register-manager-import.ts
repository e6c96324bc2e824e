import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderManagerImportCard } from '../../cards/manager-import-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import type { Language } from '../users/user-record';
import { importLineManagers, type ImportReport } from './import-line-managers';
import { lineRanges, type ImportReason } from './manager-csv';

const personal = { personalOnly: true };
/** What the CSV box takes; a longer paste is refused whole with a clear card. */
const MAX_CSV_CHARS = 60_000;
/** Runs of line numbers shown per reason: keeps the report card far below what Teams delivers. */
const MAX_RUNS_PER_REASON = 40;

/**
 * `import managers` / `mewnforio rheolwyr` (administrators only): paste a CSV of staff and
 * line managers for one school (the administrator's own unless they name another); the
 * answer reports the rows accepted and removed, and the rows rejected grouped by reason.
 */
export function registerManagerImport(app: Application, deps: FeatureDeps, outbox: Outbox): void {
  function refusal(context: TurnContext): AdaptiveCardJson | undefined {
    const { identity, language } = turnData(context);
    if (deps.config.ADMIN_AAD_OBJECT_IDS.includes(identity.aadObjectId)) return undefined;
    const s = strings(language()).import;
    return renderNoticeCard(language(), { title: s.title, text: s.onlyAdmins, tone: 'attention' });
  }
  const ownSchool = (context: TurnContext) => turnData(context).session.user.profile?.school ?? '';
  const form = (context: TurnContext, schoolName?: string) =>
    renderManagerImportCard(turnData(context).language(), { schoolName: (schoolName?.trim() || ownSchool(context)).slice(0, 120) });

  app.message(commandSelector('import managers', 'mewnforio rheolwyr'), async (context) => sendPersonalCard(context, () => refusal(context) ?? form(context)));
  onCardAction(app, Verbs.showManagerImport, z.object({ schoolName: z.string().max(120).optional() }), async (context, { schoolName }) => refusal(context) ?? form(context, schoolName), personal);

  const importInput = z.object({ csv: z.string().max(1_000_000).default(''), schoolName: z.string().max(120).default('') });
  onCardAction(app, Verbs.importManagers, importInput, async (context, input) => {
    const refused = refusal(context);
    if (refused) return refused;
    const { identity, language } = turnData(context);
    const lang = language();
    const s = strings(lang).import;
    const schoolName = input.schoolName.trim() || ownSchool(context);
    const attention = (lead: string) => renderManagerImportCard(lang, { lead, leadTone: 'attention', schoolName });
    if (!schoolName) return attention(s.schoolRequired);
    if (input.csv.length > MAX_CSV_CHARS) return attention(s.tooLong);
    const outcome = await importLineManagers({ store: deps.store, outbox }, { admin: identity, schoolName }, input.csv, deps.now());
    if (outcome.kind === 'too-many') return attention(fill(s.tooMany, { lines: String(outcome.lines) }));
    const { report } = outcome;
    if (report.accepted === 0 && report.removed === 0 && report.rejected.length === 0) return attention(s.empty);
    return renderManagerImportCard(lang, {
      lead: fill(s.report, { school: schoolName, accepted: String(report.accepted), removed: String(report.removed), rejected: String(report.rejected.length) }).slice(0, 500),
      leadTone: report.rejected.length > 0 ? 'attention' : 'good',
      schoolName,
      rejected: groupedByReason(lang, report),
    });
  }, personal);
}

/** One line per reason, in the order reasons first occur, with the lines as ranges ("lines 4–9, 12"). */
function groupedByReason(language: Language, report: ImportReport): string[] {
  const s = strings(language).import;
  const byReason = new Map<ImportReason, number[]>();
  for (const { line, reason } of report.rejected) byReason.set(reason, [...(byReason.get(reason) ?? []), line]);
  return [...byReason].map(([reason, lines]) => {
    const { text, more } = lineRanges(lines, MAX_RUNS_PER_REASON);
    return more > 0 ? fill(s.groupMore, { reason: s.reasons[reason], lines: text, more: String(more) }) : fill(s.group, { reason: s.reasons[reason], lines: text });
  });
}
