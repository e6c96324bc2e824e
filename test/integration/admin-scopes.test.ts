import { figuresSchoolCollection, FIGURES_SCHOOL_ID } from '../../bot/figures/figures-school';
import { randomUUID } from 'node:crypto';
import en from '../../bot/i18n/en.json';
import { auditCollection, auditPartition } from '../../bot/audit/audit-record';
import { membershipsCollection } from '../../bot/membership/membership-record';
import { catalogueCollection, catalogueKey } from '../../bot/register/school-catalogue';
import { rolesCollection, rolesPartition, roleId } from '../../bot/roles/role-record';
import { schoolKey } from '../../bot/school/school-settings';
import { BotHarness } from '../support/bot-harness';
import { cardText, invokeCard } from '../support/cards-in';
import { registerSchools, school } from '../support/school-register-fixture';
import { cardAction, message, teamsUser, type TeamsUser } from '../support/teams-activities';

const TENANT = '11111111-2222-3333-4444-555555555555';
/** Every way an administrative refusal is worded to the actor (all in English here). */
const REFUSALS = Object.entries(en.adminRefusals).filter(([key]) => key !== 'title').map(([, text]) => text);
const OTHER_TENANT = '99999999-2222-3333-4444-555555555555';
const user = (name: string) => teamsUser({ name, tenantId: TENANT });

/** Who acts. The foreign administrator administers another tenant and acts in this one. */
const actors = {
  'tenant admin': user('Olwen Organisation'),
  'another tenant\'s admin': user('Dieithryn Tenant'),
  'LA admin (Cardiff)': user('Llew Caerdydd'),
  'school admin (Castell)': user('Siân Castell'),
  'member of staff': user('Cai Staff'),
} as const;
type ActorName = keyof typeof actors;

const CASTELL = 'Ysgol y Castell'; // Cardiff
const MOR = 'Ysgol y Môr'; // Swansea

/** Every administrative verb, with the data it sends about its target. */
type Target = { school: string } | { la: string } | 'tenant';
const verbs: { verb: string; target: Target; data: (ids: Map<string, string>, fresh: string) => Record<string, unknown> }[] = [
  { verb: 'school.saveContacts', target: { school: CASTELL }, data: (ids) => ({ schoolId: ids.get(CASTELL), dspName: 'Nia DSP' }) },
  { verb: 'school.saveContacts', target: { school: MOR }, data: (ids) => ({ schoolId: ids.get(MOR), dspName: 'Nia DSP' }) },
  { verb: 'school.addHoliday', target: { school: CASTELL }, data: (ids) => ({ schoolId: ids.get(CASTELL), holidayFrom: '2027-02-15', holidayTo: '2027-02-19' }) },
  { verb: 'school.addHoliday', target: { school: MOR }, data: (ids) => ({ schoolId: ids.get(MOR), holidayFrom: '2027-02-15', holidayTo: '2027-02-19' }) },
  { verb: 'members.confirm', target: { school: CASTELL }, data: (ids, fresh) => ({ schoolId: ids.get(CASTELL), people: fresh }) },
  { verb: 'members.confirm', target: { school: MOR }, data: (ids, fresh) => ({ schoolId: ids.get(MOR), people: fresh }) },
  { verb: 'members.decline', target: { school: MOR }, data: (ids, fresh) => ({ schoolId: ids.get(MOR), people: fresh }) },
  { verb: 'members.import', target: { school: MOR }, data: (ids, fresh) => ({ schoolId: ids.get(MOR), staffList: fresh }) },
  { verb: 'team.import', target: { school: MOR }, data: (ids, fresh) => ({ schoolId: ids.get(MOR), csv: `${fresh},${actors['member of staff'].aadObjectId}` }) },
  { verb: 'roles.appoint', target: { school: CASTELL }, data: (ids, fresh) => ({ person: fresh, role: 'school-admin', school: ids.get(CASTELL) }) },
  { verb: 'roles.appoint', target: { school: MOR }, data: (ids, fresh) => ({ person: fresh, role: 'school-admin', school: ids.get(MOR) }) },
  { verb: 'roles.appoint', target: { la: 'cardiff' }, data: (_ids, fresh) => ({ person: fresh, role: 'la-admin', laId: 'cardiff' }) },
  { verb: 'roles.appoint', target: { la: 'swansea' }, data: (_ids, fresh) => ({ person: fresh, role: 'la-admin', laId: 'swansea' }) },
  { verb: 'register.add', target: 'tenant', data: (_ids, fresh) => ({ name: `Ysgol Newydd ${fresh.slice(0, 8)}`, laId: 'cardiff', sector: 'primary', languageCategory: 'welsh-medium' }) },
  { verb: 'register.import', target: 'tenant', data: (_ids, fresh) => ({ csv: `school name,local authority,sector,language category\r\nYsgol ${fresh.slice(0, 8)},Cardiff,primary,welsh-medium` }) },
];

