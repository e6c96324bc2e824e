import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { MAX_STAFF_LIST_CHARS, type MembersCardData } from '../../cards/members-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { administeredSchoolChooser, administers } from '../school/administered-school-chooser';
import { laNameIn } from '../register/la-name';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { schoolIdInput } from '../register/school-id-input';
import type { AuditAction } from '../audit/audit-action';
import type { SchoolEntry } from '../register/school-entry';
import type { ActingRole } from '../roles/admin-scope';
import { refusalCard } from '../roles/refusal-card';
import type { SchoolServices } from '../roles/school-services';
import { countsNote } from '../audit/audit-note';
import { linesByReason } from '../text/lines-by-reason';
import type { Language } from '../users/user-record';
import { importStaff, type StaffImportReport, type StaffLineReason } from './import-staff';
import { membersCard } from './members-view';

const personal = { personalOnly: true };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** People one decision takes: a page of pending people, with room. */
const MAX_DECIDED = 50;
/** Runs of line numbers shown per reason, to keep the report small. */
const MAX_RUNS_PER_REASON = 40;

const page = z.coerce.number().int().min(1).max(1000).default(1);
const decisionInput = z.object({ schoolId: schoolIdInput, people: z.string().max(5000).default('') });
const importInput = z.object({ schoolId: schoolIdInput, staffList: z.string().max(400_000).default('') });

/**
 * `members` / `aelodau`: a school's administrators (and those of its local authority and
 * the tenant) confirm or decline the people who chose the school, see its confirmed staff,
 * and import its staff list. Every route asks the guard about the school first (card data
 * only claims a school); every act is audited once done, and each person is told.
 */
export function registerMembers(app: Application, deps: FeatureDeps, schools: SchoolServices): void {
  const { guard, memberships, scope } = schools;
  const actor = (context: TurnContext) => ({ identity: turnData(context).identity, name: turnData(context).session.user.name });
  const view = (context: TurnContext, school: SchoolEntry, at = 1, extra: Pick<MembersCardData, 'lead' | 'leadTone' | 'rejected' | 'staffList'> = {}) =>
    membersCard(turnData(context).language(), memberships, turnData(context).identity.tenantId, school, at, extra, laNameIn(deps.content, turnData(context).language()));
  const target = (school: SchoolEntry) => ({ kind: 'school' as const, id: school.id, label: school.name });

  /** Checks the actor over the claimed school, then runs `act` with the stored school; a refusal (audited by the guard) answers. */
  async function forSchool(context: TurnContext, action: AuditAction, schoolId: string, act: (school: SchoolEntry, role: ActingRole) => Promise<AdaptiveCardJson>): Promise<AdaptiveCardJson> {
    const verdict = await guard.forSchool(actor(context), action, schoolId, deps.now());
    return verdict.ok ? act(verdict.target, verdict.role) : refusalCard(turnData(context).language(), verdict.reason);
  }

  /** The command: the one school a school administrator runs, else a chooser of the schools they administer. */
  async function opening(context: TurnContext, find = ''): Promise<AdaptiveCardJson> {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await guard.anyRole(actor(context), 'members.open', deps.now());
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const held = verdict.target;
    if (held.schools.length === 1 && !held.tenant && held.las.length === 0 && find === '') return forSchool(context, 'members.open', held.schools[0]!, (school) => view(context, school));
    const s = strings(lang).members;
    const mine = (await schools.register.catalogue(identity.tenantId)).filter((e) => administers(held, e));
    return administeredSchoolChooser(lang, deps, mine, { find, verb: Verbs.showMembers, title: s.chooseTitle, intro: s.chooseSchool, action: strings(lang).school.openShort, actionFor: s.openFor });
  }

  app.message(commandSelector('members', 'aelodau', 'staff', 'staff list'), async (context) => sendPersonalCard(context, () => opening(context)));

  onCardAction(app, Verbs.showMembers, z.object({ schoolId: schoolIdInput.optional(), schoolFind: z.string().max(80).optional(), page }), async (context, input) =>
    input.schoolId === undefined ? opening(context, input.schoolFind?.trim() ?? '') : forSchool(context, 'members.open', input.schoolId, (school) => view(context, school, input.page)),
  personal);

  for (const [verb, confirm] of [[Verbs.confirmMembers, true], [Verbs.declineMembers, false]] as const) {
    const action = confirm ? 'members.confirm' : 'members.decline';
    onCardAction(app, verb, decisionInput, async (context, input) =>
      forSchool(context, action, input.schoolId, async (school, role) => {
        const s = strings(turnData(context).language()).members;
        const people = [...new Set(input.people.split(',').map((p) => p.trim().toLowerCase()).filter((p) => GUID.test(p)))].slice(0, MAX_DECIDED);
        if (people.length === 0) return view(context, school, 1, { lead: s.noneSelected, leadTone: 'attention' });
        const changed = await memberships.decide(turnData(context).identity, school, people, confirm, deps.now());
        if (changed > 0) await guard.done(actor(context), role, action, target(school), deps.now(), school.laId, countsNote(confirm ? { confirmed: changed } : { declined: changed }));
        return view(context, school, 1, { lead: fill(confirm ? s.confirmed : s.declined, { count: String(changed) }) });
      }),
    personal);
  }

  onCardAction(app, Verbs.importStaff, importInput, async (context, input) =>
    forSchool(context, 'members.import', input.schoolId, async (school, role) => {
      const lang = turnData(context).language();
      const s = strings(lang).members;
      // What was pasted comes back in the box when the import is refused, so nothing typed is lost.
      const refused = (lead: string) => view(context, school, 1, { lead, leadTone: 'attention', staffList: input.staffList.length <= MAX_STAFF_LIST_CHARS ? input.staffList : '' });
      const outcome = await importStaff({ store: deps.store, memberships }, turnData(context).identity, school, input.staffList, deps.now());
      if (outcome.kind === 'empty') return refused(s.empty);
      if (outcome.kind === 'too-many') return refused(fill(s.tooMany, { lines: String(outcome.lines) }));
      const { report } = outcome;
      await guard.done(actor(context), role, 'members.import', target(school), deps.now(), school.laId,
        countsNote({ confirmed: report.confirmed, already: report.already, rejected: report.rejected.length }));
      return view(context, school, 1, {
        lead: fill(s.report, { school: school.name, confirmed: String(report.confirmed), already: String(report.already), rejected: String(report.rejected.length) }).slice(0, 500),
        leadTone: report.rejected.length > 0 ? 'attention' : 'good',
        rejected: groupedByReason(lang, report),
      });
    }),
  personal);
}

/** The lines turned away, one line per reason with their line numbers as ranges. */
function groupedByReason(language: Language, report: StaffImportReport): string[] {
  return linesByReason(report.rejected, strings(language).members, { maxRuns: MAX_RUNS_PER_REASON, maxLength: 500 });
}
