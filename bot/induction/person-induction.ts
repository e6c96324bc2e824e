import type { Content } from '../content/content';
import type { InductionItem } from '../content/induction-schemas';
import { strings } from '../i18n/strings';
import { schoolItems } from '../school/school-induction';
import type { SchoolSettings } from '../school/school-settings';
import { londonDate } from '../time/london-date';
import type { UserRecord } from '../users/user-record';
import { planInduction, type InductionPlan } from './induction-plan';
import { inertMarkdown } from '../text/inert-markdown';
import type { InductionState } from './induction-state';
import { recordingBilingual } from '../i18n/recording-bilingual';

/** A person's induction as it stands: the items that apply to them and the plan for today. */
export interface PersonInduction {
  state: InductionState;
  items: InductionItem[];
  plan: InductionPlan;
  today: string;
  /** The school's items on this checklist whose arrival is not written down yet (see `reachedOn`). */
  unrecorded: string[];
}

/** The job family of the person's role, which decides their role-specific items. */
export function familyOf(content: Content, user: UserRecord): string | undefined {
  return user.profile ? content.role(user.profile.roleId)?.familyId : undefined;
}

const schoolWhy = recordingBilingual({ en: strings('en').school.schoolItemWhy, cy: strings('cy').school.schoolItemWhy });

/**
 * A school's own item was typed by its administrator and is read by all its staff and their
 * managers: made inert here, where it joins the national content, so every card and notice
 * that shows an item shows it inert (see bot/text).
 */
function inertSchoolItem(item: InductionItem): InductionItem {
  const both = (t: { en: string; cy: string }) => ({ en: inertMarkdown(t.en), cy: inertMarkdown(t.cy) });
  return { ...item, title: both(item.title), what: both(item.what) };
}

/**
 * Writes down the day the school's items first reached the person's checklist (today, for
 * those not yet written down) and forgets items the school has since removed, so the list
 * stays as short as the school's own.
 */
export function recordArrivals(state: InductionState, person: Pick<PersonInduction, 'items' | 'unrecorded' | 'today'>): void {
  for (const id of person.unrecorded) state.reachedOn[id] ??= person.today;
  const present = new Set(person.items.map((i) => i.id));
  for (const id of Object.keys(state.reachedOn)) if (!present.has(id)) delete state.reachedOn[id];
}

/**
 * The items and plan for someone who has started induction (the national items for their
 * role and journey, and their school's own); undefined if they have not started.
 */
export function personInduction(content: Content, user: UserRecord, now: Date, school?: SchoolSettings): PersonInduction | undefined {
  const state = user.induction;
  const family = familyOf(content, user);
  if (!state || !family) return undefined;
  const ownItems = schoolItems(school, schoolWhy)
    .filter((i) => (state.mode === 'refresher') === (i.stage === 'refresher'))
    .map(inertSchoolItem);
  const items = [...content.inductionItemsFor(family, state.mode), ...ownItems];
  const today = londonDate(now);
  // The national items reached the person the day they began here; a school's item the day it first showed.
  const began = londonDate(new Date(state.startedAt));
  const schoolIds = new Set(ownItems.map((i) => i.id));
  const reachedOn = (item: InductionItem) => (schoolIds.has(item.id) ? (state.reachedOn[item.id] ?? today) : began);
  const plan = planInduction(items, content.inductionStageOrder, state, today, { holidays: school?.holidays ?? [], reachedOn });
  const unrecorded = [...schoolIds].filter((id) => state.reachedOn[id] === undefined);
  return { state, items, plan, today, unrecorded };
}
