import { z } from 'zod';
import type { Content } from '../content/content';
import type { UserRecord } from '../users/user-record';

/**
 * What the workforce figures count about one confirmed member of one school: flags and
 * category ids only, no name, no answers. One entry per person in their school's
 * `figures-school` document (figures-school.ts); the school and LA are the document's, not
 * repeated here. Stored compactly (a false flag, a zero and an empty list are left out), read
 * back whole: the defaults below make an absent field mean "no".
 */
export const figureFactsSchema = z.object({
  /** NJC job family and level, from the profile's role; absent when no profile. */
  familyId: z.string().max(60).optional(),
  level: z.number().int().optional(),
  welshLevelId: z.string().max(60).optional(),
  /** Optional profile questions: absent counts as "not given". */
  qualification: z.string().max(60).optional(),
  hltaStatus: z.string().max(60).optional(),
  ewcGiven: z.boolean().default(false),
  inductionStarted: z.boolean().default(false),
  inductionCompleted: z.boolean().default(false),
  selfAssessments: z.number().int().min(0).default(0),
  planningMeetingHeld: z.boolean().default(false),
  /** Key-area ids of the latest self-assessment's priorities (counted only at LA and national level). */
  priorities: z.array(z.string().max(60)).max(3).default([]),
});
/** One person's counted facts, as the figures read them (every flag present). */
export type FigureFacts = z.infer<typeof figureFactsSchema>;
/** One person's counted facts as stored: flags that are "no" left out (read them with figureFactsSchema). */
export const storedFigureFactsSchema = figureFactsSchema.partial();
export type StoredFigureFacts = z.infer<typeof storedFigureFactsSchema>;

/** Profile questions being added: read when present, whatever the profile schema says today. */
const optionalAnswers = z.object({ qualification: z.string().max(60).optional(), hltaStatus: z.string().max(60).optional() }).partial();

/** What the figures count about a person, from their own document (pure: callers write it). */
export function figureFactsFor(user: Readonly<UserRecord>, content: Pick<Content, 'role'>): FigureFacts {
  const role = user.profile ? content.role(user.profile.roleId) : undefined;
  const answers = optionalAnswers.safeParse(user.profile ?? {});
  const latest = user.selfAssessment?.results.at(-1);
  const planning = user.appraisal?.meetings.planning;
  return {
    ...(role ? { familyId: role.familyId, ...(role.level !== undefined ? { level: role.level } : {}) } : {}),
    ...(user.profile ? { welshLevelId: user.profile.welshLevelId } : {}),
    ...(answers.success && answers.data.qualification ? { qualification: answers.data.qualification } : {}),
    ...(answers.success && answers.data.hltaStatus ? { hltaStatus: answers.data.hltaStatus } : {}),
    ewcGiven: (user.profile?.ewcNumber ?? '') !== '',
    inductionStarted: user.induction !== undefined,
    inductionCompleted: user.induction?.completedAt !== undefined,
    selfAssessments: user.selfAssessment?.results.length ?? 0,
    planningMeetingHeld: planning?.review !== undefined || (planning?.confirmed.staff !== undefined && planning?.confirmed.manager !== undefined),
    priorities: [...(latest?.priorities ?? [])],
  };
}

/**
 * The stored form of a person's facts: "no" flags, zeros and empty lists left out, so a
 * school of a thousand members stays about a hundred kilobytes. Field order is fixed, so two
 * equal facts give the same text (refresh compares them to skip needless writes).
 */
export function compactFacts(facts: FigureFacts): StoredFigureFacts {
  const full = figureFactsSchema.parse(facts);
  const keys = Object.keys(figureFactsSchema.shape) as (keyof FigureFacts)[];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = full[key];
    if (value === undefined || value === false || value === 0 || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out as StoredFigureFacts;
}

/** Whether two stored entries count the same (compared in their compact form). */
export function sameFacts(a: StoredFigureFacts | undefined, b: StoredFigureFacts | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return JSON.stringify(compactFacts(figureFactsSchema.parse(a))) === JSON.stringify(compactFacts(figureFactsSchema.parse(b)));
}
