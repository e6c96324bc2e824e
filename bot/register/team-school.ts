import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';
import { safeId } from '../storage/document-collection';

/**
 * "This Teams team belongs to that school": written by one of the school's administrators
 * from the team itself, kept in the tenant's partition of `conversations` beside the
 * channels Cefnogi is in. A channel of a team with no link belongs to no school.
 */
export const teamSchoolSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('team-school'),
  tenantId: z.string(),
  teamId: z.string(),
  schoolId: z.string(),
  linkedBy: z.string(),
  linkedAt: z.string(),
});
export type TeamSchool = z.infer<typeof teamSchoolSchema>;

export const teamSchoolCollection = collectionSpec('conversations', teamSchoolSchema);

/** The id of a team's link (its partition is the tenant, like the team's channels). */
export function teamSchoolId(teamId: string): string {
  return safeId(`team:${teamId}`);
}
