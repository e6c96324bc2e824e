import type { TurnContext } from 'botbuilder';

/**
 * Normalises what a person typed: case, surrounding spaces and punctuation, and the
 * hyphen in "self-assessment" do not matter. Mentions are already removed by the app.
 */
export function normaliseCommand(text: string | undefined): string {
  return (text ?? '')
    .toLocaleLowerCase('cy')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s.!?,:;'"]+|[\s.!?,:;'"]+$/g, '')
    .replace(/[-_ ]+/g, '-');
}

/** A route selector for a message that is exactly one of the given commands (any language). */
export function commandSelector(...commands: string[]): (context: TurnContext) => Promise<boolean> {
  const wanted = new Set(commands.map(normaliseCommand));
  return async (context) => context.activity.type === 'message' && wanted.has(normaliseCommand(context.activity.text));
}
