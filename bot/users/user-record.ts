import { z } from 'zod';
import { conversationRefSchema } from './conversation-ref';
import { safeId } from '../storage/document-collection';
import { inductionStateSchema } from '../induction/induction-state';
import { selfAssessmentStateSchema } from '../self-assessment/self-assessment-state';
import { appraisalStateSchema } from '../appraisal/appraisal-state';
import { appraisalHistorySchema } from '../appraisal/appraisal-history';
import { MAX_SCHOOLS_PER_PERSON, schoolMembershipSchema } from '../membership/membership-record';
import { lineManagerRequestStateSchema } from '../team/line-manager-request-state';

export const languageSchema = z.enum(['cy', 'en']);
/** The two languages every word of Cefnogi exists in. */
export type Language = z.infer<typeof languageSchema>;

export const profileSchema = z.object({
  roleId: z.string(),
  /** The school typed as free text before the register; kept until the migration matches it. */
  school: z.string().optional(),
  lineManagerAadObjectId: z.string().optional(),
  welshLevelId: z.string(),
  ewcNumber: z.string().optional(),
  /** Whether the person says they are registered with the EWC (see bot/learning: `registration`). */
  ewcRegistered: z.boolean().optional(),
  /** Highest relevant qualification: an id in data/qualifications.json. */
  qualification: z.string().max(40).optional(),
  /** HLTA status as the person gives it (see bot/learning: `my pathway`). */
  hltaStatus: z.enum(['none', 'working-towards', 'awarded']).optional(),
  updatedAt: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * One support staff member as Cefnogi knows them: partitioned by their own key, so a turn
 * reads and writes exactly one document in one partition.
 */
export const userRecordSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('user'),
  tenantId: z.string(),
  aadObjectId: z.string(),
  name: z.string().optional(),
  /** Their email (or sign-in name), lower case, as Teams gave it on their first turn; for imports by email. */
  email: z.string().optional(),
  /** When asking Teams for their email last failed; asked again a day later, not every turn. */
  emailLookupFailedAt: z.string().optional(),
  language: languageSchema.optional(),
  /**
   * "Cymraeg a Saesneg / Welsh and English": every card in personal chat comes Welsh first
   * with the English beneath (`language` is then `cy`, the language the cards are drawn in).
   */
  bothLanguages: z.boolean().optional(),
  conversation: conversationRefSchema.optional(),
  welcomedConversationId: z.string().optional(),
  profile: profileSchema.optional(),
  /**
   * The schools the person asked to join and whether each has confirmed them (a mirror of
   * their membership documents, for their own views; every decision reads the membership).
   */
  schools: z.array(schoolMembershipSchema).max(MAX_SCHOOLS_PER_PERSON).optional(),
  induction: inductionStateSchema.optional(),
  /** Private to the person: answers, results and what they chose to share. */
  selfAssessment: selfAssessmentStateSchema.optional(),
  /** This cycle's objectives, meeting dates and reviews (see bot/appraisal). */
  appraisal: appraisalStateSchema.optional(),
  /** Past cycles, newest first, moved here when a new cycle is first saved. */
  appraisalHistory: appraisalHistorySchema.optional(),
  /** Today's line-manager changes and request notices, and recent declines (see bot/team/README.md). */
  lineManagerRequests: lineManagerRequestStateSchema.optional(),
  /**
   * The administrator roles the person held when Cefnogi last looked (each admin command
   * looks): only so help can list their commands without a read. Decisions never use it.
   */
  administers: z.array(z.enum(['tenant-admin', 'la-admin', 'school-admin'])).max(3).optional(),
  /** Whether proactive messages reach this person; set by the proactive engine. */
  reachability: z
    .object({
      status: z.enum(['reachable', 'no-conversation', 'not-installed', 'blocked', 'failing']),
      reason: z.string().optional(),
      at: z.string(),
    })
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

/** Who is acting, always from the activity (never from card data). */
export interface UserIdentity {
  tenantId: string;
  aadObjectId: string;
}

/** The id (and partition key) of a user's document. */
export function userKey(identity: UserIdentity): string {
  return safeId(`${identity.tenantId.toLowerCase()}:${identity.aadObjectId.toLowerCase()}`);
}

/** A record for someone Cefnogi has not met before. */
export function newUserRecord(identity: UserIdentity, now: Date): UserRecord {
  const key = userKey(identity);
  return {
    id: key,
    pk: key,
    kind: 'user',
    tenantId: identity.tenantId.toLowerCase(),
    aadObjectId: identity.aadObjectId.toLowerCase(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}
