import type { Holiday } from '../proactive/quiet-hours';
import { addDays, londonInstant } from '../time/london-clock';
import { MEETING_IDS, ROLES, type AppraisalState, type Meeting, type MeetingId, type Role } from './appraisal-state';

/** Prompts are planned for nine in the morning in Wales; the outbox keeps them out of nights, weekends and holidays. */
export const PROMPT_HOUR = 9;

/** The instant a prompt planned for `day` is due: 09:00 on the wall clock in Wales, GMT or BST. */
export function promptInstant(day: string): Date {
  return londonInstant(day, PROMPT_HOUR);
}

/** Prompts before a meeting, in days before it. */
export const DAYS_BEFORE = [14, 7, 1] as const;
/** Prompts once a meeting is overdue (no review recorded): weekly, at most this many. */
export const OVERDUE_PROMPTS = 4;
export const OVERDUE_EVERY_DAYS = 7;

export type PromptKind = 'before-14' | 'before-7' | 'before-1' | 'overdue-1' | 'overdue-2' | 'overdue-3' | 'overdue-4' | 'snoozed';

/** One prompt: which, and the date in Wales it goes out on. */
export interface PromptDay {
  kind: PromptKind;
  day: string;
}

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/** A weekday outside the school's holidays. */
export function isSchoolDay(date: string, holidays: readonly Holiday[] = []): boolean {
  const d = weekday(date);
  return d !== 0 && d !== 6 && !holidays.some((h) => h.from <= date && date <= h.to);
}

/** `date` itself if a school day, else the nearest school day in `direction` (bounded by a year and a bit). */
function schoolDayFrom(date: string, direction: 1 | -1, holidays: readonly Holiday[]): string {
  let d = date;
  for (let i = 0; i < 800 && !isSchoolDay(d, holidays); i += 1) d = addDays(d, direction);
  return d;
}

/**
 * The prompts for a meeting on `date`: 14, 7 and 1 days before, brought forward to the
 * school day before when that day is a weekend or holiday (so they still come before the
 * meeting); then, while no review is recorded, the day after and weekly, four times, put
 * back to the next school day. Two prompts that land on one day become one (the later kind).
 */
export function promptDays(date: string, holidays: readonly Holiday[] = []): PromptDay[] {
  const days: PromptDay[] = [];
  for (const n of DAYS_BEFORE) days.push({ kind: `before-${n}`, day: schoolDayFrom(addDays(date, -n), -1, holidays) });
  for (let k = 1; k <= OVERDUE_PROMPTS; k += 1) {
    days.push({ kind: `overdue-${k}` as PromptKind, day: schoolDayFrom(addDays(date, 1 + (k - 1) * OVERDUE_EVERY_DAYS), 1, holidays) });
  }
  const byDay = new Map<string, PromptDay>();
  for (const p of days) byDay.set(p.day, p);
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/**
 * The prompts one person gets for a meeting: none once its review is recorded; a snooze
 * drops the ones before its end and adds one reminder on it (the next school day), unless
 * that falls after the last overdue prompt.
 */
export function promptsFor(meeting: Meeting, role: Role, holidays: readonly Holiday[] = []): PromptDay[] {
  if (!meeting.date || meeting.review) return [];
  const all = promptDays(meeting.date, holidays);
  const until = meeting.snoozedUntil[role];
  if (!until) return all;
  const after = all.filter((p) => p.day > until);
  const reminder = schoolDayFrom(until, 1, holidays);
  const last = all[all.length - 1]?.day ?? '';
  const kept = after.filter((p) => p.day !== reminder);
  return reminder <= last ? [{ kind: 'snoozed' as const, day: reminder }, ...kept] : kept;
}

/** A prompt due on a given day: for which meeting, of which kind, to whom. */
export interface DuePrompt {
  meeting: MeetingId;
  kind: PromptKind;
  role: Role;
  date: string;
  /** The school day it is sent on. */
  day: string;
  /** For a snooze reminder: the date the snooze ran to (a second snooze makes a new reminder). */
  until?: string;
}

/**
 * The prompts to send on `day`: for each meeting and person, the latest prompt due in the
 * `lookbackDays` before it or on it. The look-back covers a date set or a holiday added
 * after a prompt's day was planned; the outbox's idempotency keys drop any already sent.
 */
export function duePrompts(state: AppraisalState, day: string, holidays: readonly Holiday[] = [], lookbackDays = 0): DuePrompt[] {
  const from = addDays(day, -lookbackDays);
  return MEETING_IDS.flatMap((id) => {
    const meeting = state.meetings[id];
    return ROLES.flatMap((role) => {
      const latest = promptsFor(meeting, role, holidays).filter((p) => from <= p.day && p.day <= day).pop();
      if (!latest) return [];
      const until = latest.kind === 'snoozed' ? meeting.snoozedUntil[role] : undefined;
      return [{ meeting: id, kind: latest.kind, role, date: meeting.date ?? '', day: latest.day, ...(until ? { until } : {}) }];
    });
  });
}

/** The first day after `after` on which the cycle has a prompt for anyone, if any. */
export function nextPromptDay(state: AppraisalState, after: string, holidays: readonly Holiday[] = []): string | undefined {
  const days = MEETING_IDS.flatMap((id) => ROLES.flatMap((role) => promptsFor(state.meetings[id], role, holidays).map((p) => p.day)));
  return days.filter((d) => d > after).sort()[0];
}
