import { MEMBERS_PAGE_SIZE, renderMembersCard, type MembersCardData } from '../../cards/members-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { strings } from '../i18n/strings';
import type { SchoolEntry } from '../register/school-entry';
import type { Language } from '../users/user-record';
import type { SchoolMemberships } from './school-memberships';
import { schoolTitle, type LaNameOf } from './school-match';
import { inertMarkdown } from '../text/inert-markdown';
import { shortenTypedText } from '../text/shorten-typed-text';

/**
 * A school's staff card from one read of its roster: the oldest requests first (a page of
 * them; deciding brings the next), the confirmed staff by name, a page at a time.
 */
export async function membersCard(
  language: Language,
  memberships: Pick<SchoolMemberships, 'roster'>,
  tenantId: string,
  school: SchoolEntry,
  page: number,
  extra: Pick<MembersCardData, 'lead' | 'leadTone' | 'rejected' | 'staffList'> = {},
  laName?: LaNameOf,
): Promise<AdaptiveCardJson> {
  const roster = await memberships.roster(tenantId, school.id);
  const unnamed = strings(language).members.unnamed;
  // Display names come from Teams and may hold Markdown: inert here, as on every card.
  const nameOf = (name: string | undefined) => inertMarkdown(shortenTypedText(name?.trim() || unnamed, 100));
  const pending = roster.filter((m) => m.status === 'pending').sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  const confirmed = roster
    .filter((m) => m.status === 'confirmed')
    .map((m) => nameOf(m.name))
    .sort((a, b) => a.localeCompare(b, language));
  const pages = Math.max(1, Math.ceil(confirmed.length / MEMBERS_PAGE_SIZE));
  const shown = Math.min(Math.max(1, page), pages);
  return renderMembersCard(language, {
    ...extra,
    schoolId: school.id,
    schoolName: schoolTitle(school, laName),
    pending: pending.slice(0, MEMBERS_PAGE_SIZE).map((m) => ({ id: m.aadObjectId, name: nameOf(m.name) })),
    pendingCount: pending.length,
    confirmed: confirmed.slice((shown - 1) * MEMBERS_PAGE_SIZE, shown * MEMBERS_PAGE_SIZE),
    confirmedCount: confirmed.length,
    page: shown,
  });
}
