import type { SchoolEntry } from '../../../bot/register/school-entry';
import { buildSchoolIndex, searchSchoolMatches, searchSchools } from '../../../bot/register/school-search';

let serial = 0;
function school(name: string, more: Partial<SchoolEntry> = {}): SchoolEntry {
  serial += 1;
  return { id: `s-test-${serial}`, name, laId: 'cardiff', sector: 'primary', languageCategory: 'english-medium', open: true, ...more };
}
const names = (found: SchoolEntry[]) => found.map((s) => s.name);

describe('searching the register for a school', () => {
  const gyfun = school('Ysgol Gyfun Caerdydd', { sector: 'secondary', languageCategory: 'welsh-medium', altName: 'Cardiff Comprehensive School' });
  const eirwg = school('Ysgol Gymraeg Bro Eirwg', { languageCategory: 'welsh-medium' });
  const marys = school("St Mary's Church in Wales Primary School, Pen-y-bont", { altName: 'Ysgol Gynradd yr Eglwys yng Nghymru Santes Fair' });
  const mon = school('Ysgol Gynradd Môn');
  const hafren = school('Ysgol Uwchradd Hafren', { sector: 'secondary' });
  const index = buildSchoolIndex([gyfun, eirwg, marys, mon, hafren]);

  it.each([['caerdydd'], ['gaerdydd'], ['nghaerdydd'], ['chaerdydd'], ['Caerdydd'], ['gaerd']])(
    'when someone types "%s", then Ysgol Gyfun Caerdydd is found',
    (typed) => {
      expect(names(searchSchools(index, typed))).toEqual(['Ysgol Gyfun Caerdydd']);
    },
  );

  it('when the radical is typed and the name holds the mutated word, then it is found', () => {
    expect(names(searchSchools(index, 'cymraeg'))).toEqual(['Ysgol Gymraeg Bro Eirwg']);
    expect(names(searchSchools(index, 'ysgol cymraeg bro'))).toEqual(['Ysgol Gymraeg Bro Eirwg']);
    expect(names(searchSchools(index, 'cyfun'))).toEqual(['Ysgol Gyfun Caerdydd']);
  });

  it('when a mutated word is typed and the name holds another mutation of it, then it is found', () => {
    expect(names(searchSchools(index, 'nghymraeg'))).toEqual(['Ysgol Gymraeg Bro Eirwg']);
    expect(names(searchSchools(index, 'fro eirwg'))).toEqual(['Ysgol Gymraeg Bro Eirwg']);
  });

  it('when capitals, circumflexes or no circumflexes are typed, then they make no difference', () => {
    expect(names(searchSchools(index, 'YSGOL GYNRADD MON'))).toEqual(['Ysgol Gynradd Môn']);
    expect(names(searchSchools(index, 'môn'))[0]).toBe('Ysgol Gynradd Môn');
    expect(names(searchSchools(index, 'mon'))[0]).toBe('Ysgol Gynradd Môn');
  });

  it('when punctuation is typed differently or left out, then the name is still found', () => {
    expect(names(searchSchools(index, 'st marys'))).toEqual([marys.name]);
    expect(names(searchSchools(index, "St. Mary's,"))).toEqual([marys.name]);
    expect(names(searchSchools(index, 'pen y bont'))).toEqual([marys.name]);
    expect(names(searchSchools(index, 'penybont'))).toEqual([marys.name]);
  });

  it('when a fragment of the other-language name is typed, then the school is found, saying which name matched', () => {
    expect(searchSchoolMatches(index, 'cardiff comp')).toEqual([{ entry: gyfun, matchedName: 'Cardiff Comprehensive School' }]);
    expect(searchSchoolMatches(index, 'santes fair')).toEqual([{ entry: marys, matchedName: marys.altName }]);
  });

  it('when text from inside a word is typed, then the school is found', () => {
    expect(names(searchSchools(index, 'afren'))).toEqual(['Ysgol Uwchradd Hafren']);
  });

  it('when nothing, only punctuation, or a word no name holds is typed, then nothing is found', () => {
    expect(searchSchools(index, '')).toEqual([]);
    expect(searchSchools(index, ' -,. ')).toEqual([]);
    expect(searchSchools(index, 'abertawe')).toEqual([]);
    expect(searchSchools(index, 'caerdydd', 0)).toEqual([]);
  });

  it('when a very long fragment is typed, then search answers without finding nonsense', () => {
    expect(searchSchools(index, 'ysgol '.repeat(10_000))).toEqual([]);
  });
});

describe('the order of schools found', () => {
  it('when the whole name is typed, then that school comes first, then names beginning with it, then words begun, then text inside a word', () => {
    const found = buildSchoolIndex([school('Ysgol Cwmllan'), school('Ysgol Llanwen'), school('Llanwen'), school('Llan'), school('Llanfair Primary School')]);
    expect(names(searchSchools(found, 'llan'))).toEqual(['Llan', 'Llanwen', 'Llanfair Primary School', 'Ysgol Llanwen', 'Ysgol Cwmllan']);
  });

  it('when the name begins with what is typed, then it comes before names that hold the words further on', () => {
    const found = buildSchoolIndex([school('Canolfan Ysgol Gyfun'), school('Ysgol Gyfun Tregaron')]);
    expect(names(searchSchools(found, 'ysgol gyfun'))).toEqual(['Ysgol Gyfun Tregaron', 'Canolfan Ysgol Gyfun']);
  });

  it('when an open and a closed school match as well, then the open one comes first', () => {
    const closed = school('Ysgol Llanwen', { open: false, laId: 'powys' });
    const open = school('Ysgol Llanwen', { laId: 'gwynedd' });
    expect(searchSchools(buildSchoolIndex([closed, open]), 'llanwen')).toEqual([open, closed]);
  });

  it("when a closed school's whole name is typed, then it still comes before open schools whose names only begin with it", () => {
    const closed = school('Ysgol Llanwen', { open: false });
    const open = school('Ysgol Llanwen Uchaf');
    expect(searchSchools(buildSchoolIndex([open, closed]), 'ysgol llanwen')).toEqual([closed, open]);
  });

  it('when a word matches as typed in one name and only through a mutation in another, then the one as typed comes first', () => {
    const found = buildSchoolIndex([school('Ysgol Glaw'), school('Ysgol Llaw'), school('Ysgol Law')]);
    expect(names(searchSchools(found, 'law'))).toEqual(['Ysgol Law', 'Ysgol Glaw', 'Ysgol Llaw']);
    expect(names(searchSchools(found, 'llaw'))).toEqual(['Ysgol Llaw', 'Ysgol Law']);
  });

  it('when schools match equally well, then shorter names come first, then alphabetical in Welsh order', () => {
    const found = buildSchoolIndex([school('Ysgol Gynradd Tregaron'), school('Ysgol Bro Dyfi'), school('Ysgol Bro Alun')]);
    expect(names(searchSchools(found, 'ysgol'))).toEqual(['Ysgol Bro Alun', 'Ysgol Bro Dyfi', 'Ysgol Gynradd Tregaron']);
  });

  it('when more schools match than the limit, then only the best are given: 15 unless asked otherwise', () => {
    const many = buildSchoolIndex(Array.from({ length: 40 }, (_, i) => school(`Ysgol Gynradd Rhif ${String(i).padStart(2, '0')}`)));
    expect(searchSchools(many, 'ysgol')).toHaveLength(15);
    expect(names(searchSchools(many, 'ysgol', 3))).toEqual(['Ysgol Gynradd Rhif 00', 'Ysgol Gynradd Rhif 01', 'Ysgol Gynradd Rhif 02']);
  });
});
