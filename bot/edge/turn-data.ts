import type { TurnContext } from 'botbuilder';
import type { UserSession } from '../users/user-session';
import type { Language, UserIdentity } from '../users/user-record';

/** What every handler of a turn can rely on, prepared once before routing. */
export interface TurnData {
  identity: UserIdentity;
  session: UserSession;
  /** The language to answer in right now (it changes when the user switches). */
  language(): Language;
}

const KEY = Symbol('cefnogi.turnData');

export function setTurnData(context: TurnContext, data: TurnData): void {
  context.turnState.set(KEY, data);
}

/** The turn's data; every routed activity has it, as the pipeline sets it before routing. */
export function turnData(context: TurnContext): TurnData {
  const data = context.turnState.get(KEY) as TurnData | undefined;
  if (!data) throw new Error('turn data missing: the activity did not come through the turn pipeline');
  return data;
}

/** The turn's data if the pipeline got as far as setting it (the error handler's case). */
export function turnDataOrUndefined(context: TurnContext): TurnData | undefined {
  return context.turnState.get(KEY) as TurnData | undefined;
}
