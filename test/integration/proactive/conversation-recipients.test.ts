import { createHttpConnectorTransport } from '../../../bot/edge/http-connector-transport';
import { bulkDeliveryKey } from '../../../bot/proactive/bulk-message';
import { conversationRecipient } from '../../../bot/proactive/conversation-recipient';
import { TEAMS_CONVERSATION_WINDOWS } from '../../../bot/proactive/rate-window';
import { safeId } from '../../../bot/storage/document-collection';
import type { ThrottlingConnector } from '../../support/throttling-connector';
import { addPerson, conversationRef, engineOn, LOCAL, proactiveTestBed, type ProactiveTestStore } from './proactive-fixture';

let connector: ThrottlingConnector;
let serviceUrl: string;
let store: ProactiveTestStore;
proactiveTestBed('channels', (b) => ({ store, connector, serviceUrl } = b), { conversationWindows: TEAMS_CONVERSATION_WINDOWS, perSecond: 50 });

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const meeting = { en: { text: 'The network meets on Thursday' }, cy: { text: "Mae'r rhwydwaith yn cwrdd ddydd Iau" } };

/** A team channel Cefnogi was added to (or, with `installed: false`, removed from). */
async function addChannel(conversationId: string, installed = true): Promise<string> {
  const ref = { ...conversationRef(serviceUrl, conversationId), conversationType: 'channel' };
  await store.conversations.create({ id: safeId(conversationId), pk: TENANT, kind: 'conversation', ref, installed, updatedAt: '2026-11-01T00:00:00.000Z' });
  return conversationRecipient(TENANT, conversationId);
}

describe('messages to channels and group chats Cefnogi was added to', () => {
  it('when a message to a channel asks for Welsh, then the Welsh version is posted in that channel and its delivery says so', async () => {
    const channel = await addChannel('19:plc-maths/ysgolion@thread.tacv2');
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    await engine.outbox.enqueue({ key: 'plc-meeting:1', recipient: channel, content: meeting, language: 'cy', quietHours: false });
    expect(await engine.sender.drain()).toMatchObject({ sent: 1 });
    expect(connector.delivered).toHaveLength(1);
    expect(connector.delivered[0]).toMatchObject({
      conversationId: '19:plc-maths/ysgolion@thread.tacv2',
      activity: { text: meeting.cy.text, locale: 'cy-GB', conversation: { id: '19:plc-maths/ysgolion@thread.tacv2', conversationType: 'channel' } },
    });
    expect(await engine.outbox.get('plc-meeting:1')).toMatchObject({ status: 'sent', language: 'cy', recipient: channel });
  });

  it('when a message to a group chat names no language, then it goes in English', async () => {
    const chat = await addChannel('19:group-chat-1@thread.v2');
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    await engine.outbox.enqueue({ key: 'plc-meeting:2', recipient: chat, content: meeting, quietHours: false });
    await engine.sender.drain();
    expect(connector.delivered.map((r) => r.activity.text)).toEqual([meeting.en.text]);
  });

  it('when Cefnogi was removed from the channel, then nothing is posted and the message ends unreachable, not installed', async () => {
    const channel = await addChannel('19:old-team@thread.tacv2', false);
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    await engine.outbox.enqueue({ key: 'plc-meeting:3', recipient: channel, content: meeting, quietHours: false });
    expect(await engine.sender.drain()).toMatchObject({ unreachable: 1 });
    expect(connector.requests).toHaveLength(0);
    expect(await engine.outbox.get('plc-meeting:3')).toMatchObject({ status: 'unreachable', unreachable: 'not-installed' });
  });

  it('when Cefnogi has no record of the conversation, then the message ends unreachable with no conversation', async () => {
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL) });
    await engine.outbox.enqueue({ key: 'plc-meeting:4', recipient: conversationRecipient(TENANT, '19:never@thread.tacv2'), content: meeting, quietHours: false });
    expect(await engine.sender.drain()).toMatchObject({ unreachable: 1 });
    expect(connector.requests).toHaveLength(0);
    expect(await engine.outbox.get('plc-meeting:4')).toMatchObject({ status: 'unreachable', unreachable: 'no-conversation' });
  });

  it('when a bulk message goes to people and channels, then each person gets their language and each channel the message language', async () => {
    const welsh = await addPerson(store, 1, { serviceUrl, language: 'cy' });
    const english = await addPerson(store, 2, { serviceUrl, language: 'en' });
    const channels = [await addChannel('19:one@thread.tacv2'), await addChannel('19:two@thread.tacv2'), await addChannel('19:gone@thread.tacv2', false)];
    const engine = engineOn(store, { transport: createHttpConnectorTransport(LOCAL), config: { TEAMS_TENANT_RATE_PER_SECOND: 50 } });
    await engine.bulkOutbox.enqueue({ key: 'network:news', recipients: [welsh.id, english.id, ...channels], content: meeting, language: 'cy', quietHours: false });
    await engine.bulkSender.pump();
    await engine.bulkSender.idle();
    const textIn = (conversationId: string) => connector.delivered.find((r) => r.conversationId === conversationId)?.activity.text;
    expect(textIn('a:personal-1')).toBe(meeting.cy.text);
    expect(textIn('a:personal-2')).toBe(meeting.en.text);
    expect(textIn('19:one@thread.tacv2')).toBe(meeting.cy.text);
    expect(textIn('19:two@thread.tacv2')).toBe(meeting.cy.text);
    expect(connector.delivered).toHaveLength(4);
    expect(await engine.bulkOutbox.get('network:news')).toMatchObject({ figures: { sent: 4, unreachable: 1 } });
    expect(await engine.outbox.get(bulkDeliveryKey('network:news', channels[2] as string))).toMatchObject({ status: 'unreachable', unreachable: 'not-installed' });
  });

  it('when a conversation recipient is made, then it never looks like a person and a tenant with a colon is refused', () => {
    expect(conversationRecipient(TENANT, '19:a@thread.tacv2').startsWith('conversation:')).toBe(true);
    expect(() => conversationRecipient('a:b', '19:a')).toThrow();
  });
});
