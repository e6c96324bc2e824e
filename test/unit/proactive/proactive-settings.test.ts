import { loadConfig } from '../../../bot/config';
import { activitiesUrl, parseRetryAfter } from '../../../bot/edge/http-connector-transport';

describe('the tenant rate setting', () => {
  it('when it is not set, then Cefnogi paces to 40 a second, below Teams\' 50', () => {
    expect(loadConfig({}).TEAMS_TENANT_RATE_PER_SECOND).toBe(40);
  });

  it.each(['0', '51', '12.5', 'fast'])('when it is %s, then start-up stops naming it', (value) => {
    expect(() => loadConfig({ TEAMS_TENANT_RATE_PER_SECOND: value })).toThrow(/TEAMS_TENANT_RATE_PER_SECOND/);
  });
});

describe('reading Retry-After', () => {
  const now = new Date('2025-06-02T09:00:00Z');
  it.each([
    ['1', 1000],
    ['120', 120_000],
    [' 2 ', 2000],
    ['0.5', 500],
    ['Mon, 02 Jun 2025 09:00:30 GMT', 30_000],
    ['Mon, 02 Jun 2025 08:59:00 GMT', 0],
  ])('when the connector says %j, then the engine waits %i ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each([[null], [''], ['soon']])('when the header is %j, then there is no Retry-After and the engine backs off on its own', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('the connector address', () => {
  it('when the conversation id holds Teams characters, then it is escaped into one path segment', () => {
    const ref = { serviceUrl: 'https://smba.trafficmanager.net/uk', channelId: 'msteams', conversationId: 'a:1Xy;messageid=2@thread', tenantId: 't', botId: 'b' };
    expect(activitiesUrl(ref)).toBe('https://smba.trafficmanager.net/uk/v3/conversations/a%3A1Xy%3Bmessageid%3D2%40thread/activities');
  });
});
