import type { Activity } from 'botbuilder';
import type { ConversationRef } from '../users/conversation-ref';
import type { UserIdentity } from '../users/user-record';

/** The tenant of an activity: Teams puts it on the conversation and in channelData. */
export function tenantOf(activity: Activity): string {
  const fromChannel = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return (activity.conversation.tenantId ?? fromChannel ?? '').toLowerCase();
}

/** The person acting, from the authenticated activity only. */
export function identityOf(activity: Activity): UserIdentity {
  return { tenantId: tenantOf(activity), aadObjectId: (activity.from.aadObjectId ?? '').toLowerCase() };
}

/** The Teams client's locale: on the activity, or in the clientInfo entity. */
export function localeOf(activity: Activity): string | undefined {
  if (activity.locale) return activity.locale;
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo') as { locale?: unknown } | undefined;
  return typeof clientInfo?.locale === 'string' ? clientInfo.locale : undefined;
}

/** Whether this is the one-to-one chat between a person and the bot. */
export function isPersonal(activity: Activity): boolean {
  const type = activity.conversation.conversationType;
  return type === undefined || type === 'personal';
}

/** The plain conversation reference stored for proactive messages. */
export function conversationRefOf(activity: Activity): ConversationRef {
  return {
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    conversationId: activity.conversation.id,
    conversationType: activity.conversation.conversationType,
    tenantId: tenantOf(activity),
    botId: activity.recipient.id,
    botName: activity.recipient.name,
    userId: isPersonal(activity) ? activity.from.id : undefined,
    locale: localeOf(activity),
  };
}
