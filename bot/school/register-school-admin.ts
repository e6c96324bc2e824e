import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { MAX_ENTRY_LABEL, renderSchoolAdminCard } from '../../cards/school-admin-card';
import { inertMarkdown } from '../text/inert-markdown';
import { shortenTypedText } from '../text/shorten-typed-text';
import { Verbs, type Verb } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { updateDocument } from '../storage/update-document';
import type { Language } from '../users/user-record';
import { administeredSchoolChooser, administers, schoolDetail } from './administered-school-chooser';
import { schoolIdInput } from '../register/school-id-input';
import type { SchoolEntry } from '../register/school-entry';
import type { AuditAction } from '../audit/audit-action';
import type { SchoolServices } from '../roles/school-services';
import { refusalCard } from '../roles/refusal-card';
import type { HeldRoles } from '../roles/admin-scope';
import { addHoliday, addSchoolItem, addSchoolLink, holidayId, removeSchoolEntry, setContacts, setCycleStartMonth, type SchoolProblem } from './school-rules';
import { DEFAULT_CYCLE_START_MONTH } from '../appraisal/appraisal-cycle';
import { schoolKey, type SchoolSettings } from './school-settings';

const personal = { personalOnly: true };
const text = (max: number) => z.union([z.string().max(max), z.number()]).transform(String).optional();

/** Everything the admin card can send; every action carries all of the card's inputs. */
const adminInputSchema = z.object({
  schoolId: schoolIdInput,
  dspName: text(100),
  alncoName: text(100),
  stage: text(40),
  titleEn: text(120),
  titleCy: text(120),
  whatEn: text(500),
  whatCy: text(500),
  dayOffset: text(10),
  signOff: text(5),
  linkTitleEn: text(120),
  linkTitleCy: text(120),
  url: text(500),
  entryId: text(40),
  /** Which list a Remove button belongs to, and the entry chosen in that list. */
  remove: z.enum(['item', 'link', 'holiday']).optional(),
  removeItem: text(40),
  removeLink: text(40),
  removeHoliday: text(40),
  cycleStartMonth: text(2),
  holidayFrom: text(30),
  holidayTo: text(30),
});
type AdminInput = z.infer<typeof adminInputSchema>;

type Rule = (school: SchoolSettings, input: AdminInput) => { ok: true } | { ok: false; problem: SchoolProblem };

/** Each settings verb, the rule it applies and the name it is audited under. */
const rules: [Verb, Rule, AuditAction][] = [
  [Verbs.saveSchoolContacts, setContacts, 'school.contacts'],
  [Verbs.addSchoolItem, addSchoolItem, 'school.add-item'],
  [Verbs.addSchoolLink, addSchoolLink, 'school.add-link'],
  [Verbs.removeSchoolEntry, (school, input) => removeSchoolEntry(school, chosenEntry(input)), 'school.remove-entry'],
  [Verbs.saveSchoolCycle, setCycleStartMonth, 'school.cycle'],
  [Verbs.addSchoolHoliday, addHoliday, 'school.add-holiday'],
];

/** The entry a Remove button acts on: the one chosen in its own list (or named by an older card). */
function chosenEntry(input: AdminInput): string {
  const chosen = input.remove === 'item' ? input.removeItem : input.remove === 'link' ? input.removeLink : input.remove === 'holiday' ? input.removeHoliday : input.entryId;
  return chosen ?? '';
}

/**
 * A label of typed titles for the card's list: each title cut to 50 characters before it is
 * made inert (so an escape is never split), and the whole kept within the card's bound (an
 * inert title can at most double).
 */
const fitLabel = (label: string) => shortenTypedText(inertMarkdown(label), MAX_ENTRY_LABEL);

