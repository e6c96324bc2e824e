import { schoolEntrySchema, schoolIdFor, type SchoolEntry } from '../../../bot/register/school-entry';
import { cleanName } from '../../../bot/register/clean-name';

const entry: SchoolEntry = {
  id: 'wg-6819002',
  number: '6819002',
  name: "St Teilo's Church in Wales Primary School, Pentrefach",
  altName: 'Ysgol Sant Teilo',
  laId: 'cardiff',
  sector: 'primary',
  languageCategory: 'english-medium',
  open: true,
};

describe('a school in the register', () => {
  it('when an entry has a number, both names, a local authority, a sector and a language category, then it is accepted', () => {
    expect(schoolEntrySchema.parse(entry)).toEqual(entry);
    const { number: _n, altName: _a, ...bare } = entry;
    expect(schoolEntrySchema.safeParse({ ...bare, id: 's-1f0c' }).success).toBe(true);
  });

  it.each([
    ['a six-digit number', { number: '681900' }, 'number'],
    ['an eight-digit number', { number: '68190021' }, 'number'],
    ['a number with letters', { number: '681900A' }, 'number'],
    ['an empty name', { name: '' }, 'name'],
    ['a name of 121 characters', { name: 'Y'.repeat(121) }, 'name'],
    ['a name with a right-to-left override', { name: 'Ysgol \u202Efdp.exe' }, 'name'],
    ['an other-language name with spaces at the end', { altName: 'Ysgol Sant Teilo ' }, 'altName'],
    ['an unknown sector', { sector: 'academy' }, 'sector'],
    ['an unknown language category', { languageCategory: 'bilingual-2b' }, 'languageCategory'],
    ['a local authority id that is not a slug', { laId: 'Cardiff' }, 'laId'],
    ['an id of another shape', { id: 'school-1' }, 'id'],
    ['a field the register does not know', { address: 'Heol y Bont' }, ''],
  ])('when an entry has %s, then it is refused at that field', (_what, change, field) => {
    const result = schoolEntrySchema.safeParse({ ...entry, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.path.join('.')).toBe(field);
  });

  it('when a name of 120 characters is given, then it is kept whole', () => {
    expect(schoolEntrySchema.safeParse({ ...entry, name: 'Y'.repeat(120) }).success).toBe(true);
  });

  it('when a school number is known, then its id is made from it, so a second import finds the same school', () => {
    expect(schoolIdFor('6819002')).toBe('wg-6819002');
    expect(schoolIdFor('6819002')).toBe(schoolIdFor('6819002'));
  });

  it('when no number is known, then each new school gets a different random id that the schema accepts', () => {
    const a = schoolIdFor();
    const b = schoolIdFor(undefined);
    expect(a).toMatch(/^s-/);
    expect(a).not.toBe(b);
    expect(schoolEntrySchema.safeParse({ ...entry, id: a, number: undefined }).success).toBe(true);
  });

  it('when a malformed number is given for an id, then it is refused rather than made into an id', () => {
    expect(() => schoolIdFor('68-1900')).toThrow(/seven digits/);
  });

  it('when a name arrives with hidden characters and doubled spaces, then cleaning leaves what a reader sees', () => {
    expect(cleanName('  Ysgol\u200B  Gynradd\u202E\tLlanwen \r\n')).toBe('Ysgol Gynradd Llanwen');
    expect(cleanName('Ysgol Gynradd Llanwen')).toBe('Ysgol Gynradd Llanwen');
    expect(cleanName('Ysgol Gynradd Llanw\u0065\u0302n')).toBe('Ysgol Gynradd Llanwên');
  });
});
