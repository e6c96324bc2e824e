import type { TurnContext } from 'botbuilder';
import { renderNoticeCard } from '../../cards/notice-card';
import { resolveLanguage } from '../i18n/resolve-language';
import { strings } from '../i18n/strings';
import { localeOf, tenantOf } from '../edge/activity-facts';
import { answerInvokeWithCard, isCardActionInvoke } from './replies';

/** True when the tenant may use Cefnogi: an empty allow-list serves every tenant. */
export function tenantAllowed(allowed: readonly string[], context: TurnContext): boolean {
  return allowed.length === 0 || allowed.includes(tenantOf(context.activity));
}

/**
 * A short, polite refusal in the language of the Teams client. It reads and writes no
 * storage, so nothing about a person from another tenant is kept.
 */
export async function refuseTenant(context: TurnContext): Promise<void> {
  const language = resolveLanguage(undefined, localeOf(context.activity));
  const s = strings(language);
  if (isCardActionInvoke(context)) {
    await answerInvokeWithCard(context, renderNoticeCard(language, { title: s.common.appName, text: s.errors.refused, tone: 'attention' }));
  } else if (context.activity.type === 'message' || context.activity.type === 'installationUpdate' || context.activity.type === 'conversationUpdate') {
    await context.sendActivity(s.errors.refused);
  }
}
