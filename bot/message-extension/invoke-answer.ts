import type { TurnContext } from 'botbuilder';

/**
 * Answers a message-extension invoke with exactly this body. The extension answers its
 * invokes itself rather than through teams-ai's wrappers, so what Teams receives is what the
 * tests read, whatever the framework version does with a returned value.
 */
export async function answerInvoke(context: TurnContext, body: object): Promise<void> {
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
}

/** A short message where Teams shows the extension's results (search list or pick). */
export function extensionMessage(text: string): object {
  return { composeExtension: { type: 'message', text } };
}

/** A short message in the dialog, which closes the form. */
export function taskMessage(text: string): object {
  return { task: { type: 'message', value: text } };
}

/** True for an invoke of this name (and, when given, for this command of the extension). */
export function isExtensionInvoke(context: TurnContext, name: string, commandId?: string): boolean {
  const { activity } = context;
  if (activity.type !== 'invoke' || activity.name !== name) return false;
  if (commandId === undefined) return true;
  const value = activity.value as { commandId?: unknown } | undefined;
  return value?.commandId === commandId;
}
