import { z } from 'zod';
import { conversationRefSchema } from './conversation-ref';

/**
 * A team channel or group chat Cefnogi was added to: partitioned by tenant, so every
 * conversation of one tenant (a broadcast's audience) is one partition.
 */
export const conversationRecordSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('conversation'),
  ref: conversationRefSchema,
  installed: z.boolean(),
  welcomedAt: z.string().optional(),
  updatedAt: z.string(),
});
export type ConversationRecord = z.infer<typeof conversationRecordSchema>;
