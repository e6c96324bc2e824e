import { z } from 'zod';
import type { Content } from '../content/content';
import { collectionSpec } from '../storage/collection-spec';
import type { UserRecord } from '../users/user-record';

/**
 * What the workforce figures count about one confirmed member of one school: ids and flags
 * only, no name, no answers. Kept in the school's partition of `memberships` (beside the
 * membership it goes with), so the nightly figures read one partition per school and never
 * the people's own documents. `id` = `figures:{user key}`, `pk` = the school's key.
 */
export const figurePersonSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('figures-person'),
  laId: z.string(),
  schoolId: z.string(),
  /** NJC job family and level, from the profile's role; absent when no profile. */
  familyId: z.string().optional(),
  level: z.number().int().optional(),
  welshLevelId: z.string().optional(),
  /** Optional profile questions: absent counts as "not given". */
  qualification: z.string().max(60).optional(),
  hltaStatus: z.string().max(60).optional(),
  ewcGiven: z.boolean(),
  inductionStarted: z.boolean(),
  inductionCompleted: z.boolean(),
  selfAssessments: z.number().int().min(0),
  planningMeetingHeld: z.boolean(),
  /** Key-area ids of the latest self-assessment's priorities (counted only at LA and national level). */
  priorities: z.array(z.string()).max(3),
  updatedAt: z.string().datetime(),
});
export type FigurePerson = z.infer<typeof figurePersonSchema>;

/** The collection of per-person figure records (see FigurePerson). */
export const figurePersonCollection = collectionSpec('memberships', figurePersonSchema);

/** The id of a person's figure record in a school's partition. */
export function figurePersonId(userKey: string): string {
  return `figures:${userKey}`;
}

/** Profile questions being added: read when present, whatever the profile schema says today. */
const optionalAnswers = z.object({ qualification: z.string().max(60).optional(), hltaStatus: z.string().max(60).optional() }).partial();

/** A person's figure record for one of their schools, from their own document (pure: callers write it). */
export function figurePersonOf(user: UserRecord, school: { pk: string; schoolId: string; laId: string }, content: Pick<Content, 'role'>, now: Date): FigurePerson {
  const role = user.profile ? content.role(user.profile.roleId) : undefined;
  const answers = optionalAnswers.safeParse(user.profile ?? {});
  const latest = user.selfAssessment?.results.at(-1);
  const planning = user.appraisal?.meetings.planning;
  return {
    id: figurePersonId(user.id),
    pk: school.pk,
    kind: 'figures-person',
    laId: school.laId,
    schoolId: school.schoolId,
    ...(role ? { familyId: role.familyId, ...(role.level !== undefined ? { level: role.level } : {}) } : {}),
    ...(user.profile ? { welshLevelId: user.profile.welshLevelId } : {}),
    ...(answers.success && answers.data.qualification ? { qualification: answers.data.qualification } : {}),
    ...(answers.success && answers.data.hltaStatus ? { hltaStatus: answers.data.hltaStatus } : {}),
    ewcGiven: (user.profile?.ewcNumber ?? '') !== '',
    inductionStarted: user.induction !== undefined,
    inductionCompleted: user.induction?.completedAt !== undefined,
    selfAssessments: user.selfAssessment?.results.length ?? 0,
    planningMeetingHeld: planning?.review !== undefined || (planning?.confirmed.staff !== undefined && planning?.confirmed.manager !== undefined),
    priorities: latest?.priorities ?? [],
    updatedAt: now.toISOString(),
  };
}
