import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Config } from '../config';
import type { ConnectorTransport, SendResult } from '../proactive/connector-transport';
import type { ConversationRef } from '../users/conversation-ref';

/** Where Bot Framework tokens for the connector come from (public Azure). */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';
const LOGIN_ENDPOINT = 'https://login.microsoftonline.com/botframework.com';
const DEFAULT_TIMEOUT_MS = 20_000;

/** Options for tests and unusual deployments. */
export interface HttpConnectorTransportOptions {
  /** Per request, after which the send counts as unanswered (status 0, retried). Default 20 s. */
  timeoutMs?: number;
  /** A bearer token source; default: the bot's credentials when BOT_ID is set, none in local mode. */
  token?: (forceRefresh: boolean) => Promise<string | undefined>;
  now?: () => Date;
}

/**
 * The proactive engine's way into Teams: one POST of one activity to the conversation (or one
 * PUT replacing an activity sent before), with `fetch`, and no retries. The SDK's connector client retries 429s on its own, which would
 * hide them from the engine that paces and retries for every instance; here every answer,
 * Retry-After included, goes back to the engine as it came.
 */
export function createHttpConnectorTransport(
  config: Pick<Config, 'BOT_ID' | 'BOT_PASSWORD' | 'BOT_TYPE' | 'BOT_TENANT_ID'>,
  options: HttpConnectorTransportOptions = {},
): ConnectorTransport {
  const token = options.token ?? botFrameworkToken(config);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const request = async (method: 'POST' | 'PUT', url: string, body: string, forceRefresh: boolean): Promise<Response> => {
    const bearer = await token(forceRefresh);
    return fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  };
  // One attempt, and every answer (Retry-After included) goes back to the engine as it came.
  const once = async (method: 'POST' | 'PUT', url: string, activity: Record<string, unknown>, knownId?: string): Promise<SendResult> => {
    const body = JSON.stringify(activity);
    try {
      let res = await request(method, url, body, false);
      // A token the connector no longer accepts: fetch a fresh one once.
      if (res.status === 401 && config.BOT_ID) res = await request(method, url, body, true);
      const text = await res.text();
      if (res.ok) return { ok: true, activityId: activityIdIn(text) || (knownId ?? '') };
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
      return { ok: false, status: res.status, message: errorMessageIn(text, res.statusText), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    } catch (err) {
      return { ok: false, status: 0, message: (err as Error).message };
    }
  };
  return {
    send: (ref, activity) => once('POST', activitiesUrl(ref), addressed(ref, activity)),
    // Teams replaces the activity named in the URL; the body carries the same id.
    update: (ref, activityId, activity) =>
      once('PUT', `${activitiesUrl(ref)}/${encodeURIComponent(activityId)}`, { ...addressed(ref, activity), id: activityId }, activityId),
  };
}

/** `{serviceUrl}v3/conversations/{id}/activities`, the id escaped (Teams ids hold `:` `@` `;`). */
export function activitiesUrl(ref: ConversationRef): string {
  const base = ref.serviceUrl.endsWith('/') ? ref.serviceUrl : `${ref.serviceUrl}/`;
  return `${base}v3/conversations/${encodeURIComponent(ref.conversationId)}/activities`;
}

/** The activity with who it is from and where it goes, as the connector expects them. */
function addressed(ref: ConversationRef, activity: Record<string, unknown>): Record<string, unknown> {
  return {
    ...activity,
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    from: { id: ref.botId, ...(ref.botName ? { name: ref.botName } : {}) },
    conversation: { id: ref.conversationId, tenantId: ref.tenantId, ...(ref.conversationType ? { conversationType: ref.conversationType } : {}) },
    ...(ref.userId ? { recipient: { id: ref.userId } } : {}),
    channelData: { tenant: { id: ref.tenantId } },
  };
}

/**
 * Retry-After as milliseconds from `now`: either delay-seconds or an HTTP date (RFC 9110);
 * undefined when absent or unreadable, so the engine falls back to its own backoff.
 */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function activityIdIn(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'id' in parsed && typeof parsed.id === 'string') return parsed.id;
  } catch {
    /* an empty or non-JSON body: the send still succeeded */
  }
  return '';
}

/** The connector's own error code and message, short; never the activity we sent. */
function errorMessageIn(text: string, statusText: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof parsed.error?.code === 'string' ? parsed.error.code : '';
    const message = typeof parsed.error?.message === 'string' ? parsed.error.message : '';
    const both = [code, message].filter(Boolean).join(': ');
    if (both) return both.slice(0, 300);
  } catch {
    /* not JSON */
  }
  return (statusText || text).slice(0, 300);
}

/**
 * Bearer tokens for the connector from the bot's app registration, through the Bot
 * Framework's own credential factory (client secret, or managed identity for
 * UserAssignedMsi); MSAL inside caches and refreshes them. No BOT_ID: local mode, no token.
 */
function botFrameworkToken(config: Pick<Config, 'BOT_ID' | 'BOT_PASSWORD' | 'BOT_TYPE' | 'BOT_TENANT_ID'>): (force: boolean) => Promise<string | undefined> {
  const appId = config.BOT_ID;
  if (appId === undefined) return async () => undefined;
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: config.BOT_TYPE === 'UserAssignedMsi' ? undefined : config.BOT_PASSWORD,
    MicrosoftAppType: config.BOT_TYPE,
    MicrosoftAppTenantId: config.BOT_TENANT_ID,
  });
  let credentials: Promise<unknown> | undefined;
  return async (force) => {
    credentials ??= factory.createCredentials(appId, CONNECTOR_AUDIENCE, LOGIN_ENDPOINT, true);
    let made: unknown;
    try {
      made = await credentials;
    } catch (err) {
      credentials = undefined;
      throw err;
    }
    if (!hasGetToken(made)) throw new Error('the Bot Framework credentials cannot issue tokens');
    return made.getToken(force);
  };
}

function hasGetToken(value: unknown): value is { getToken(force?: boolean): Promise<string> } {
  return typeof value === 'object' && value !== null && 'getToken' in value && typeof value.getToken === 'function';
}
