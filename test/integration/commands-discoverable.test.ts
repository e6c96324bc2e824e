import en from '../../bot/i18n/en.json';
import cy from '../../bot/i18n/cy.json';
import manifest from '../../appPackage/manifest.json';
import manifestCy from '../../appPackage/cy.json';
import { BotHarness } from '../support/bot-harness';
import { cardsIn, cardText } from '../support/cards-in';
import { appointSchoolAdmin, registerSchools, school } from '../support/school-register-fixture';
import { inChannel, message, teamsUser, type TeamsUser } from '../support/teams-activities';

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
    const staffHelp = await say(staff, 'help');
    const { admin: _list, ...adminOnly } = en.help.adminCommands;
    for (const c of Object.values(adminOnly)) expect(staffHelp).not.toContain(c.text);
    expect(staffHelp).not.toContain(en.help.adminTitle);
    expect(await say(staff, 'admin')).toContain(en.help.notAdmin);
    const nationalHelp = await say(tenantAdmin, 'help');
    for (const c of Object.values(en.help.adminCommands)) expect(nationalHelp).toContain(c.text);
    for (const title of Object.values(en.helpCards.adminButtons)) expect(nationalHelp).toContain(title);
    const national = await say(tenantAdmin, 'admin');
    for (const c of Object.values(en.help.adminCommands)) expect(national).toContain(c.text);
    const school = await say(head, 'gweinyddu');
    expect(school).toContain(en.help.adminCommands.members.text);
    expect(school).not.toContain(en.help.adminCommands.schools.text);
    expect(school).not.toContain(en.help.adminCommands.audit.text);
    // Once `admin` has seen their role, their ordinary help card lists their commands without a read.
    const schoolHelp = await say(head, 'help');
    expect(schoolHelp).toContain(en.help.adminCommands.importManagers.text);
    expect(schoolHelp).toContain(en.helpCards.adminButtons.importManagers);
    expect(schoolHelp).not.toContain(en.helpCards.adminButtons.schools);
    expect(schoolHelp).not.toContain(en.help.adminCommands.audit.text);
  });

  it("when the help cards are read, then every command on them is in the manifest's list for that scope (administrators' through admin), in both languages", () => {
    const [personalList, sharedList] = manifest.bots[0]!.commandLists;
    const titles = (list: typeof personalList, j: number) => list!.commands.map((c, i) => (manifestCy as Record<string, string>)[`bots[0].commandLists[${j}].commands[${i}].title`] ?? c.title);
    // Teams lists at most 10 personal commands: the ones that came after it was full are on the help card only.
    expect(personalList!.commands.length <= 10).toBe(true);
    const noRoom: string[] = personalList!.commands.length === 10 ? ['my data', 'fy nata'] : [];
    expect(en.help.commands.map((c) => c.command).filter((c) => !personalList!.commands.some((m) => m.title === c) && !noRoom.includes(c))).toEqual([]);
    expect(cy.help.commands.map((c) => c.command).filter((c) => !titles(personalList, 0).includes(c) && !noRoom.includes(c))).toEqual([]);
    expect(personalList!.commands.map((c) => c.title)).toContain(en.help.adminCommands.admin.command);
    const languages = en.help.commands.filter((c) => c.command === 'Cymraeg' || c.command === 'English').map((c) => c.command);
    expect(languages).toHaveLength(2);
    const shared = (s: typeof en.helpCards.shared) => [...[s.help, s.linkSchool, s.unlinkSchool].map((c) => c.command), ...languages];
    expect(shared(en.helpCards.shared).filter((c) => !sharedList!.commands.some((m) => m.title === c))).toEqual([]);
    expect(shared(cy.helpCards.shared).filter((c) => !titles(sharedList, 1).includes(c))).toEqual([]);
  });

  it.each([
    ['English', en.helpCards.shared],
    ['Welsh', cy.helpCards.shared],
  ])('when an administrator types each command of the %s channel help in a channel, then Cefnogi understands it', async (_language, shared) => {
    for (const { command } of [shared.help, shared.linkSchool, shared.unlinkSchool]) {
      harness.connector.clear();
      await harness.post(inChannel(message(tenantAdmin, harness.serviceUrl, command), tenantAdmin));
      const answer = cardsIn(harness.connector.sent).map(cardText).join('\n') || harness.connector.sent.map((s) => String(s.activity.text ?? '')).join('\n');
      expect([command, NOT_UNDERSTOOD.some((line) => answer.includes(line))]).toEqual([command, false]);
    }
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
