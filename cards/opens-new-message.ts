/**
 * The key a button puts in its action data when the card it sits on must stay as it is: the
 * help and welcome cards list what Cefnogi can do, and answering a button by replacing them
 * would lose the list. The bot sees the key and sends its answer as a new message instead.
 */
export const OPENS_NEW_MESSAGE = 'opensNewMessage';

/** A button's data, marked to open its answer as a new message. */
export function openingNewMessage(data: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...data, [OPENS_NEW_MESSAGE]: true };
}
