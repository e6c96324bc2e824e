import { BotHarness } from '../support/bot-harness';
import { actionsOf } from '../support/card-actions';
import { cardsIn, cardText, invokeCard, type Card } from '../support/cards-in';
import { cardAction, message, teamsUser } from '../support/teams-activities';

const MANAGER = '7d1c0f7e-8a55-4d9b-9e0b-3c1f2a4b5c6d';

function inputIds(card: Card): string[] {
  return ((card.body ?? []) as { id?: string }[]).filter((e) => e.id).map((e) => e.id!);
}

describe('the profile', () => {
  const harness = new BotHarness();
  beforeAll(() => harness.start({ persist: true }));
  afterAll(() => harness.stop());
  beforeEach(() => harness.connector.clear());
  const keyOf = (user: { tenantId: string; aadObjectId: string }) => `${user.tenantId}:${user.aadObjectId}`;

  it('when someone without a profile types "profile", then they get the form with role, line manager, Welsh and EWC fields (the school is chosen from the register instead)', async () => {
    const user = teamsUser();
    await harness.post(message(user, harness.serviceUrl, 'profile'));
    const form = cardsIn(harness.connector.sent)[0]!;
    expect(inputIds(form)).toEqual(['roleId', 'lineManager', 'welshLevelId', 'ewcNumber', 'ewcRegistered', 'qualification', 'hltaStatus']);
    const picker = (form.body as Record<string, unknown>[]).find((e) => e.id === 'lineManager')!;
    expect(picker['choices.data']).toEqual({ type: 'Data.Query', dataset: 'graph.microsoft.com/users' });
    expect(cardText(form)).toContain('Teaching assistant – level 4 (HLTA)');
  });

  it('when a Welsh speaker saves a valid profile (from an older form that still sends a school), then it is stored without a typed school and shown back in Welsh with a way to choose schools, and "proffil" shows it after a restart', async () => {
    const user = teamsUser({ locale: 'cy-GB' });
    const saved = invokeCard(
      await harness.post(
        cardAction(user, harness.serviceUrl, 'profile.save', {
          roleId: 'teaching-assistant-2',
          school: '  Ysgol Gymraeg   Aberystwyth ',
          lineManager: MANAGER.toUpperCase(),
          welshLevelId: 'fluent',
          ewcNumber: '123 456',
        }),
      ),
    );
    expect(cardText(saved)).toContain("Mae eich proffil wedi'i gadw");
    expect(cardText(saved)).toContain('Cynorthwyydd addysgu – lefel 2');
    const stored = (await harness.bot!.store.users.read(keyOf(user), keyOf(user)))?.value.profile;
    expect(stored?.school).toBeUndefined();
    expect(stored).toMatchObject({
      roleId: 'teaching-assistant-2',
      lineManagerAadObjectId: MANAGER,
      welshLevelId: 'fluent',
      ewcNumber: '123456',
    });

    await harness.restart();
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, 'proffil'));
    const card = cardsIn(harness.connector.sent)[0]!;
    const shown = cardText(card);
    expect(shown).toContain("Ysgolion\nDim wedi'u dewis eto");
    expect(actionsOf(card, 'schools.mine').map((a) => a.title)).toEqual(['Fy ysgolion']);
    expect(shown).toContain('Rhugl neu iaith gyntaf');
  });

  it('when the form is sent with problems, then it comes back with each problem marked and what was typed kept, and nothing is saved', async () => {
    const user = teamsUser();
    const form = invokeCard(
      await harness.post(
        cardAction(user, harness.serviceUrl, 'profile.save', {
          roleId: 'astronaut-9',
          lineManager: user.aadObjectId,
          welshLevelId: 'entry',
          ewcNumber: 'ABC',
        }),
      ),
    );
    const text = cardText(form);
    expect(text).toContain('Please check the fields marked below.');
    expect(text).toContain('Choose your role.');
    expect(text).toContain('You cannot be your own line manager.');
    expect(text).toContain('An EWC registration number is digits only');
    const ewc = (form.body as Record<string, unknown>[]).find((e) => e.id === 'ewcNumber')!;
    expect(ewc.value).toBe('ABC');
    expect((await harness.bot!.store.users.read(keyOf(user), keyOf(user)))?.value.profile).toBeUndefined();
  });

  it('when the form data is tampered with (not text), then an error card comes back and nothing is saved', async () => {
    const user = teamsUser();
    const answer = await harness.post(
      cardAction(user, harness.serviceUrl, 'profile.save', { roleId: ['teaching-assistant-1'], lineManager: { $where: 1 }, welshLevelId: 'none' }),
    );
    expect(answer.status).toBeLessThan(500);
    expect(cardText(invokeCard(answer))).toContain("That card can't be used");
    expect((await harness.bot!.store.users.read(keyOf(user), keyOf(user)))?.value.profile).toBeUndefined();
  });

  it('when someone edits their profile, then the form comes filled with what they saved', async () => {
    const user = teamsUser();
    await harness.post(
      cardAction(user, harness.serviceUrl, 'profile.save', { roleId: 'business-management-2', welshLevelId: 'entry' }),
    );
    const form = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, 'profile.edit')));
    const values = Object.fromEntries((form.body as Record<string, unknown>[]).filter((e) => e.id).map((e) => [e.id, e.value]));
    expect(values).toMatchObject({ roleId: 'business-management-2', welshLevelId: 'entry' });
  });
});
