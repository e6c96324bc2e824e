import type { Holiday } from '../proactive/quiet-hours';
import type { Meeting } from './appraisal-state';
import { promptDays } from './prompt-days';

/**
 * Where a meeting stands on `today`, for views: overdue ones with the weekly reminders sent
 * so far, and whether they have stopped (the last has gone; then the team view says so).
 */
export type MeetingStatus =
  | { status: 'not-set' }
  | { status: 'upcoming'; date: string }
  | { status: 'overdue'; date: string; reminders: number; stopped: boolean }
  | { status: 'done'; date?: string };

export function meetingStatus(meeting: Meeting, today: string, holidays: readonly Holiday[] = []): MeetingStatus {
  if (meeting.review) return meeting.date ? { status: 'done', date: meeting.date } : { status: 'done' };
  if (!meeting.date) return { status: 'not-set' };
  if (today <= meeting.date) return { status: 'upcoming', date: meeting.date };
  const overdue = promptDays(meeting.date, holidays).filter((p) => p.kind.startsWith('overdue'));
  const reminders = overdue.filter((p) => p.day <= today).length;
  return { status: 'overdue', date: meeting.date, reminders, stopped: reminders > 0 && reminders === overdue.length };
}
