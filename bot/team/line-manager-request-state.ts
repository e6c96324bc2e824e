import { z } from 'zod';

/**
 * What Cefnogi remembers about a staff member's line-manager requests, so naming a manager
 * cannot be used to flood someone with cards. Kept on the staff member's own document: their
 * save turn decides every rule from the one read it already makes, and writes it back in
 * the one write it already makes. Lists are short by construction (a person changes their
 * manager at most a few times a day) and bounded here so a bad document fails loudly.
 */
export const lineManagerRequestStateSchema = z.object({
  /** The Europe/London date (YYYY-MM-DD) `changes` and `noticed` count for. */
  day: z.string(),
  /** Saves on `day` that changed the line manager (to someone else or to nobody). */
  changes: z.number().int().min(0),
  /** Managers (object ids, lower case) sent a request notice on `day`. */
  noticed: z.array(z.string()).max(20),
  /** Managers who declined this person's request, and when (ISO instant); dropped after a day. */
  declined: z.array(z.object({ managerAadObjectId: z.string(), at: z.string() })).max(20),
});
export type LineManagerRequestState = z.infer<typeof lineManagerRequestStateSchema>;
