import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { isPersonal } from '../edge/activity-facts';
import { bilingualCard } from '../i18n/bilingual-card';
import { englishCardOf } from '../i18n/welsh-to-english';
import type { UserSession } from '../users/user-session';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const cardSchema = z.object({ type: z.literal('AdaptiveCard'), version: z.string() }).passthrough();
const invokeCardSchema = z.object({ status: z.number(), body: z.object({ type: z.literal(ADAPTIVE), value: cardSchema }).passthrough() }).passthrough();

/** A card drawn in Welsh for a "Welsh and English" reader, with its English beneath. */
function inBoth(card: AdaptiveCardJson): AdaptiveCardJson {
  return bilingualCard(card, englishCardOf(card));
}

/** One outgoing activity with each of its cards (attachments, or an invoke's answer) in both languages. */
function translated(activity: Partial<Activity>): Partial<Activity> {
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

/**
 * The one place a turn's cards become bilingual: for a person who chose "Cymraeg a Saesneg
 * / Welsh and English", every card this turn sends or answers in their personal chat (drawn
 * in Welsh, as their language is `cy`) goes out Welsh first with the English beneath. Shared
 * chats keep their own language: others read there too.
 */
export function answerInBothLanguages(context: TurnContext, session: UserSession): void {
  if (!isPersonal(context.activity)) return;
  context.onSendActivities(async (_ctx, activities, next) => {
    if (session.user.bothLanguages && session.user.language === 'cy') {
      activities.forEach((a, i) => (activities[i] = translated(a)));
    }
    return next();
  });
}
