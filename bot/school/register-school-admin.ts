import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { SCHOOL_SECTIONS, type SchoolDraft, type SchoolSection } from '../../cards/school-admin-card';
import { Verbs, type Verb } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { updateDocument } from '../storage/update-document';
import type { Language } from '../users/user-record';
import { administeredSchoolChooser, administers } from './administered-school-chooser';
import { schoolIdInput } from '../register/school-id-input';
import type { AuditAction } from '../audit/audit-action';
import type { SchoolServices } from '../roles/school-services';
import { refusalCard } from '../roles/refusal-card';
import { removeSchoolEntry, saveHolidays, saveSchoolItems, saveSchoolLinks, setContacts, setCycleStartMonth, type SchoolProblem } from './school-rules';
import { DEFAULT_CYCLE_START_MONTH } from '../appraisal/appraisal-cycle';
import { schoolKey, type SchoolSettings } from './school-settings';
import { forgetSection, mergeDraft, typedFieldsSchema } from './school-admin-draft';
import { schoolAdminCard, type SchoolAdminView } from './school-admin-view';
import { problemField } from './school-problem-fields';

const personal = { personalOnly: true };
const text = (max: number) => z.union([z.string().max(max), z.number()]).transform(String).optional();

/**
 * Everything the admin card can send: the inputs of the part shown, what its buttons carry
 * from the other parts (`draft`), and for an older card's Remove button the entry it names.
 */
const adminInputSchema = typedFieldsSchema.extend({
  schoolId: schoolIdInput,
  draft: typedFieldsSchema.optional(),
  entryId: text(40),
  /** Which list an older card's Remove button belongs to, and the entry chosen in that list. */
  remove: z.enum(['item', 'link', 'holiday']).optional(),
  removeItem: text(40),
  removeLink: text(40),
  removeHoliday: text(40),
});
type AdminInput = z.infer<typeof adminInputSchema>;

type Rule = (school: SchoolSettings, draft: SchoolDraft, input: AdminInput) => { ok: true } | { ok: false; problem: SchoolProblem };

/** Each settings verb, the part of the card it saves, the rule it applies and the name it is audited under. */
const rules: [Verb, SchoolSection, Rule, AuditAction][] = [
  [Verbs.saveSchoolContacts, 'contacts', (school, draft) => setContacts(school, draft), 'school.contacts'],
  [Verbs.addSchoolItem, 'items', (school, draft) => saveSchoolItems(school, draft), 'school.add-item'],
  [Verbs.addSchoolLink, 'links', (school, draft) => saveSchoolLinks(school, draft), 'school.add-link'],
  [Verbs.saveSchoolCycle, 'cycle', (school, draft) => setCycleStartMonth(school, draft), 'school.cycle'],
  [Verbs.addSchoolHoliday, 'holidays', (school, draft) => saveHolidays(school, draft), 'school.add-holiday'],
  // Older cards: one Remove button per list, or per entry.
  [Verbs.removeSchoolEntry, 'summary', (school, _draft, input) => removeSchoolEntry(school, chosenEntry(input)), 'school.remove-entry'],
];

/** The entry an older card's Remove button acts on: the one chosen in its own list, or the one it names. */
function chosenEntry(input: AdminInput): string {
  const chosen = input.remove === 'item' ? input.removeItem : input.remove === 'link' ? input.removeLink : input.remove === 'holiday' ? input.removeHoliday : input.entryId;
  return chosen ?? '';
}

/** The answer to a save, beside its button: saved (the appraisal month says when it applies), or what is wrong and where. */
function answer(language: Language, section: SchoolSection, draft: SchoolDraft, saved: SchoolSettings, problem: SchoolProblem | undefined): Pick<SchoolAdminView, 'feedback' | 'fieldError'> {
  const s = strings(language).school;
  if (!problem) {
    const month = s.months[(saved.cycleStartMonth ?? DEFAULT_CYCLE_START_MONTH) - 1] ?? '';
    return { feedback: { text: section === 'cycle' ? fill(s.savedCycle, { month }) : s.saved, tone: 'good' } };
  }
  const field = problemField(problem, section, draft);
  if (!field) return { feedback: { text: s.errors[problem], tone: 'attention' } };
  return { feedback: { text: s.notSaved, tone: 'attention' }, fieldError: { field, text: s.errors[problem] } };
}

