import { z } from 'zod';

/**
 * What the proactive engine needs to reach someone later: kept as plain data, with no
 * Bot Framework types, so storage and scheduling never depend on the SDK.
 */
export const conversationRefSchema = z.object({
  serviceUrl: z.string().url(),
  channelId: z.string(),
  conversationId: z.string(),
  conversationType: z.string().optional(),
  tenantId: z.string(),
  botId: z.string(),
  botName: z.string().optional(),
  userId: z.string().optional(),
  locale: z.string().optional(),
});

export type ConversationRef = z.infer<typeof conversationRefSchema>;

/** True when two references reach the same place the same way (so nothing needs writing). */
export function sameConversationRef(a: ConversationRef | undefined, b: ConversationRef): boolean {
  if (!a) return false;
  const keys = Object.keys(conversationRefSchema.shape) as (keyof ConversationRef)[];
  return keys.every((k) => a[k] === b[k]);
}
