import { randomUUID } from 'node:crypto';
import { inChannel, message, type TeamsUser } from './teams-activities';

type Activity = Record<string, unknown>;

/** An invoke of the message extension as Teams sends it from a team channel's compose box or message menu. */
function extensionInvoke(user: TeamsUser, serviceUrl: string, name: string, value: unknown): Activity {
  const base = message(user, serviceUrl, '');
  delete base.text;
  delete base.textFormat;
  return inChannel({ ...base, type: 'invoke', name, value }, user);
}

/** Typing in the "PLC resources" search; `undefined` is the first open (`initialRun`). */
export function searchInvoke(user: TeamsUser, serviceUrl: string, query: unknown, options: { skip?: number; count?: number } = {}): Activity {
  const parameters = query === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: query }];
  return extensionInvoke(user, serviceUrl, 'composeExtension/query', { commandId: 'plcResources', parameters, queryOptions: { skip: options.skip ?? 0, count: options.count ?? 25 } });
}

/** A result picked from the search list: its preview's tap value comes back. */
export function selectItemInvoke(user: TeamsUser, serviceUrl: string, value: unknown): Activity {
  return extensionInvoke(user, serviceUrl, 'composeExtension/selectItem', value);
}

/** "Share to a PLC" chosen from a message's menu (with the message) or from the compose box (without). */
export function shareFetchInvoke(user: TeamsUser, serviceUrl: string, html?: string): Activity {
  const onMessage = html !== undefined;
  return extensionInvoke(user, serviceUrl, 'composeExtension/fetchTask', {
    commandId: 'shareToPlc',
    commandContext: onMessage ? 'message' : 'compose',
    context: { theme: 'default' },
    ...(onMessage
      ? { messagePayload: { id: randomUUID(), messageType: 'message', body: { contentType: 'html', content: html }, from: { user: { id: user.aadObjectId, displayName: user.name } } } }
      : {}),
  });
}

/** The share form sent: the inputs merged with the button's data, as a dialog submits them. */
export function shareSubmitInvoke(user: TeamsUser, serviceUrl: string, data: unknown): Activity {
  return extensionInvoke(user, serviceUrl, 'composeExtension/submitAction', { commandId: 'shareToPlc', commandContext: 'message', context: { theme: 'default' }, data });
}
