import { TeamsInfo, type TurnContext } from 'botbuilder';
import { firstName } from './first-name';

/** How long the welcome waits for Teams to say who the person is before saying plain "Hello". */
export const GREETING_LOOKUP_TIMEOUT_MS = 1500;

/**
 * The first name to greet someone with. Teams often sends an install without the person's
 * name, so: the name on the activity, else the one their document kept, else Teams' members
 * call (its `givenName`); undefined when none of them answers in time.
 */
export async function greetingName(context: TurnContext, storedName: string | undefined): Promise<string | undefined> {
  const known = firstName(context.activity.from?.name) ?? firstName(storedName);
  if (known || !context.activity.from?.id) return known;
  let timer: NodeJS.Timeout | undefined;
  try {
    const lookup = TeamsInfo.getMember(context, context.activity.from.id);
    lookup.catch(() => undefined);
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), GREETING_LOOKUP_TIMEOUT_MS)));
    const member = await Promise.race([lookup, timeout]);
    return firstName(member?.givenName ?? member?.name);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
