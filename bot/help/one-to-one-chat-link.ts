import type { Activity } from 'botbuilder';
import { z } from 'zod';

/** A bot's id as Teams puts it on `recipient.id`: `28:` and the app id (a GUID in Teams). */
const botIdSchema = z.string().trim().regex(/^(28:)?[A-Za-z0-9._-]{1,100}$/);

/**
 * The Teams deep link that opens (or starts) the person's one-to-one chat with Cefnogi:
 * `https://teams.microsoft.com/l/chat/0/0?users=28:<bot app id>` (Microsoft's "deep link to
 * start a new chat", with the bot as the other participant). Taken from the activity's own
 * recipient, so it is always this bot; undefined when that id is not one (no button then).
 */
export function oneToOneChatUrl(activity: Pick<Activity, 'recipient'>): string | undefined {
  const parsed = botIdSchema.safeParse(activity.recipient?.id);
  if (!parsed.success) return undefined;
  const id = parsed.data.startsWith('28:') ? parsed.data : `28:${parsed.data}`;
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(id)}`;
}
