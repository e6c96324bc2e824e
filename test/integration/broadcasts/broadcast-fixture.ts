import { membershipsCollection } from '../../../bot/membership/membership-record';
import { createSchoolRegister } from '../../../bot/register/school-register';
import { schoolKey } from '../../../bot/school/school-settings';
import { updateDocument } from '../../../bot/storage/update-document';
import { userKey } from '../../../bot/users/user-record';
import { broadcastsCollection, broadcastsPartition, readsPartition, broadcastReadsCollection } from '../../../bot/broadcasts/broadcast-record';
import type { BotHarness } from '../../support/bot-harness';
import { cardsIn, cardText, invokeCard, type Card } from '../../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../../support/teams-activities';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const person = (name: string, locale = 'en-GB', tenantId = TENANT): TeamsUser => teamsUser({ name, locale, tenantId });
const school = (number: string, name: string, laId: string) => ({ number, name, laId, sector: 'primary' as const, languageCategory: 'welsh-medium' as const, open: true });

/** Two Cardiff schools and one in Swansea, as the register holds them. */
export const SCHOOLS = { castell: '6811111', afon: '6812222', mor: '6722222' };

/** A complete compose form, as Teams sends its inputs; `over` changes fields. */
export function form(over: Record<string, string> = {}): Record<string, string> {
  return {
    titleCy: 'Polisi ymddygiad newydd',
    bodyCy: 'Darllenwch y **polisi newydd** ar [wefan y staff](https://staff.example.cymru/polisi).',
    titleEn: 'New behaviour policy',
    bodyEn: 'Please read the **new policy** on [the staff site](https://staff.example.cymru/policy).',
    link: 'https://staff.example.cymru/policy',
    confirmRead: 'true',
    readBy: '',
    audienceKind: 'schools',
    laId: '',
    schools: SCHOOLS.castell,
    families: '',
    levels: '',
    urgent: 'false',
    sendDate: '',
    sendTime: '',
    ...over,
  };
}

/** The schools in the register, and the people: members confirmed at them, with roles and languages. */
export async function seed(harness: BotHarness, clock: () => Date, people: { user: TeamsUser; schoolNumber: string; roleId?: string; welsh?: boolean; known?: boolean }[]): Promise<void> {
  const store = harness.bot!.store;
  const register = createSchoolRegister(store);
  await register.save(TENANT, [school(SCHOOLS.castell, 'Ysgol y Castell', 'cardiff'), school(SCHOOLS.afon, 'Ysgol yr Afon', 'cardiff'), school(SCHOOLS.mor, 'Ysgol y Môr', 'swansea')], 'test', clock());
  const catalogue = await register.catalogue(TENANT);
  for (const p of people) {
    if (p.known !== false) {
      await harness.post(message(p.user, harness.serviceUrl, p.welsh ? 'cymraeg' : 'english'));
      if (p.roleId) {
        const key = userKey(p.user);
        await updateDocument(store.users, key, key, (u) => (u ? { ...u, profile: { roleId: p.roleId!, welshLevelId: 'entry', updatedAt: clock().toISOString() } } : undefined));
      }
    }
    const schoolId = catalogue.find((s) => s.number === p.schoolNumber)!.id;
    await store.collection(membershipsCollection).create({
      id: userKey(p.user),
      pk: schoolKey(TENANT, schoolId),
      kind: 'membership',
      tenantId: TENANT,
      schoolId,
      aadObjectId: p.user.aadObjectId.toLowerCase(),
      name: p.user.name,
      status: 'confirmed',
      source: 'import',
      requestedAt: clock().toISOString(),
    });
  }
}

/** Presses a card button (or crafts the verb) as `user`, answering the card that comes back. */
export async function act(harness: BotHarness, user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> {
  return invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
}

/** What a typed command answered with. */
export async function say(harness: BotHarness, user: TeamsUser, text: string): Promise<Card> {
  harness.connector.clear();
  await harness.post(message(user, harness.serviceUrl, text));
  const cards = cardsIn(harness.connector.sent);
  return cards[cards.length - 1]!;
}

/** The broadcasts stored for the tenant (drafts and sent). */
export async function storedBroadcasts(harness: BotHarness) {
  return (await harness.bot!.store.collection(broadcastsCollection).findInPartition(broadcastsPartition(TENANT), { kind: 'broadcast' })).map((b) => b.value);
}

/** Who confirmed reading one broadcast. */
export async function storedReads(harness: BotHarness, broadcastId: string) {
  return (await harness.bot!.store.collection(broadcastReadsCollection).findInPartition(readsPartition(TENANT, broadcastId), { kind: 'broadcast-read' })).map((r) => r.value);
}

/** Sends whatever bulk messages are due, and answers the broadcast cards each person got, by object id. */
export async function deliver(harness: BotHarness): Promise<Map<string, Card[]>> {
  harness.connector.clear();
  await harness.bot!.proactive.bulkSender.pump();
  await harness.bot!.proactive.bulkSender.idle();
  const out = new Map<string, Card[]>();
  for (const sent of harness.connector.sent) {
    const id = sent.conversationId.replace(/^a:personal-/, '');
    out.set(id, [...(out.get(id) ?? []), ...cardsIn([sent])]);
  }
  return out;
}

export { cardText };
