import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { SchoolServices } from '../roles/school-services';
import { refusalCard } from '../roles/refusal-card';
import { schoolIdInput } from '../register/school-id-input';
import type { SchoolEntry } from '../register/school-entry';
import { MAX_ECHOED_CSV, MAX_REJECTED_ROWS, renderManagerImportCard, type ManagerImportCardData } from '../../cards/manager-import-card';
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
import { countsNote } from '../audit/audit-note';
import { linesByReason } from '../text/lines-by-reason';
import { inertMarkdown } from '../text/inert-markdown';
import { shortenTypedText } from '../text/shorten-typed-text';

const personal = { personalOnly: true };
/** What the CSV box takes; a longer paste is refused whole with a clear card. */
const MAX_CSV_CHARS = 60_000;
/** Runs of line numbers shown per reason: keeps the report card far below what Teams delivers. */
const MAX_RUNS_PER_REASON = 30;
/** The longest value a report line quotes (an email is rarely longer). */
const MAX_QUOTED_VALUE = 60;

/**
 * `import managers` / `mewnforio rheolwyr` (administrators of the school only): paste a CSV
 * of staff and line managers for one registered school (the school comes from the card the
 * administrator opened, and is checked again on the server); the answer reports the rows
 * accepted and removed, and the rows rejected grouped by reason.
 */
export function registerManagerImport(app: Application, deps: FeatureDeps, outbox: Outbox, schools: SchoolServices): void {
  const actor = (context: TurnContext) => ({ identity: turnData(context).identity, name: turnData(context).session.user.name });
  const form = (context: TurnContext, school: SchoolEntry, extra: Partial<ManagerImportCardData> = {}) =>
    renderManagerImportCard(turnData(context).language(), { schoolId: school.id, schoolName: school.name, ...extra });

  /** The card for the one school a school administrator runs, else the way to choose a school first. */
  async function opening(context: TurnContext): Promise<AdaptiveCardJson> {
    const { identity, language } = turnData(context);
    const held = await schools.scope.held(identity);
    if (held.schools.length === 1 && !held.tenant && held.las.length === 0) {
      const verdict = await schools.guard.forSchool(actor(context), 'managers.open', held.schools[0]!, deps.now());
      return verdict.ok ? form(context, verdict.target) : refusalCard(language(), verdict.reason);
    }
    if (!held.tenant && held.las.length === 0 && held.schools.length === 0) return refusalCard(language(), 'not-an-admin');
    const s = strings(language()).import;
    return renderNoticeCard(language(), { title: s.title, text: s.chooseSchool, actions: [{ title: s.openSchools, verb: Verbs.showSchoolAdmin, data: {} }] });
  }

  app.message(commandSelector('import managers', 'mewnforio rheolwyr'), async (context) => sendPersonalCard(context, () => opening(context)));
  onCardAction(app, Verbs.showManagerImport, z.object({ schoolId: schoolIdInput.optional() }), async (context, { schoolId }) => {
    if (schoolId === undefined) return opening(context);
    const verdict = await schools.guard.forSchool(actor(context), 'managers.open', schoolId, deps.now());
    return verdict.ok ? form(context, verdict.target) : refusalCard(turnData(context).language(), verdict.reason);
  }, personal);

  const importInput = z.object({ csv: z.string().max(1_000_000).default(''), schoolId: schoolIdInput });
  onCardAction(app, Verbs.importManagers, importInput, async (context, input) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await schools.guard.forSchool(actor(context), 'managers.import', input.schoolId, deps.now());
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const school = verdict.target;
    const s = strings(lang).import;
    // What was pasted comes back in the box after every import, so nothing typed is lost.
    const csv = input.csv.length <= MAX_ECHOED_CSV ? input.csv : '';
    const attention = (lead: string) => form(context, school, { lead, leadTone: 'attention', csv });
    if (input.csv.length > MAX_CSV_CHARS) return attention(s.tooLong);
    const outcome = await importLineManagers({ store: deps.store, outbox, memberships: schools.memberships }, { admin: identity, schoolId: school.id }, input.csv, deps.now());
    if (outcome.kind === 'too-many') return attention(fill(s.tooMany, { lines: String(outcome.lines) }));
    const { report } = outcome;
    if (report.accepted === 0 && report.removed === 0 && report.rejected.length === 0) return attention(s.empty);
    await schools.guard.done(actor(context), verdict.role, 'managers.import', { kind: 'school', id: school.id, label: school.name }, deps.now(), school.laId,
      countsNote({ accepted: report.accepted, removed: report.removed, rejected: report.rejected.length }));
    return form(context, school, {
      lead: fill(s.report, { school: school.name, accepted: String(report.accepted), removed: String(report.removed), rejected: String(report.rejected.length) }).slice(0, 500),
      leadTone: report.rejected.length > 0 ? 'attention' : 'good',
      csv,
      ...rejectedRows(lang, report),
    });
  }, personal);
}

/**
 * The rows turned away as the administrator can act on them: the first ones each with its
 * line and the value it is about ("line 4: no one with the email rhys@… has used Cefnogi
 * yet"), the rest summed up by reason with their line numbers, so a card stays small.
 */
function rejectedRows(language: Language, report: ImportReport): Pick<ManagerImportCardData, 'rejectedRows' | 'more' | 'rejected'> {
  const s = strings(language).import;
  const named = report.rejected.slice(0, MAX_REJECTED_ROWS);
  const rest = report.rejected.slice(MAX_REJECTED_ROWS);
  return {
    rejectedRows: named.map((row) =>
      fill(s.row, { line: String(row.line), reason: fill(s.rowReasons[row.reason], { value: inertMarkdown(shortenTypedText(row.value, MAX_QUOTED_VALUE)) }) }).slice(0, 300),
    ),
    more: rest.length > 0 ? fill(s.moreRows, { more: String(rest.length) }) : '',
    rejected: linesByReason(rest, s, { maxRuns: MAX_RUNS_PER_REASON, maxLength: 240 }),
  };
}