/**
 * `school` / `ysgol`: a school's administrator (or its local authority's, or the tenant's)
 * sets the school's own induction contacts, items, policy links, appraisal month and
 * holidays. The school is always a registered one, named by id in the card's data, and
 * every action asks the guard again; anyone else is refused and the refusal audited.
 */
export function registerSchoolAdmin(app: Application, deps: FeatureDeps, schools: SchoolServices): void {
  const actor = (context: TurnContext) => ({ identity: turnData(context).identity, name: turnData(context).session.user.name });

  async function open(context: TurnContext, schoolId: string, section: SchoolSection = 'summary', draft: SchoolDraft = {}): Promise<AdaptiveCardJson> {
    const language = turnData(context).language();
    const verdict = await schools.guard.forSchool(actor(context), 'school.open', schoolId, deps.now());
    if (!verdict.ok) return refusalCard(language, verdict.reason);
    return schoolAdminCard(language, deps, { ...verdict.stored.value, entry: verdict.target }, { section, draft });
  }

  /** With no school named: the one school a school administrator runs, else a chooser of the schools in their scope. */
  async function choose(context: TurnContext, find = ''): Promise<AdaptiveCardJson> {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await schools.guard.anyRole(actor(context), 'school.choose', deps.now());
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const held = verdict.target;
    if (!held.tenant && held.las.length === 0 && held.schools.length === 1 && find === '') return open(context, held.schools[0]!);
    const mine = (await schools.register.catalogue(identity.tenantId)).filter((e) => administers(held, e));
    const s = strings(lang).school;
    return administeredSchoolChooser(lang, deps, mine, { find, verb: Verbs.showSchoolAdmin, title: s.chooseTitle, intro: s.chooseIntro, action: s.openSettings, actionFor: s.openSettingsFor });
  }

  app.message(commandSelector('school', 'ysgol', 'school settings', 'gosodiadau ysgol'), async (context) => sendPersonalCard(context, () => choose(context)));
  // Choosing a part of the card sends the inputs of the part shown and carries the rest: all stay typed.
  const showInput = typedFieldsSchema.extend({
    schoolId: schoolIdInput.optional(),
    schoolFind: z.string().max(80).optional(),
    section: z.enum(SCHOOL_SECTIONS).optional(),
    draft: typedFieldsSchema.optional(),
  });
  onCardAction(app, Verbs.showSchoolAdmin, showInput, async (context, input) =>
    input.schoolId !== undefined ? open(context, input.schoolId, input.section, mergeDraft(input.draft, input)) : choose(context, input.schoolFind?.trim() ?? ''), personal);

  for (const [verb, section, rule, action] of rules) {
    onCardAction(app, verb, adminInputSchema, async (context, input) => {
      const { identity, language } = turnData(context);
      const lang = language();
      const verdict = await schools.guard.forSchool(actor(context), action, input.schoolId, deps.now());
      if (!verdict.ok) return refusalCard(lang, verdict.reason);
      const entry = verdict.target;
      const key = schoolKey(identity.tenantId, entry.id);
      const draft = mergeDraft(input.draft, input);
      const found: { problem?: SchoolProblem } = {};
      const saved = await updateDocument(deps.store.schools, key, key, (current) => {
        if (!current) return undefined;
        const result = rule(current, draft, input);
        found.problem = result.ok ? undefined : result.problem;
        if (!result.ok) return undefined;
        return { ...current, updatedAt: deps.now().toISOString(), updatedBy: identity.aadObjectId };
      }, { stored: verdict.stored });
      if (!saved?.value.entry) return refusalCard(lang, 'unknown-school');
      if (!found.problem) await schools.guard.done(actor(context), verdict.role, action, { kind: 'school', id: entry.id, label: entry.name }, deps.now(), entry.laId);
      // A save clears only its own part's typing; a refused one keeps everything, marked where it is wrong.
      const view = { section, draft: found.problem ? draft : forgetSection(draft, section), ...answer(lang, section, draft, saved.value, found.problem) };
      return schoolAdminCard(lang, deps, { ...saved.value, entry: saved.value.entry }, view);
    }, personal);
  }
}
