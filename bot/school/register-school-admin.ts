import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { isTenantAdmin } from '../roles/tenant-admins';
import { renderNoticeCard } from '../../cards/notice-card';
import { renderSchoolAdminCard } from '../../cards/school-admin-card';
import { Verbs, type Verb } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import { updateDocument } from '../storage/update-document';
import type { Language } from '../users/user-record';
import { addHoliday, addSchoolItem, addSchoolLink, holidayId, removeSchoolEntry, setContacts, setCycleStartMonth, type SchoolProblem } from './school-rules';
import { DEFAULT_CYCLE_START_MONTH } from '../appraisal/appraisal-cycle';
import { emptySchoolSettings, legacySchoolKey, type SchoolSettings } from './school-settings';

const personal = { personalOnly: true };
const text = (max: number) => z.union([z.string().max(max), z.number()]).transform(String).optional();

/** Everything the admin card can send; every action carries all of the card's inputs. */
const adminInputSchema = z.object({
  schoolName: text(120),
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
  cycleStartMonth: text(2),
  holidayFrom: text(30),
  holidayTo: text(30),
  /** The school the card was showing: a change is only written to that school. */
  loadedSchool: text(120),
});
type AdminInput = z.infer<typeof adminInputSchema>;

type Rule = (school: SchoolSettings, input: AdminInput) => { ok: true } | { ok: false; problem: SchoolProblem };

const rules: [Verb, Rule][] = [
  [Verbs.saveSchoolContacts, setContacts],
  [Verbs.addSchoolItem, addSchoolItem],
  [Verbs.addSchoolLink, addSchoolLink],
  [Verbs.removeSchoolEntry, (school, input) => removeSchoolEntry(school, input.entryId ?? '')],
  [Verbs.saveSchoolCycle, setCycleStartMonth],
  [Verbs.addSchoolHoliday, addHoliday],
];

function adminCard(language: Language, deps: FeatureDeps, schoolName: string, school: SchoolSettings | undefined, lead?: { text: string; tone: 'good' | 'attention' }): AdaptiveCardJson {
  const stageName = (id: Parameters<FeatureDeps['content']['inductionStage']>[0]) => deps.content.inductionStage(id).name[language];
  return renderSchoolAdminCard(language, {
    lead: lead?.text ?? '',
    leadTone: lead?.tone ?? 'good',
    schoolName,
    dspName: school?.dspName ?? '',
    alncoName: school?.alncoName ?? '',
    stages: deps.content.inductionStageOrder.map((id) => ({ title: stageName(id), value: id })),
    items: (school?.items ?? []).map((i) => ({ id: i.id, label: `${stageName(i.stage)}: ${i.title.cy} / ${i.title.en}` })),
    links: (school?.links ?? []).map((l) => ({ id: l.id, label: `${l.title.cy} / ${l.title.en} (${new URL(l.url).hostname})` })),
    cycleStartMonth: String(school?.cycleStartMonth ?? DEFAULT_CYCLE_START_MONTH),
    months: strings(language).school.months.map((title, i) => ({ title, value: String(i + 1) })),
    holidays: (school?.holidays ?? []).map((h) => ({ id: holidayId(h), label: h.from === h.to ? h.from : `${h.from} – ${h.to}` })),
  });
}

/**
 * `school` / `ysgol`: an administrator (ADMIN_AAD_OBJECT_IDS) sets a school's own
 * induction contacts, items and policy links. Anyone else is told plainly that they cannot.
 */
export function registerSchoolAdmin(app: Application, deps: FeatureDeps): void {
  function refusal(context: TurnContext): AdaptiveCardJson | undefined {
    const { identity, language } = turnData(context);
    if (isTenantAdmin(deps.config, identity)) return undefined;
    const s = strings(language());
    return renderNoticeCard(language(), { title: s.school.title, text: s.school.onlyAdmins, tone: 'attention' });
  }

  async function show(context: TurnContext, schoolName?: string): Promise<AdaptiveCardJson> {
    const { session, identity, language } = turnData(context);
    const name = (schoolName ?? session.user.profile?.school ?? '').trim();
    const key = legacySchoolKey(identity.tenantId, name);
    const school = name ? (await deps.store.schools.read(key, key))?.value : undefined;
    return adminCard(language(), deps, school?.schoolName ?? name, school);
  }

  app.message(commandSelector('school', 'ysgol', 'school settings', 'gosodiadau ysgol'), async (context) =>
    sendPersonalCard(context, async () => refusal(context) ?? (await show(context))),
  );
  onCardAction(app, Verbs.showSchoolAdmin, adminInputSchema, async (context, input) => refusal(context) ?? show(context, input.schoolName), personal);

  for (const [verb, rule] of rules) {
    onCardAction(app, verb, adminInputSchema, async (context, input) => {
      const refused = refusal(context);
      if (refused) return refused;
      const { identity, language } = turnData(context);
      const s = strings(language()).school;
      const name = input.schoolName?.trim() ?? '';
      if (!name) return adminCard(language(), deps, name, undefined, { text: s.errors.schoolRequired, tone: 'attention' });
      const key = legacySchoolKey(identity.tenantId, name);
      // The name field was changed to another school: open that one rather than write the
      // first school's contacts or remove its entries there.
      if (key !== legacySchoolKey(identity.tenantId, input.loadedSchool ?? '')) return show(context, name);
      const found: { problem?: SchoolProblem } = {};
      const saved = await updateDocument(deps.store.schools, key, key, (current) => {
        const school = current ?? emptySchoolSettings(identity.tenantId, name, identity.aadObjectId, deps.now());
        const result = rule(school, input);
        found.problem = result.ok ? undefined : result.problem;
        if (!result.ok) return undefined;
        return { ...school, updatedAt: deps.now().toISOString(), updatedBy: identity.aadObjectId };
      });
      const lead = found.problem ? { text: s.errors[found.problem], tone: 'attention' as const } : { text: s.saved, tone: 'good' as const };
      return adminCard(language(), deps, name, saved?.value, lead);
    }, personal);
  }
}
