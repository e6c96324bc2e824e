import { z } from 'zod';
import template from './self-assessment-results-card.json';
import { expandCard, withRefresh, type AdaptiveCardJson } from './card-kit';
import { progressBar, toneStyle } from './tone-kit';
import { verbSchema } from './verbs';
import type { Language } from '../bot/users/user-record';
import { strings } from '../bot/i18n/strings';

/** Resources shown per priority at first sight (and for a person's own skills). */
export const RESOURCES_SHOWN = 3;

/** Resources a priority holds behind its "more resources" button (the card's size bounds it). */
export const RESOURCES_MORE = 5;

/**
 * One resource as the card lists it. The bounds leave room above the library's longest
 * (92-character title, 330-character summary, 31-character address, 36-character kind and
 * languages) while keeping a card of
 * three priorities with all their resources under Teams' size limit.
 */
export const resultsResourceSchema = z.object({
  title: z.string().min(1).max(120),
  summary: z.string().max(400),
  url: z.string().url().max(200),
  /** "Guidance · In English only" */
  meta: z.string().min(1).max(60),
});

export const selfAssessmentResultsCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  /** For a manager, names the person (inert): up to 200 characters of name in a sentence. */
  title: z.string().min(1).max(300),
  intro: z.string().max(500).default(''),
  completedOn: z.string().min(1).max(300),
  comparedWith: z.string().max(200).default(''),
  areas: z
    .array(
      z.object({
        name: z.string().min(1).max(120),
        bandLabel: z.string().min(1).max(60),
        /** 0–100, or null when every statement was skipped. */
        score: z.number().min(0).max(100).nullable(),
        change: z.enum(['better', 'same', 'lower']).optional(),
        changeLabel: z.string().max(60).default(''),
      }),
    )
    .min(1)
    // Eight areas today.
    .max(10),
  priorities: z
    .array(
      z.object({
        heading: z.string().min(1).max(160),
        resources: z.array(resultsResourceSchema).max(RESOURCES_SHOWN),
        /** Further resources, hidden until the person asks for them: title and kind only, to keep the card short. */
        more: z.array(resultsResourceSchema.omit({ summary: true })).max(RESOURCES_MORE).default([]),
        /** The buttons that show and hide them, naming the priority they belong to. */
        moreTitle: z.string().max(160).default(''),
        lessTitle: z.string().max(160).default(''),
        /** Every resource for this priority is already listed under an earlier one. */
        coveredAbove: z.boolean().default(false),
      }),
    )
    .max(3),
  ownSkills: z.array(resultsResourceSchema).max(RESOURCES_SHOWN).default([]),
  sharing: z.string().max(300).default(''),
  actions: z.array(z.object({ title: z.string().min(1).max(100), verb: verbSchema, data: z.record(z.unknown()) })).max(5).default([]),
  /** Set for a card the bot asks Teams to redraw each time it is viewed (a shared summary). */
  refresh: z.object({ verb: verbSchema, data: z.record(z.unknown()), userIds: z.array(z.string().min(1).max(60)).min(1).max(1) }).optional(),
});
export type SelfAssessmentResultsCardData = z.input<typeof selfAssessmentResultsCardDataSchema>;

/**
 * Results of a self-assessment: a bar per area (its length the score), the band in words,
 * how it moved since last time, the priorities with a few resources each (the rest behind a
 * button that shows them without a round trip), and signposting for the
 * person's own literacy and numeracy. The same card, without answers' actions, is what a
 * line manager sees of a shared summary.
 */
export function renderSelfAssessmentResultsCard(language: Language, data: SelfAssessmentResultsCardData): AdaptiveCardJson {
  const d = selfAssessmentResultsCardDataSchema.parse(data);
  const card = expandCard(template, language, {
    ...d,
    leadStyle: toneStyle(d.leadTone),
    // Ids for the show/hide toggles, unique on the card.
    priorities: d.priorities.map((p, i) => ({ ...p, moreId: `more-resources-${i + 1}` })),
    areas: d.areas.map((a) => ({
      name: a.name,
      bandLabel: a.bandLabel,
      rated: a.score !== null,
      bar: progressBar(a.score ?? 0, 100),
      change: a.changeLabel,
    })),
  });
  if (d.actions.length === 0) delete card.actions;
  return d.refresh ? withRefresh(card, { ...d.refresh, title: strings(language).selfAssessment.refresh }) : card;
}
