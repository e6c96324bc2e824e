import { actingRoleOver, decideRoleChange, type RoleChange } from '../../../bot/roles/appoint-rules';
import { readTypedSchool, schoolByName } from '../../../bot/roles/school-lookup';
import type { SchoolEntry } from '../../../bot/register/school-entry';

const ME = 'aaaaaaaa-0000-4000-8000-000000000001';
const YOU = 'bbbbbbbb-0000-4000-8000-000000000002';

describe('who may appoint and remove administrators', () => {
  const cases: [string, RoleChange, string | undefined][] = [
    ['an organisation administrator appoints an LA administrator', { act: 'appoint', role: 'la-admin', acting: 'tenant-admin', actorId: ME, personId: YOU }, undefined],
    ['an organisation administrator removes an LA administrator', { act: 'remove', role: 'la-admin', acting: 'tenant-admin', actorId: ME, personId: YOU }, undefined],
    ['an LA administrator appoints an LA administrator', { act: 'appoint', role: 'la-admin', acting: 'la-admin', actorId: ME, personId: YOU }, 'not-tenant-admin'],
    ['an LA administrator removes an LA administrator', { act: 'remove', role: 'la-admin', acting: 'la-admin', actorId: ME, personId: YOU }, 'not-tenant-admin'],
    ['an LA administrator appoints a school administrator in their LA', { act: 'appoint', role: 'school-admin', acting: 'la-admin', actorId: ME, personId: YOU }, undefined],
    ['a school administrator appoints a colleague', { act: 'appoint', role: 'school-admin', acting: 'school-admin', actorId: ME, personId: YOU }, undefined],
    ['a school administrator appoints themselves', { act: 'appoint', role: 'school-admin', acting: 'school-admin', actorId: ME, personId: ME.toUpperCase() }, 'self'],
    ['an organisation administrator appoints themselves', { act: 'appoint', role: 'la-admin', acting: 'tenant-admin', actorId: ME, personId: ME }, 'self'],
    ['someone with no role appoints', { act: 'appoint', role: 'school-admin', acting: 'none', actorId: ME, personId: YOU }, 'not-an-admin'],
    ['a school administrator removes another of two', { act: 'remove', role: 'school-admin', acting: 'school-admin', actorId: ME, personId: YOU, holders: 2 }, undefined],
    ['a school administrator removes themselves of two', { act: 'remove', role: 'school-admin', acting: 'school-admin', actorId: ME, personId: ME, holders: 2 }, 'self'],
    ['a school administrator removes the last one', { act: 'remove', role: 'school-admin', acting: 'school-admin', actorId: ME, personId: ME, holders: 1 }, 'last-admin'],
    ['an LA administrator removes the last one', { act: 'remove', role: 'school-admin', acting: 'la-admin', actorId: ME, personId: YOU, holders: 1 }, undefined],
    ['an organisation administrator removes the last one', { act: 'remove', role: 'school-admin', acting: 'tenant-admin', actorId: ME, personId: YOU, holders: 1 }, undefined],
  ];
  it.each(cases)('when %s, then the answer is %s', (_name, change, expected) => {
    expect(decideRoleChange(change)).toBe(expected);
  });

  it('when roles are held over places, then the strongest role over each place is the one that acts', () => {
    const la = { tenant: false, las: ['cardiff'], schools: [] };
    const school = { tenant: false, las: [], schools: ['wg-6811111'] };
    expect(actingRoleOver({ tenant: true, las: [], schools: [] }, { kind: 'la', laId: 'powys' })).toBe('tenant-admin');
    expect(actingRoleOver(la, { kind: 'school', schoolId: 'wg-6811111', laId: 'cardiff' })).toBe('la-admin');
    expect(actingRoleOver(la, { kind: 'school', schoolId: 'wg-6822222', laId: 'swansea' })).toBe('none');
    expect(actingRoleOver(school, { kind: 'school', schoolId: 'wg-6811111', laId: 'cardiff' })).toBe('school-admin');
    expect(actingRoleOver(school, { kind: 'school', schoolId: 'wg-6822222', laId: 'cardiff' })).toBe('none');
    expect(actingRoleOver(school, { kind: 'la', laId: 'cardiff' })).toBe('none');
  });

  it('when a school is typed by number or id, then it becomes the id to check; other text is a name to look up, and nothing typed is unreadable', () => {
    const catalogue = [{ id: 's-abc', number: '6813333', name: 'Ysgol', laId: 'cardiff', sector: 'primary', languageCategory: 'welsh-medium', open: true }] as SchoolEntry[];
    expect(readTypedSchool(' 6813333 ', catalogue)).toEqual({ kind: 'id', schoolId: 's-abc' });
    expect(readTypedSchool('6819999', catalogue)).toEqual({ kind: 'id', schoolId: 'wg-6819999' });
    expect(readTypedSchool('WG-6811111', catalogue)).toEqual({ kind: 'id', schoolId: 'wg-6811111' });
    expect(readTypedSchool(' Ysgol y Castell ', catalogue)).toEqual({ kind: 'name', text: 'Ysgol y Castell' });
    expect(readTypedSchool('   ', catalogue)).toEqual({ kind: 'unreadable' });
  });

  it('when part of a name is typed, then it names a school only if exactly one of the actor\'s schools matches, mutated or in either language', () => {
    const entry = (id: string, name: string, laId: string, altName?: string): SchoolEntry => ({ id, name, ...(altName ? { altName } : {}), laId, sector: 'primary', languageCategory: 'welsh-medium', open: true });
    const catalogue = [
      entry('wg-6811111', 'Ysgol y Castell', 'cardiff', 'Castle School'),
      entry('wg-6811112', 'Ysgol y Bryn', 'cardiff'),
      entry('wg-6811113', 'Ysgol y Bryn Uchaf', 'cardiff'),
      entry('wg-6822222', 'Ysgol Gymraeg Caerdydd', 'swansea'),
    ];
    const la = { tenant: false, las: ['cardiff'], schools: [] };
    expect(schoolByName('castle', catalogue, la)).toEqual({ kind: 'id', schoolId: 'wg-6811111' });
    expect(schoolByName('nghastell', catalogue, la)).toEqual({ kind: 'id', schoolId: 'wg-6811111' });
    expect(schoolByName('ysgol y bryn', catalogue, la)).toEqual({ kind: 'id', schoolId: 'wg-6811112' });
    expect(schoolByName('bryn', catalogue, la)).toEqual({ kind: 'several' });
    // A school outside the actor's scope is not found by name, even when it is the only match.
    expect(schoolByName('caerdydd', catalogue, la)).toEqual({ kind: 'no-match' });
    expect(schoolByName('caerdydd', catalogue, { tenant: true, las: [], schools: [] })).toEqual({ kind: 'id', schoolId: 'wg-6822222' });
    expect(schoolByName('castell', catalogue, { tenant: false, las: [], schools: ['wg-6811112'] })).toEqual({ kind: 'no-match' });
  });
});
