import { randomUUID } from 'node:crypto';
import { rolesCollection, rolesPartition, roleId } from '../../bot/roles/role-record';
import { BotHarness } from '../support/bot-harness';
import { cardText, invokeCard } from '../support/cards-in';
import { registerSchools, school } from '../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const orgAdmin = teamsUser({ name: 'Olwen Organisation', tenantId: TENANT });
const laAdmin = teamsUser({ name: 'Llew Caerdydd', tenantId: TENANT });
const staff = teamsUser({ name: '=HYPERLINK("https://evil.example")', tenantId: TENANT });

/** The audit leaves Cefnogi only as a file its reader accepts in their own chat, holding only what they may read. */
describe('exporting the audit, over HTTP as Teams sends it', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${orgAdmin.aadObjectId}` });
  const ids = new Map<string, string>();
  beforeAll(async () => {
    await harness.start();
    for (const [name, entry] of await registerSchools(harness.bot!.store, TENANT, [school('Ysgol y Castell', { laId: 'cardiff' }), school('Ysgol y Môr', { laId: 'swansea' })])) ids.set(name, entry.id);
    await harness.bot!.store.collection(rolesCollection).create({ id: roleId('la-admin', 'cardiff', laAdmin.aadObjectId), pk: rolesPartition(TENANT), kind: 'role', tenantId: TENANT, role: 'la-admin', scopeId: 'cardiff', aadObjectId: laAdmin.aadObjectId, appointedBy: 'test', appointedAt: new Date().toISOString() });
    for (const u of [orgAdmin, laAdmin, staff]) await harness.post(message(u, harness.serviceUrl, 'help'));
    // Two refusals on record: one at a Cardiff school, one at a Swansea school.
    for (const name of ['Ysgol y Castell', 'Ysgol y Môr']) await harness.post(cardAction(staff, harness.serviceUrl, 'school.saveContacts', { schoolId: ids.get(name), dspName: 'x' }));
  });
  afterAll(() => harness.stop());

  /** Presses Export, accepts the consent card, and answers the uploaded file as text. */
  async function exported(user: TeamsUser): Promise<string> {
    harness.connector.clear();
    const card = invokeCard(await harness.post(cardAction(user, harness.serviceUrl, 'audit.export')));
    expect(cardText(card)).toContain('The audit is on its way as a file');
    const consent = harness.connector.sent.flatMap((s) => ((s.activity.attachments ?? []) as { contentType: string; content: { acceptContext: { offerId: string } } }[]).filter((a) => a.contentType === CONSENT));
    expect(consent).toHaveLength(1);
    const session = randomUUID();
    const { text: _t, textFormat: _f, ...envelope } = message(user, harness.serviceUrl, '');
    await harness.post({
      ...envelope,
      type: 'invoke',
      name: 'fileConsent/invoke',
      value: { type: 'fileUpload', action: 'accept', context: consent[0]!.content.acceptContext, uploadInfo: { contentUrl: 'https://hwb-my.sharepoint.com/x.csv', name: 'x.csv', uploadUrl: harness.connector.uploadUrl(session), uniqueId: session, fileType: 'csv' } },
    });
    return harness.connector.uploads.at(-1)!.bytes.toString('utf8');
  }

  it('when an organisation administrator exports the audit, then a CSV of every entry reaches only their OneDrive, with typed names unable to run as formulas, and the export is audited', async () => {
    const csv = await exported(orgAdmin);
    expect(csv).toContain('"When (UTC)","Who (object id)","Who"');
    expect(csv).toContain(ids.get('Ysgol y Castell'));
    expect(csv).toContain(ids.get('Ysgol y Môr'));
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    const again = await exported(orgAdmin);
    expect(again).toContain('"audit.export","tenant"');
  });

  it("when a local-authority administrator exports it, then the file holds their authority's entries only; a member of staff is refused and nothing is offered", async () => {
    const csv = await exported(laAdmin);
    expect(csv).toContain(ids.get('Ysgol y Castell'));
    expect(csv).not.toContain(ids.get('Ysgol y Môr'));
    harness.connector.clear();
    const refused = invokeCard(await harness.post(cardAction(staff, harness.serviceUrl, 'audit.export')));
    expect(cardText(refused)).toContain('Not allowed');
    expect(harness.connector.sent.flatMap((s) => (s.activity.attachments ?? []) as unknown[])).toEqual([]);
  });
});
