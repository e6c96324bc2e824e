import en from '../../bot/i18n/en.json';
import cy from '../../bot/i18n/cy.json';
import manifest from '../../appPackage/manifest.json';
import manifestCy from '../../appPackage/cy.json';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText } from '../support/cards-in';
import { appointSchoolAdmin, registerSchools, school } from '../support/school-register-fixture';
import { message, teamsUser, type TeamsUser } from '../support/teams-activities';

const TENANT = '11111111-2222-3333-4444-555555555555';
const tenantAdmin = teamsUser({ aadObjectId: 'c0c0c0c0-1111-4222-8333-444455550001', name: 'Gweinyddwr Cenedlaethol', tenantId: TENANT });
const head = teamsUser({ aadObjectId: 'c0c0c0c0-1111-4222-8333-444455550002', name: 'Pennaeth', tenantId: TENANT });
const staff = teamsUser({ aadObjectId: 'c0c0c0c0-1111-4222-8333-444455550003', name: 'Cynorthwyydd', tenantId: TENANT });

/** What Cefnogi says to words it does not know: a command that reaches this is not a command. */
const NOT_UNDERSTOOD = [en.fallback, cy.fallback].flatMap((f) => Object.values(f));

/**
 * Every command a person can type is on the help card of those who may use it (the
 * administrator's on `admin`), answers to its Welsh and its English words, and the personal
 * commands are in the manifest's command list in both languages.
 */
describe('commands people can find and type', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${tenantAdmin.aadObjectId}` });
  beforeAll(async () => {
    await harness.start();
    const ids = await registerSchools(harness.bot!.store, TENANT, [school('Ysgol y Castell')]);
    await appointSchoolAdmin(harness.bot!.store, TENANT, ids.get('Ysgol y Castell')!.id, head.aadObjectId);
  });
  afterAll(() => harness.stop());

  async function say(user: TeamsUser, text: string): Promise<string> {
    harness.connector.clear();
    await harness.post(message(user, harness.serviceUrl, text));
    return cardsIn(harness.connector.sent).map(cardText).join('\n') || harness.connector.sent.map((s) => String(s.activity.text ?? '')).join('\n');
  }

  it.each([
    ['English', en.help.commands],
    ['Welsh', cy.help.commands],
  ])('when someone types each command on the %s help card, then Cefnogi understands it', async (_language, commands) => {
    for (const { command } of commands) {
      const answer = await say(staff, command);
      expect([command, NOT_UNDERSTOOD.some((line) => answer.includes(line))]).toEqual([command, false]);
    }
  });

  it.each([
    ['English', en.help.adminCommands],
    ['Welsh', cy.help.adminCommands],
  ])('when an administrator types each command on the %s administrator card, then Cefnogi understands it', async (_language, commands) => {
    for (const { command } of Object.values(commands)) {
      const answer = await say(tenantAdmin, command);
      expect([command, NOT_UNDERSTOOD.some((line) => answer.includes(line))]).toEqual([command, false]);
    }
  });

  it('when each kind of person asks for help and for admin, then they see the commands their roles allow and no others', async () => {
    expect(await say(staff, 'help')).not.toContain(en.help.adminHint);
    expect(await say(staff, 'admin')).toContain(en.help.notAdmin);
    expect(await say(tenantAdmin, 'help')).toContain(en.help.adminHint);
    const national = await say(tenantAdmin, 'admin');
    for (const c of Object.values(en.help.adminCommands)) expect(national).toContain(c.text);
    const school = await say(head, 'gweinyddu');
    expect(school).toContain(en.help.adminCommands.members.text);
    expect(school).not.toContain(en.help.adminCommands.schools.text);
    expect(school).not.toContain(en.help.adminCommands.audit.text);
    // Once `admin` has seen their role, their ordinary help card points to it without a read.
    expect(await say(head, 'help')).toContain(en.help.adminHint);
  });

  it("when the manifest's personal command list is read, then every entry is a command on a help card, in English and in Welsh", () => {
    const personal = manifest.bots[0]!.commandLists[0]!.commands.map((c) => c.title);
    const known = new Set([...en.help.commands, ...Object.values(en.help.adminCommands)].map((c) => c.command));
    const knownCy = new Set([...cy.help.commands, ...Object.values(cy.help.adminCommands)].map((c) => c.command));
    expect(personal.filter((c) => !known.has(c))).toEqual([]);
    const welsh = personal.map((_, j) => (manifestCy as Record<string, string>)[`bots[0].commandLists[0].commands[${j}].title`]!);
    expect(welsh.filter((c) => !knownCy.has(c))).toEqual([]);
  });
});
