import { renderInductionCompleteCard } from '../../cards/induction-complete-card';
import { renderInductionStageCard, STAGE_CARD_ITEMS } from '../../cards/induction-stage-card';
import { cardPage } from '../../cards/card-pages';
import { renderInductionStartCard } from '../../cards/induction-start-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { Content } from '../content/content';
import type { InductionStageId } from '../content/induction-schemas';
import { fill, strings } from '../i18n/strings';
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

/** A date as people in Wales read it, in their language: "3 Medi 2026", "3 September 2026". */
export function readableDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'cy' ? 'cy-GB' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function itemView(planned: PlannedItem, language: Language, contacts: SchoolExtras) {
  const s = strings(language).induction;
  const { item, status, due } = planned;
  const contactName = item.contact ? contacts[item.contact] : undefined;
  const contactLine = item.contact
    ? contactName
      ? fill(item.contact === 'dsp' ? s.contactDsp : s.contactAlnco, { name: contactName })
      : s.contactUnknown
    : '';
  return {
    id: item.id,
    title: item.title[language],
    status,
    statusLine: `${s.status[status]} · ${fill(s.due, { date: readableDate(due, language) })}`,
    canTick: !(status === 'done' || status === 'signed-off' || status === 'awaiting-sign-off'),
    canUndo: status === 'done' || status === 'awaiting-sign-off',
    why: item.why[language],
    what: item.what[language],
    contactLine,
    linkUrl: item.link?.url ?? '',
    linkLabel: item.link?.label[language] ?? '',
  };
}

/** One stage of the plan as its card (one page of its items), with the way to the stages either side. */
export function stageCard(
  language: Language,
  content: Content,
  plan: InductionPlan,
  stageId: InductionStageId,
  extras: SchoolExtras,
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
  const at = cardPage(stage.items.length, page, STAGE_CARD_ITEMS);
  const pages = strings(language).inductionPages;
  return renderInductionStageCard(language, {
    lead: lead?.text ?? '',
    leadTone: lead?.tone ?? 'good',
    stageId,
    stageName: names.name[language],
    stageSummary: names.summary[language],
    done: plan.ticked,
    total: plan.total,
    progressText: fill(s.progress, { done: String(plan.ticked), total: String(plan.total) }),
    items: stage.items.slice(at.start, at.end).map((p) => itemView(p, language, extras)),
    page: at.page,
    previousPage: at.previous,
    nextPage: at.next,
    pageText: at.total > STAGE_CARD_ITEMS ? fill(pages.showing, { from: String(at.start + 1), to: String(at.end), total: String(at.total) }) : '',
    policiesTitle: strings(language).school.policiesTitle,
    policies: extras.policies,
    navigation: [
      ...(previous ? [{ title: `← ${s.previousStage}: ${content.inductionStage(previous.id).name[language]}`, stage: previous.id }] : []),
      ...(next ? [{ title: `${s.nextStage}: ${content.inductionStage(next.id).name[language]} →`, stage: next.id }] : []),
    ],
  });
}

export function startCard(language: Language, startDate: string, error = '', mode: 'new' | 'refresher' = 'new'): AdaptiveCardJson {
  return renderInductionStartCard(language, { startDate, error, mode });
}

export function completeCard(language: Language, plan: InductionPlan, priorities: string[]): AdaptiveCardJson {
  const last = plan.stages[plan.stages.length - 1];
  return renderInductionCompleteCard(language, { priorities, lastStage: last?.id ?? 'first-day' });
}
