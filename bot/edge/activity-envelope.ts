import { z } from 'zod';

const account = z.object({ id: z.string().min(1).max(512), name: z.string().max(512).optional() }).passthrough();

/**
 * The parts of an incoming activity Cefnogi relies on, checked before any turn runs: a
 * malformed activity gets HTTP 400 with the reason and touches nothing. (Teams always
 * sends these; anything else posting to the endpoint must too.)
 */
export const activityEnvelopeSchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.literal('msteams', { errorMap: () => ({ message: 'Cefnogi serves Microsoft Teams only (channelId "msteams")' }) }),
    serviceUrl: z.string().url().max(2048),
    from: account.extend({ aadObjectId: z.string().min(1).max(128) }),
    recipient: account,
    conversation: z
      .object({ id: z.string().min(1).max(1024), tenantId: z.string().max(128).optional(), conversationType: z.string().max(64).optional() })
      .passthrough(),
    channelData: z.object({ tenant: z.object({ id: z.string().max(128) }).passthrough().optional() }).passthrough().optional(),
    locale: z.string().max(35).optional(),
    text: z.string().max(28_000).optional(),
    name: z.string().max(128).optional(),
    value: z.unknown().optional(),
  })
  .passthrough()
  .refine((a) => Boolean(a.conversation.tenantId ?? a.channelData?.tenant?.id), {
    message: 'the tenant is missing (conversation.tenantId or channelData.tenant.id)',
    path: ['conversation', 'tenantId'],
  });

export type ActivityEnvelope = z.infer<typeof activityEnvelopeSchema>;

/** A readable one-line reason for a rejected activity. */
export function describeEnvelopeError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'activity'}: ${i.message}`).join('; ');
}
