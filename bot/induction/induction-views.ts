import { renderInductionCompleteCard } from '../../cards/induction-complete-card';
import { renderInductionStageCard, SHORT_LIST, shortTitle, STAGE_CARD_ITEMS } from '../../cards/induction-stage-card';
import { cardPage } from '../../cards/card-pages';
import { renderInductionStartCard } from '../../cards/induction-start-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { Verbs } from '../../cards/verbs';
import type { Content } from '../content/content';
import type { InductionStageId } from '../content/induction-schemas';
import { fill, strings } from '../i18n/strings';
import { writeDate } from '../i18n/date-writer';
import type { SchoolSettings } from '../school/school-settings';
import type { Language } from '../users/user-record';
import { inertMarkdown } from '../text/inert-markdown';
import type { InductionPlan, PlannedItem } from './induction-plan';

/** What a school added that the stage card shows: its contacts' names and policy links. */
export interface SchoolExtras {
  dsp?: string;
  alnco?: string;
  policies: { title: string; url: string }[];
}

/** The school's additions in the reader's language (none when the school set nothing). */
export function schoolExtras(school: SchoolSettings | undefined, language: Language): SchoolExtras {
  return {
    // Typed by the school's administrator, read by all its staff.
    dsp: school?.dspName ? inertMarkdown(school.dspName) : undefined,
    alnco: school?.alncoName ? inertMarkdown(school.alncoName) : undefined,
    policies: (school?.links ?? []).map((l) => ({ title: l.title[language], url: l.url })),
  };
}