/** Whether each actor may act on each target: the rule the table checks. */
function allowed(actor: ActorName, target: Target): boolean {
  if (actor === 'tenant admin') return true;
  if (target === 'tenant') return false;
  if ('la' in target) return false; // only tenant administrators appoint LA administrators
  if (actor === 'LA admin (Cardiff)') return target.school === CASTELL;
  if (actor === 'school admin (Castell)') return target.school === CASTELL;
  return false;
}

describe('every administrative verb, for every role, on its own and on another school, authority and tenant', () => {
  const harness = new BotHarness({ ADMIN_AAD_OBJECT_IDS: `${TENANT}:${actors['tenant admin'].aadObjectId},${OTHER_TENANT}:${actors["another tenant's admin"].aadObjectId}` });
  const ids = new Map<string, string>();

  beforeAll(async () => {
    await harness.start();
    const store = harness.bot!.store;
    for (const [name, entry] of await registerSchools(store, TENANT, [school(CASTELL, { laId: 'cardiff' }), school(MOR, { laId: 'swansea' })])) ids.set(name, entry.id);
    const appoint = (role: 'la-admin' | 'school-admin', scopeId: string, who: TeamsUser) =>
      store.collection(rolesCollection).create({ id: roleId(role, scopeId, who.aadObjectId), pk: rolesPartition(TENANT), kind: 'role', tenantId: TENANT, role, scopeId, aadObjectId: who.aadObjectId, appointedBy: 'test', appointedAt: new Date().toISOString() });
    await appoint('la-admin', 'cardiff', actors['LA admin (Cardiff)']);
    await appoint('school-admin', ids.get(CASTELL)!, actors['school admin (Castell)']);
    for (const who of Object.values(actors)) await harness.post(message(who, harness.serviceUrl, 'help'));
  });
  afterAll(() => harness.stop());

  /** Everything an administrative act could write, by id and eTag (the audit apart). */
  async function written(): Promise<string[]> {
    const store = harness.bot!.store;
    const docs = [
      ...(await store.collection(rolesCollection).findInPartition(rolesPartition(TENANT), { kind: 'role' })),
      ...(await store.collection(catalogueCollection).findInPartition(catalogueKey(TENANT), {})),
      ...(await store.collection(membershipsCollection).findInPartition(schoolKey(TENANT, ids.get(CASTELL)!), { kind: 'membership' })),
      store.collection(figuresSchoolCollection).read(FIGURES_SCHOOL_ID, schoolKey(TENANT, ids.get(CASTELL)!)),
      ...(await store.collection(membershipsCollection).findInPartition(schoolKey(TENANT, ids.get(MOR)!), { kind: 'membership' })),
      store.collection(figuresSchoolCollection).read(FIGURES_SCHOOL_ID, schoolKey(TENANT, ids.get(MOR)!)),
      ...[CASTELL, MOR].map(async (name) => store.schools.read(schoolKey(TENANT, ids.get(name)!), schoolKey(TENANT, ids.get(name)!))),
    ];
    const resolved = await Promise.all(docs.map(async (d) => d));
    return resolved.flatMap((d) => (d ? [`${d.value.id}@${d.etag}`] : [])).sort();
  }
  const latestAudit = async () =>
    (await harness.bot!.store.collection(auditCollection).findPageDescending(auditPartition(TENANT), { kind: 'audit' }, { orderBy: 'id', limit: 1 }))[0]?.value;

  /** A person who has asked to join the target school (so a confirm has someone to confirm). */
  async function freshPerson(target: Target): Promise<string> {
    const person = user(`Newydd ${randomUUID().slice(0, 4)}`);
    await harness.post(message(person, harness.serviceUrl, 'help'));
    if (typeof target === 'object' && 'school' in target) {
      await harness.post(cardAction(person, harness.serviceUrl, 'schools.request', { schoolId: ids.get(target.school) }));
    }
    return person.aadObjectId;
  }

  const rows = verbs.flatMap((v) => (Object.keys(actors) as ActorName[]).map((actor) => ({ ...v, actor })));
  it.each(rows.map((r) => [r.actor, r.verb, JSON.stringify(r.target), allowed(r.actor, r.target) ? 'allowed' : 'refused', r] as const))(
    'when the %s sends %s for %s, then it is %s and audited',
    async (_actor, verb, _target, expected, row) => {
      const fresh = await freshPerson(row.target);
      const before = await written();
      const card = invokeCard(await harness.post(cardAction(actors[row.actor], harness.serviceUrl, verb, row.data(ids, fresh))));
      const audit = await latestAudit();
      const refusal = REFUSALS.find((line) => cardText(card).includes(line));
      if (expected === 'refused') {
        expect(refusal).toBeDefined();
        expect(await written()).toEqual(before);
        expect(audit).toMatchObject({ actor: actors[row.actor].aadObjectId, outcome: 'refused' });
      } else {
        // Allowed: done and audited as done (an import whose rows are all turned away writes nothing else).
        expect(refusal).toBeUndefined();
        expect(audit).toMatchObject({ actor: actors[row.actor].aadObjectId, outcome: 'done' });
      }
    },
  );
});
