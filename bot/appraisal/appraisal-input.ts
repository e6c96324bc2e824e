import { z } from 'zod';
import { keyAreaIdSchema, meetingIdSchema, outcomeSchema, standardIdSchema } from './appraisal-state';

/** A report's Entra object id as cards carry it; empty on the staff member's own cards. */
const reportId = z.union([z.literal(''), z.string().regex(/^[0-9a-fA-F-]{36}$/)]).default('');
/** A date as Input.Date sends it; whether it is a real, sensible date is the rules' business. */
const dateText = z.string().max(30);
/** A multi-select choice set sends its values joined by commas; an unknown value means a tampered card. */
const commaList = <T extends z.ZodTypeAny>(item: T) =>
  z
    .string()
    .max(400)
    .default('')
    .transform((s) => s.split(',').map((v) => v.trim()).filter((v) => v !== ''))
    .pipe(z.array(item));

const objectiveId = z.string().min(1).max(20);
const typedText = z.string().max(300).optional();

/**
 * What the appraisal card's inputs hold: every button on it sends them all (and the edit
 * card carries them in its buttons' data), so whichever is pressed, what the person typed
 * anywhere on the card can come back to them as they left it.
 */
const cardInputs = {
  objectiveText: typedText,
  objectiveMeasure: typedText,
  standards: commaList(standardIdSchema),
  keyAreas: commaList(keyAreaIdSchema),
  'date-planning': dateText.optional(),
  'date-mid-year': dateText.optional(),
  'date-end-of-year': dateText.optional(),
};
export const cardInputsSchema = z.object(cardInputs);
export type CardInputs = z.infer<typeof cardInputsSchema>;

export const objectiveInputSchema = cardInputsSchema;

/** Remove one objective, or open its edit card. */
export const objectiveActionInputSchema = z.object({ objectiveId, ...cardInputs });

/** The edit card's Save: its own inputs, and the appraisal card's as they were when it opened. */
export const saveObjectiveInputSchema = z.object({
  objectiveId,
  editText: typedText,
  editMeasure: typedText,
  editStandards: commaList(standardIdSchema),
  editKeyAreas: commaList(keyAreaIdSchema),
  ...cardInputs,
});

export const datesInputSchema = z.object({ reportId, ...cardInputs });

/** A prompt card's actions: which meeting, the date it showed, and for a manager whose report. */
export const promptInputSchema = z.object({ meeting: meetingIdSchema, date: dateText, reportId, newDate: dateText.optional() });

/** `meeting`: the form to record it; `record`: a recorded meeting's whole record. */
export const openReviewInputSchema = z.object({ reportId: z.string().regex(/^[0-9a-fA-F-]{36}$/), meeting: meetingIdSchema.optional(), record: meetingIdSchema.optional() });

/** The staff member's own appraisal, or with `record` one recorded meeting's whole record. */
export const showAppraisalInputSchema = z.object({ record: meetingIdSchema.optional(), ...cardInputs });

/** The review form: outcomes arrive as `outcome-<objective id>` fields. */
export const recordInputSchema = z
  .object({
    reportId: z.string().regex(/^[0-9a-fA-F-]{36}$/),
    meeting: meetingIdSchema,
    date: dateText,
    comments: z.string().max(2000).optional(),
    priorities: z.string().max(1100).optional(),
  })
  .catchall(z.unknown())
  .transform((input, ctx) => {
    const outcomes: Record<string, z.infer<typeof outcomeSchema>> = {};
    for (const [k, v] of Object.entries(input)) {
      if (!k.startsWith('outcome-') || v === '' || v === undefined) continue;
      const parsed = outcomeSchema.safeParse(v);
      if (!parsed.success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `unknown outcome for ${k}` });
        return z.NEVER;
      }
      outcomes[k.slice('outcome-'.length)] = parsed.data;
    }
    const priorities = (input.priorities ?? '').split(/\r?\n/).map((p) => p.trim()).filter((p) => p !== '');
    return { reportId: input.reportId, meeting: input.meeting, date: input.date, comments: input.comments, priorities, outcomes };
  });

/** The staff member's comment on a record: the text arrives as `comment-<meeting>`. */
export const commentInputSchema = z
  .object({ meeting: meetingIdSchema })
  .catchall(z.unknown())
  .transform((input, ctx) => {
    const text = input[`comment-${input.meeting}`];
    if (text !== undefined && (typeof text !== 'string' || text.length > 2000)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'comment is not text' });
      return z.NEVER;
    }
    return { meeting: input.meeting, text: text as string | undefined };
  });
