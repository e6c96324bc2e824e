import { MemoryCollection } from '../../bot/storage/memory-collection';
import { userKey, type UserRecord } from '../../bot/users/user-record';
import { UserSession } from '../../bot/users/user-session';

const identity = { tenantId: 'T1', aadObjectId: 'U1' };
const now = () => new Date('2026-11-23T09:00:00Z');

describe('a turn’s view of the user', () => {
  it('when a turn changes nothing, then nothing is written', async () => {
    const users = new MemoryCollection<UserRecord>();
    const session = await UserSession.load(users, identity, now);
    await session.save();
    expect(await users.read(userKey(identity), userKey(identity))).toBeUndefined();
  });

  it('when two devices change different things at once, then both changes are kept', async () => {
    const users = new MemoryCollection<UserRecord>();
    const first = await UserSession.load(users, identity, now);
    first.change((u) => void (u.name = 'Siân'));
    await first.save();
    const phone = await UserSession.load(users, identity, now);
    const laptop = await UserSession.load(users, identity, now);
    phone.change((u) => void (u.language = 'cy'));
    laptop.change((u) => void (u.welcomedConversationId = 'a:1'));
    await phone.save();
    await laptop.save();
    const stored = (await users.read(userKey(identity), userKey(identity)))!.value;
    expect(stored).toMatchObject({ name: 'Siân', language: 'cy', welcomedConversationId: 'a:1' });
  });

  it('when two turns race to do a one-time thing, then exactly one of them does it', async () => {
    const users = new MemoryCollection<UserRecord>();
    const a = await UserSession.load(users, identity, now);
    const b = await UserSession.load(users, identity, now);
    const once = (s: UserSession) => s.changeOnce((u) => u.welcomedConversationId !== 'a:1', (u) => void (u.welcomedConversationId = 'a:1'));
    const results = await Promise.all([once(a), once(b)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
