import { z } from 'zod';
import template from './members-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { toneStyle } from './tone-kit';
import { fill, strings } from '../bot/i18n/strings';
import type { Language } from '../bot/users/user-record';

/** People listed per page, and pending people shown at once (a decision covers them; the next come after). */
export const MEMBERS_PAGE_SIZE = 20;
/** What the staff list box holds: 1,000 lines of the longest email a school would use. */
/** The pasted list a refused import shows again: about 40 KB in UTF-16, so the card stays well under Teams' limit. */
export const MAX_STAFF_LIST_CHARS = 20_000;

const name = z.string().min(1).max(100);

export const membersCardDataSchema = z.object({
  lead: z.string().max(500).default(''),
  leadTone: z.enum(['good', 'attention']).default('good'),
  /** One line per reason lines of an import were not imported. */
  rejected: z.array(z.string().min(1).max(500)).max(10).default([]),
  schoolId: z.string().min(1).max(80),
  schoolName: z.string().min(1).max(400),
  /** People waiting (their object ids and names), oldest first; `pendingCount` is all of them. */
  pending: z.array(z.object({ id: z.string().min(1).max(80), name })).max(MEMBERS_PAGE_SIZE).default([]),
  pendingCount: z.number().int().min(0).default(0),
  /** One page of confirmed staff's names; `confirmedCount` is all of them. */
  confirmed: z.array(name).max(MEMBERS_PAGE_SIZE).default([]),
  confirmedCount: z.number().int().min(0).default(0),
  page: z.number().int().min(1).default(1),
  /** What was pasted, kept when an import is refused. */
  staffList: z.string().max(MAX_STAFF_LIST_CHARS).default(''),
});
export type MembersCardData = z.input<typeof membersCardDataSchema>;

/**
 * A school administrator's card of the school's staff: the people waiting for
 * confirmation (all selected, to confirm or decline at once), the confirmed staff a page
 * at a time, and a box to import the staff list.
 */
export function renderMembersCard(language: Language, data: MembersCardData): AdaptiveCardJson {
  const d = membersCardDataSchema.parse(data);
  const s = strings(language).members;
  const pages = Math.max(1, Math.ceil(d.confirmedCount / MEMBERS_PAGE_SIZE));
  const page = Math.min(d.page, pages);
  return expandCard(template, language, {
    lead: d.lead,
    leadStyle: toneStyle(d.leadTone),
    rejected: d.rejected,
    title: fill(s.title, { school: d.schoolName }),
    schoolId: d.schoolId,
    pendingTitle: fill(s.pendingTitle, { count: String(d.pendingCount) }),
    pending: d.pending.map((p) => ({ title: p.name, value: p.id })),
    // Nobody is ticked at first: one press of Decline must never turn everyone away.
    pendingValue: '',
    confirmedTitle: fill(s.confirmedTitle, { count: String(d.confirmedCount) }),
    confirmed: d.confirmed,
    bullet: '•',
    pages,
    previousPage: page > 1 ? page - 1 : 0,
    nextPage: page < pages ? page + 1 : 0,
    pageText: fill(s.page, { page: String(page), pages: String(pages) }),
    staffList: d.staffList,
  });
}
