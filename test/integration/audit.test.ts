import { createAuditLog } from '../../bot/audit/audit-log';
import { createSchoolRegister } from '../../bot/register/school-register';
import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';
import { cardProblems } from '../support/validate-card';

let clock = new Date('2026-12-14T13:00:00Z');
const tick = () => void (clock = new Date(clock.getTime() + 60_000));
const TENANT = '11111111-2222-3333-4444-555555555555';
const person = (name: string, locale = 'en-GB') => teamsUser({ name, locale, tenantId: TENANT });
const orgAdmin = person('Olwen Organisation');
const cardiffAdmin = person('Llew Caerdydd');
const swanseaAdmin = person('Siôn Abertawe');
const staff = person('Cai Staff');
const school = (number: string, name: string, laId: string) => ({ number, name, laId, sector: 'primary' as const, languageCategory: 'welsh-medium' as const, open: true });

describe('reading the audit, over HTTP as Teams sends it', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${orgAdmin.aadObjectId}` });
  const act = async (user: TeamsUser, verb: string, data: Record<string, unknown> = {}): Promise<Card> => {
    tick();
    return invokeCard(await harness.post(cardAction(user, harness.serviceUrl, verb, data)));
  };
  /** The entries of an audit card, each as its three lines. */
  const entries = (card: Card) => ((card.body ?? []) as { type: string; items?: { text: string }[] }[]).filter((b) => b.type === 'Container').map((c) => c.items!.map((i) => i.text).join(' | '));

  beforeAll(async () => {
    await harness.start({ now: () => clock });
    await createSchoolRegister(harness.bot!.store).save(TENANT, [school('6811111', 'Ysgol y Castell', 'cardiff'), school('6822222', 'Ysgol y Môr', 'swansea')], 'test', clock);
    for (const u of [orgAdmin, cardiffAdmin, swanseaAdmin, staff]) await harness.post(message(u, harness.serviceUrl, 'help'));
    await act(orgAdmin, 'roles.appoint', { person: cardiffAdmin.aadObjectId, role: 'la-admin', laId: 'cardiff' });
    await act(orgAdmin, 'roles.appoint', { person: swanseaAdmin.aadObjectId, role: 'la-admin', laId: 'swansea' });
    await act(cardiffAdmin, 'roles.appoint', { person: staff.aadObjectId, school: '6811111' });
    await act(swanseaAdmin, 'roles.appoint', { person: staff.aadObjectId, school: '6811111' }); // refused: not their authority
    await act(cardiffAdmin, 'roles.appoint', { person: cardiffAdmin.aadObjectId, school: '6811111' }); // refused: self
    // Twenty refusals by someone with no role, so the organisation's audit runs to a second page.
    for (let i = 0; i < 20; i += 1) await act(person(`Chwilfrydig ${i}`), 'roles.show');
  });
  afterAll(() => harness.stop());

  it('when an organisation administrator reads the audit, then every entry shows newest first in words, twenty a page, with Older and Newer', async () => {
    const first = await act(orgAdmin, 'audit.show');
    expect(cardProblems(first)).toEqual([]);
    const page1 = entries(first);
    expect(page1).toHaveLength(20);
    expect(page1[0]).toBe('14 Dec 2026, 13:25: Chwilfrydig 19 (no administrator role) | Open the administrators: the whole organisation | Refused: not an administrator');
    expect(actionsOf(first, 'audit.show').map((a) => a.title)).toEqual(['Older']);
    expect(actionsOf(first, 'audit.export').map((a) => a.title)).toEqual(['Export']);

    const older = await act(orgAdmin, 'audit.show', actionsOf(first, 'audit.show')[0]!.data);
    const page2 = entries(older);
    expect(page2).toEqual([
      '14 Dec 2026, 13:05: Llew Caerdydd (local-authority administrator) | Appoint a school administrator: Llew Caerdydd, Ysgol y Castell | Refused: people cannot give themselves a role or take their own away',
      "14 Dec 2026, 13:04: Siôn Abertawe (local-authority administrator) | Appoint a school administrator: school Ysgol y Castell | Refused: not an administrator of that school",
      '14 Dec 2026, 13:03: Llew Caerdydd (local-authority administrator) | Appoint a school administrator: Cai Staff, Ysgol y Castell | Done',
      '14 Dec 2026, 13:02: Olwen Organisation (organisation administrator) | Appoint a local-authority administrator: Siôn Abertawe, swansea | Done',
      '14 Dec 2026, 13:01: Olwen Organisation (organisation administrator) | Appoint a local-authority administrator: Llew Caerdydd, cardiff | Done',
    ]);
    const newer = actionsOf(older, 'audit.show').find((a) => a.title === 'Newer');
    expect(newer).toBeDefined();
    expect(entries(await act(orgAdmin, 'audit.show', newer!.data))).toEqual(page1);
  });

  it("when an LA administrator reads the audit, then only their authority's entries show", async () => {
    const card = await act(cardiffAdmin, 'audit.show');
    const shown = entries(card);
    expect(shown.map((e) => e.split(' | ')[1])).toEqual([
      'Appoint a school administrator: Llew Caerdydd, Ysgol y Castell',
      'Appoint a school administrator: school Ysgol y Castell',
      'Appoint a school administrator: Cai Staff, Ysgol y Castell',
      'Appoint a local-authority administrator: Llew Caerdydd, cardiff',
    ]);
    expect(cardText(await act(swanseaAdmin, 'audit.show'))).not.toContain('Ysgol y Castell: Cai Staff');
  });

  it('when a school administrator or someone with no role asks for the audit, then they are refused and the refusal is audited', async () => {
    expect(cardText(await act(staff, 'audit.show'))).toContain('Only organisation and local-authority administrators can read the audit.');
    expect((await createAuditLog(harness.bot!.store).page(TENANT, {}))[0]).toMatchObject({ actor: staff.aadObjectId, action: 'audit.show', outcome: 'refused' });
    const outsider = person('Neb', 'cy-GB');
    await harness.post(message(outsider, harness.serviceUrl, 'archwiliad'));
    expect(cardText(await act(outsider, 'audit.show'))).toContain('Dim ond gweinyddwyr Cefnogi');
  });

  it('when the audit holds twenty entries with the longest names, then the card validates in both languages and stays under 80 KB', async () => {
    const log = createAuditLog(harness.bot!.store);
    for (let i = 0; i < 20; i += 1) {
      tick();
      await log.record({ actor: { tenantId: TENANT, aadObjectId: orgAdmin.aadObjectId }, actorName: 'Ŵ'.repeat(100), role: 'tenant-admin', action: 'roles.appointSchoolAdmin', target: { kind: 'person', id: 'x', label: 'Ŷ'.repeat(200) }, laId: 'cardiff', outcome: 'refused', reason: 'last-admin' }, clock);
    }
    for (const reader of [orgAdmin, { ...orgAdmin, locale: 'cy-GB' }]) {
      await harness.post(message(reader, harness.serviceUrl, reader.locale === 'cy-GB' ? 'cymraeg' : 'english'));
      const answer = await harness.post(cardAction(reader, harness.serviceUrl, 'audit.show', {}));
      const card = invokeCard(answer);
      expect(cardProblems(card)).toEqual([]);
      expect(entries(card)).toHaveLength(20);
      const size = Buffer.byteLength(JSON.stringify(answer.body), 'utf16le');
      if (process.env.CEFNOGI_FIGURES === '1') console.log(`audit card, 20 entries, longest names (${reader.locale}): ${size} bytes UTF-16`);
      expect(size).toBeLessThan(80 * 1024);
    }
  });
});