const readableFormats: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  cy: new Intl.DateTimeFormat('cy-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A date as people in Wales read it, in their language: "3 Medi 2026", "3 September 2026". */
export function readableDate(date: string, language: Language): string {
  return writeDate(readableFormats, new Date(`${date}T12:00:00Z`), language);
}

/** The person's own situation the stage card speaks to, beyond the plan itself. */
export interface StageContext {
  /** False when no line manager is named: items needing sign-off say so, with a way to name one. */
  hasManager: boolean;
  startDate: string;
  today: string;
  priorities: readonly string[];
}

function itemView(planned: PlannedItem, language: Language, contacts: SchoolExtras, hasManager: boolean) {
  const s = strings(language).induction;
  const steps = strings(language).inductionSteps;
  const { item, status, due } = planned;
  const contactName = item.contact ? contacts[item.contact] : undefined;
  const contactLine = item.contact
    ? contactName
      ? fill(item.contact === 'dsp' ? s.contactDsp : s.contactAlnco, { name: contactName })
      : s.contactUnknown
    : '';
  const title = item.title[language];
  const statusText = status === 'catch-up' ? steps.catchUpStatus : s.status[status];
  return {
    id: item.id,
    title,
    status,
    statusLine:
      status === 'awaiting-sign-off' && !hasManager ? steps.awaitingNoManager : `${statusText} · ${fill(s.due, { date: readableDate(due, language) })}`,
    canTick: !(status === 'done' || status === 'signed-off' || status === 'awaiting-sign-off'),
    canUndo: status === 'done' || status === 'awaiting-sign-off',
    why: item.why[language],
    what: item.what[language],
    contactLine,
    linkUrl: item.link?.url ?? '',
    linkLabel: item.link?.label[language] ?? '',
  };
}

/** "yesterday", "10 days ago", "3 weeks ago": how long since `from`, as a person says it. */
export function timeAgo(from: string, today: string, language: Language): string {
  const ago = strings(language).inductionSteps.ago;
  const days = Math.round((Date.parse(`${today}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
  if (days <= 1) return ago.yesterday;
  if (days < 14) return days === 7 ? ago.week : fill(ago.days, { count: String(days) });
  return fill(ago.weeks, { count: String(Math.floor(days / 7)) });
}

/** The first few of a list, and "and 3 more" for the rest. */
function shortList(all: string[], language: Language): { shown: string[]; more: string } {
  const rest = all.length - SHORT_LIST;
  return { shown: all.slice(0, SHORT_LIST), more: rest > 0 ? fill(strings(language).inductionSteps.andMore, { count: String(rest) }) : '' };
}

/** What to catch up on: when the person started (if that was before today) and the first few items, oldest first. */
function catchUpView(plan: InductionPlan, language: Language, at: StageContext) {
  const steps = strings(language).inductionSteps;
  if (plan.catchUp.length === 0) return {};
  const titles = plan.catchUp.map((p) => `${shortTitle(p.item.title[language])} (${fill(strings(language).induction.due, { date: readableDate(p.due, language) })})`);
  const { shown, more } = shortList(titles, language);
  return {
    catchUpLead: at.startDate < at.today ? fill(steps.catchUpStarted, { ago: timeAgo(at.startDate, at.today, language) }) : '',
    catchUpCount: fill(steps.catchUpCount, { count: String(plan.catchUp.length) }),
    catchUpItems: shown,
    catchUpMore: more,
  };
}

/** With no line manager named: every item that needs one and is not signed off yet. */
function noManagerView(plan: InductionPlan, language: Language, at: StageContext) {
  if (at.hasManager) return {};
  const waiting = plan.stages.flatMap((st) => st.items).filter((p) => p.item.signOff && p.status !== 'signed-off');
  const { shown, more } = shortList(
    waiting.map((p) => shortTitle(p.item.title[language])),
    language,
  );
  return { noManagerItems: shown, noManagerMore: more };
}

/** "18 of 21 done", and how many of the rest are done but wait for sign-off: a finished induction is the only full bar. */
export function progressText(plan: InductionPlan, language: Language): string {
  const s = strings(language);
  const values = { done: String(plan.finished), total: String(plan.total), waiting: String(plan.awaitingSignOff) };
  return plan.awaitingSignOff > 0 ? fill(s.inductionSteps.progressWaiting, values) : fill(s.induction.progress, values);
}

/** One stage of the plan as its card (one page of its items), with the way to the stages either side. */
export function stageCard(
  language: Language,
  content: Content,
  plan: InductionPlan,
  stageId: InductionStageId,
  extras: SchoolExtras,
  at: StageContext,
  lead?: { text: string; tone: 'good' | 'attention' },
  page = 0,
): AdaptiveCardJson {
  const s = strings(language).induction;
  const index = plan.stages.findIndex((st) => st.id === stageId);
  const stage = plan.stages[index];
  if (!stage) throw new Error(`stage ${stageId} is not in this plan`);
  const names = content.inductionStage(stageId);
  const previous = plan.stages[index - 1];
  const next = plan.stages[index + 1];
  const pageAt = cardPage(stage.items.length, page, STAGE_CARD_ITEMS);
  const pages = strings(language).inductionPages;
  return renderInductionStageCard(language, {
    lead: lead?.text ?? '',
    leadTone: lead?.tone ?? 'good',
    stageId,
    stageName: names.name[language],
    stageSummary: names.summary[language],
    done: plan.finished,
    total: plan.total,
    progressText: progressText(plan, language),
    items: stage.items.slice(pageAt.start, pageAt.end).map((p) => itemView(p, language, extras, at.hasManager)),
    page: pageAt.page,
    previousPage: pageAt.previous,
    nextPage: pageAt.next,
    pageText:
      pageAt.total > STAGE_CARD_ITEMS ? fill(pages.showing, { from: String(pageAt.start + 1), to: String(pageAt.end), total: String(pageAt.total) }) : '',
    ...catchUpView(plan, language, at),
    ...noManagerView(plan, language, at),
    priorities: [...at.priorities],
    policiesTitle: strings(language).school.policiesTitle,
    policies: extras.policies,
    navigation: [
      ...(previous ? [{ title: `← ${s.previousStage}: ${content.inductionStage(previous.id).name[language]}`, stage: previous.id }] : []),
      ...(next ? [{ title: `${s.nextStage}: ${content.inductionStage(next.id).name[language]} →`, stage: next.id }] : []),
    ],
  });
}

/**
 * The start form. `editing`: the person already started and is moving their start date, so
 * the card says their ticks are kept, its button says it saves the date, and it offers the
 * way back to the checklist.
 */
export function startCard(language: Language, startDate: string, error = '', mode: 'new' | 'refresher' = 'new', editing = false): AdaptiveCardJson {
  return renderInductionStartCard(language, { startDate, error, mode, editing });
}

/** Where the person's self-assessment stands, which decides the next step offered after induction. */
export type SelfAssessmentStage = 'not-started' | 'in-progress' | 'done';

/** The end of induction: the priorities noted, and the self-assessment step that fits where it stands. */
export function completeCard(language: Language, plan: InductionPlan, priorities: string[], selfAssessment: SelfAssessmentStage = 'not-started'): AdaptiveCardJson {
  const last = plan.stages[plan.stages.length - 1];
  const s = strings(language);
  const next =
    selfAssessment === 'done'
      ? { text: s.inductionSteps.selfAssessmentDoneStep, title: s.inductionSteps.seeSelfAssessment, verb: Verbs.showSelfAssessmentResults }
      : selfAssessment === 'in-progress'
        ? { text: s.inductionSteps.selfAssessmentOpenStep, title: s.inductionSteps.continueSelfAssessment, verb: Verbs.startSelfAssessment }
        : { text: s.induction.nextStep, title: s.common.startSelfAssessment, verb: Verbs.startSelfAssessment };
  return renderInductionCompleteCard(language, { priorities, lastStage: last?.id ?? 'first-day', nextStep: next });
}
