import { z } from 'zod';
import template from './team-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { attentionWeight, progressBar, toneStyle } from './tone-kit';
import { fill, strings } from '../bot/i18n/strings';
import type { Language } from '../bot/users/user-record';

/** People (requests and reports together) on one page: the fullest page stays under 80 KB. */
export const TEAM_CARD_PEOPLE = 14;
/** Items awaiting sign-off shown per report: the next comes when it is signed off, and the card says how many wait. */
export const TEAM_CARD_AWAITING = 1;

const page = z.number().int().min(-1).max(100_000);

export const teamCardDataSchema = z
  .object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  /** This page (0-based), the pages either side (-1 at an end), and "People 21 to 40 of 150" when there is more than one. */
  page: page.default(0),
  previousPage: page.default(-1),
  nextPage: page.default(-1),
  pageText: z.string().max(200).default(''),
  reports: z
    .array(
      z.object({
        reportId: z.string().min(1).max(36),
        /** Inert (see bot/text): a stored name of 100 characters at most, escaped. */
        name: z.string().min(1).max(200),
        progressText: z.string().min(1).max(60),
        /** Induction items ticked and in all, for the bar (drawn as the induction stage card draws its own); 0 in all: no bar. */
        done: z.number().int().min(0).max(200).default(0),
        total: z.number().int().min(0).max(200).default(0),
        /** "2 items overdue", in words beside the colour; empty when nothing is. */
        overdueText: z.string().max(40).default(''),
        /** Where their appraisal stands: next meeting, overdue (and whether reminders have stopped), or done. */
        appraisalText: z.string().min(1).max(200),
        appraisalAttention: z.boolean().default(false),
        unreachable: z.boolean().default(false),
        /** They share a self-assessment summary with this manager. */
        sharedSummary: z.boolean().default(false),
        /** Linked by an administrator's import: the manager can decline it ("Not my report"). */
        imported: z.boolean().default(false),
        awaiting: z.array(z.object({ reportId: z.string().min(1).max(36), itemId: z.string().min(1).max(80), title: z.string().min(1).max(250) })).max(TEAM_CARD_AWAITING),
        /** "And 3 more waiting for you after these." */
        moreAwaiting: z.string().max(70).default(''),
      }),
    )
    .max(TEAM_CARD_PEOPLE),
  /** People who name this manager and wait for an answer. */
  requests: z.array(z.object({ reportId: z.string().min(1).max(36), name: z.string().min(1).max(200) })).max(TEAM_CARD_PEOPLE).default([]),
  })
  .refine((d) => d.reports.length + d.requests.length <= TEAM_CARD_PEOPLE, { message: `at most ${TEAM_CARD_PEOPLE} people on a page` });
export type TeamCardData = z.input<typeof teamCardDataSchema>;

/** Characters of a name that a button's accessible name carries. */
const NAME_IN_BUTTON = 40;
/** Shorter for a row's own buttons (appraisal, summary, not my report): three to a row, on every row of a full page. */
const NAME_IN_ROW_BUTTON = 24;

/** `text` cut to `max` characters (whole code points), marked with an ellipsis when cut. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** A line manager's view of their reports' induction and appraisal, with sign-off where it waits on them. */
export function renderTeamCard(language: Language, data: TeamCardData): AdaptiveCardJson {
  const d = teamCardDataSchema.parse(data);
  const s = strings(language).teamNotices;
  const b = strings(language).teamButtons;
  return expandCard(template, language, {
    ...d,
    leadStyle: toneStyle(d.leadTone),
    // Buttons repeated down the card say whom (and which item) they act on, for screen readers.
    // Clipped, so a page at its fullest still fits a message; enough is left to tell the rows apart.
    requests: d.requests.map((r) => ({ ...r, acceptTitle: fill(s.acceptNamed, { name: clip(r.name, NAME_IN_BUTTON) }), declineTitle: fill(s.declineNamed, { name: clip(r.name, NAME_IN_BUTTON) }) })),
    reports: d.reports.map((r) => ({
      ...r,
      bar: progressBar(r.done, r.total),
      appraisalWeight: attentionWeight(r.appraisalAttention),
      appraisalTitle: fill(b.appraisalOf, { name: clip(r.name, NAME_IN_ROW_BUTTON) }),
      summaryTitle: fill(b.summaryOf, { name: clip(r.name, NAME_IN_ROW_BUTTON) }),
      notMyReportTitle: fill(b.notMyReportOf, { name: clip(r.name, NAME_IN_ROW_BUTTON) }),
      // The item's title sits just above its button (one item a report at a time), so the button says whose it is in words that fit.
      awaiting: r.awaiting.map((a) => ({ ...a, actionTitle: fill(b.signOffFor, { name: clip(r.name, NAME_IN_ROW_BUTTON) }) })),
    })),
  });
}