function adminCard(language: Language, deps: FeatureDeps, school: SchoolSettings & { entry: SchoolEntry }, lead?: { text: string; tone: 'good' | 'attention' }): AdaptiveCardJson {
  const stageName = (id: Parameters<FeatureDeps['content']['inductionStage']>[0]) => deps.content.inductionStage(id).name[language];
  return renderSchoolAdminCard(language, {
    lead: lead?.text ?? '',
    leadTone: lead?.tone ?? 'good',
    schoolId: school.entry.id,
    schoolName: school.entry.name,
    schoolDetail: schoolDetail(language, deps, school.entry),
    dspName: school.dspName ?? '',
    alncoName: school.alncoName ?? '',
    stages: deps.content.inductionStageOrder.map((id) => ({ title: stageName(id), value: id })),
    items: school.items.map((i) => ({ id: i.id, label: fitLabel(`${stageName(i.stage)}: ${shortenTypedText(i.title.cy, 50)} / ${shortenTypedText(i.title.en, 50)}`) })),
    links: school.links.map((l) => ({ id: l.id, label: fitLabel(`${shortenTypedText(l.title.cy, 50)} / ${shortenTypedText(l.title.en, 50)} (${shortenTypedText(new URL(l.url).hostname, 40)})`) })),
    cycleStartMonth: String(school.cycleStartMonth ?? DEFAULT_CYCLE_START_MONTH),
    months: strings(language).school.months.map((title, i) => ({ title, value: String(i + 1) })),
    holidays: school.holidays.map((h) => ({ id: holidayId(h), label: h.from === h.to ? h.from : `${h.from} – ${h.to}` })),
  });
}

/**
 * `school` / `ysgol`: a school's administrator (or its local authority's, or the tenant's)
 * sets the school's own induction contacts, items, policy links, appraisal month and
 * holidays. The school is always a registered one, named by id in the card's data, and
 * every action asks the guard again; anyone else is refused and the refusal audited.
 */
export function registerSchoolAdmin(app: Application, deps: FeatureDeps, schools: SchoolServices): void {
  const actor = (context: TurnContext) => ({ identity: turnData(context).identity, name: turnData(context).session.user.name });

  async function open(context: TurnContext, schoolId: string, action: AuditAction = 'school.open'): Promise<AdaptiveCardJson> {
    const language = turnData(context).language();
    const verdict = await schools.guard.forSchool(actor(context), action, schoolId, deps.now());
    if (!verdict.ok) return refusalCard(language, verdict.reason);
    return adminCard(language, deps, { ...verdict.stored.value, entry: verdict.target });
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
    return administeredSchoolChooser(lang, deps, mine, { find, verb: Verbs.showSchoolAdmin, title: s.chooseTitle, intro: s.chooseIntro, action: s.openShort, actionFor: s.openSchool });
  }

  app.message(commandSelector('school', 'ysgol', 'school settings', 'gosodiadau ysgol'), async (context) => sendPersonalCard(context, () => choose(context)));
  const showInput = z.object({ schoolId: schoolIdInput.optional(), schoolFind: z.string().max(80).optional() });
  onCardAction(app, Verbs.showSchoolAdmin, showInput, async (context, input) =>
    input.schoolId !== undefined ? open(context, input.schoolId) : choose(context, input.schoolFind?.trim() ?? ''), personal);

  for (const [verb, rule, action] of rules) {
    onCardAction(app, verb, adminInputSchema, async (context, input) => {
      const { identity, language } = turnData(context);
      const lang = language();
      const verdict = await schools.guard.forSchool(actor(context), action, input.schoolId, deps.now());
      if (!verdict.ok) return refusalCard(lang, verdict.reason);
      const entry = verdict.target;
      const key = schoolKey(identity.tenantId, entry.id);
      const found: { problem?: SchoolProblem } = {};
      const saved = await updateDocument(deps.store.schools, key, key, (current) => {
        if (!current) return undefined;
        const result = rule(current, input);
        found.problem = result.ok ? undefined : result.problem;
        if (!result.ok) return undefined;
        return { ...current, updatedAt: deps.now().toISOString(), updatedBy: identity.aadObjectId };
      }, { stored: verdict.stored });
      if (!saved?.value.entry) return refusalCard(lang, 'unknown-school');
      if (!found.problem) await schools.guard.done(actor(context), verdict.role, action, { kind: 'school', id: entry.id, label: entry.name }, deps.now(), entry.laId);
      const s = strings(lang).school;
      const lead = found.problem ? { text: s.errors[found.problem], tone: 'attention' as const } : { text: s.saved, tone: 'good' as const };
      return adminCard(lang, deps, { ...saved.value, entry: saved.value.entry }, lead);
    }, personal);
  }
}
