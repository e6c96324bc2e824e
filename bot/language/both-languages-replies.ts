import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { isPersonal } from '../edge/activity-facts';
import { bilingualCard } from '../i18n/bilingual-card';
import { TurnJournal } from '../i18n/turn-journal';
import { englishCardOf } from '../i18n/welsh-to-english';
import type { UserSession } from '../users/user-session';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const cardSchema = z.object({ type: z.literal('AdaptiveCard'), version: z.string() }).passthrough();
const invokeCardSchema = z.object({ status: z.number(), body: z.object({ type: z.literal(ADAPTIVE), value: cardSchema }).passthrough() }).passthrough();

/** One outgoing activity with each of its cards (attachments, or an invoke's answer) in both languages. */
function translated(activity: Partial<Activity>, journal: TurnJournal): Partial<Activity> {
  /** A card drawn in Welsh, with its English beneath. */
  const inBoth = (card: AdaptiveCardJson): AdaptiveCardJson => bilingualCard(card, englishCardOf(card, journal));
  if (activity.type === 'invokeResponse') {
    const answer = invokeCardSchema.safeParse(activity.value);
    if (!answer.success) return activity;
    return { ...activity, value: { ...answer.data, body: { ...answer.data.body, value: inBoth(answer.data.body.value as AdaptiveCardJson) } } };
  }
  if (!activity.attachments?.some((a) => a.contentType === ADAPTIVE)) return activity;
  return {
    ...activity,
    attachments: activity.attachments.map((a) => {
      const card = cardSchema.safeParse(a.content);
      return a.contentType === ADAPTIVE && card.success ? { ...a, content: inBoth(card.data as AdaptiveCardJson) } : a;
    }),
  };
}

/** True while the person reads Welsh and English (they may choose it in the middle of a turn). */
function readsBoth(session: UserSession): boolean {
  return session.user.bothLanguages === true && session.user.language === 'cy';
}

/**
 * The one place a turn's cards become bilingual: for a person who chose "Cymraeg a Saesneg
 * / Welsh and English", every card this turn sends or answers in their personal chat (drawn
 * in Welsh, as their language is `cy`) goes out Welsh first with the English beneath, made
 * from what the turn's journal wrote down as the Welsh was drawn. Returns that journal, for
 * the turn pipeline to run the turn in (`inTurnJournal`); undefined in shared chats, which
 * keep their own language (others read there too) and write nothing down.
 */
export function answerInBothLanguages(context: TurnContext, session: UserSession): TurnJournal | undefined {
  if (!isPersonal(context.activity)) return undefined;
  const journal = new TurnJournal(() => readsBoth(session));
  context.onSendActivities(async (_ctx, activities, next) => {
    if (readsBoth(session)) activities.forEach((a, i) => (activities[i] = translated(a, journal)));
    return next();
  });
  return journal;
}
