import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadContent } from '../../../bot/content/load-content';
import type { LocalAuthority } from '../../../bot/register/local-authority';
import { MAX_REGISTER_BYTES, parseRegisterCsv, type RegisterCsvResult, type RegisterRow } from '../../../bot/register/register-csv';
import { toRegisterCsv } from '../../../bot/register/register-csv-writer';
import { schoolEntrySchema } from '../../../bot/register/school-entry';
import { syntheticSchools } from '../../support/synthetic-register';

let las: readonly LocalAuthority[];
beforeAll(async () => {
  las = (await loadContent()).localAuthorities;
});

const HEADING = 'school number,school name,other-language name,local authority,sector,language category,status';
const rowsOf = (result: RegisterCsvResult): RegisterRow[] => (result.kind === 'rows' ? result.rows : []);

describe('reading a register CSV', () => {
  it('when the sample file is read, then every school in it is read with its line, in either language of heading and value', async () => {
    const text = await readFile(path.join(__dirname, '..', '..', '..', 'data', 'samples', 'school-register-sample.csv'), 'utf8');
    const result = parseRegisterCsv(text, las);
    expect(result).toMatchObject({ kind: 'rows', rejected: [] });
    expect(rowsOf(result).map((r) => [r.line, r.laId, r.sector, r.languageCategory, r.open])).toEqual([
      [2, 'isle-of-anglesey', 'primary', 'welsh-medium', true],
      [3, 'cardiff', 'primary', 'english-medium', true],
      [4, 'cardiff', 'secondary', 'welsh-medium', true],
      [5, 'rhondda-cynon-taf', 'pru', 'english-medium', true],
      [6, 'bridgend', 'middle', 'dual-language', true],
      [7, 'swansea', 'special', 'english-significant-welsh', false],
    ]);
    expect(rowsOf(result)[1]).toMatchObject({ number: '6819002', name: "St Teilo's Church in Wales Primary School, Pentrefach", altName: 'Ysgol Sant Teilo' });
    expect(rowsOf(result)[3]).not.toHaveProperty('number');
  });

  it('when the file has a byte-order mark, CRLF, blank lines and a quoted name holding a comma and a line break, then line numbers are the file’s own', () => {
    const text = `\uFEFF${HEADING}\r\n\r\n"6601001","Ysgol Gynradd Llanwen, Môn",,Ynys Môn,primary,welsh-medium,open\r\n6601002,"Ysgol\r\nHafren",,Gwynedd,primary,welsh-medium,\r\n\r\n6601003,,,Conwy,primary,welsh-medium,\r\n6601004,Ysgol Bryn,,Conwy,primary,welsh-medium,`;
    const result = parseRegisterCsv(text, las);
    expect(rowsOf(result).map((r) => [r.line, r.name])).toEqual([[3, 'Ysgol Gynradd Llanwen, Môn'], [4, 'Ysgol Hafren'], [8, 'Ysgol Bryn']]);
    expect(result).toMatchObject({ rejected: [{ line: 7, reason: 'name-missing' }] });
  });

  it('when the headings are Welsh, in another order, among columns Cefnogi does not use, then the schools are read', () => {
    const text = `Cyfeiriad,statws,Enw'r ysgol,Awdurdod Lleol,Sector yr ysgol,Categori iaith,Rhif yr ysgol\n"Heol y Bont, Aberaeron",ar gau,Ysgol Gynradd Aberaeron,Ceredigion,cynradd,cyfrwng Cymraeg,6670001`;
    expect(rowsOf(parseRegisterCsv(text, las))).toEqual([
      { line: 2, number: '6670001', name: 'Ysgol Gynradd Aberaeron', laId: 'ceredigion', sector: 'primary', languageCategory: 'welsh-medium', open: false },
    ]);
  });

  it.each([['isle-of-anglesey'], ['Isle of Anglesey'], ['ynys mon'], ['YNYS MÔN'], ['Ynys-Môn']])(
    'when the local authority is written "%s", then it is Anglesey',
    (written) => {
      expect(rowsOf(parseRegisterCsv(`${HEADING}\n,Ysgol Llanwen,,${written},primary,welsh-medium,`, las))[0]?.laId).toBe('isle-of-anglesey');
    },
  );

  it.each([
    ['nursery', 'nursery'], ['Ysgol Feithrin', 'nursery'], ['Cynradd', 'primary'], ['all-age', 'middle'], ['3-19', 'middle'], ['pob oed', 'middle'],
    ['Uwchradd', 'secondary'], ['arbennig', 'special'], ['Pupil Referral Unit', 'pru'], ['UCD', 'pru'], ['arall', 'other'],
  ])('when the sector is written "%s", then it is read as %s', (written, sector) => {
    expect(rowsOf(parseRegisterCsv(`${HEADING}\n,Ysgol Llanwen,,Gwynedd,${written},welsh-medium,`, las))[0]?.sector).toBe(sector);
  });

  it.each([
    ['Welsh-medium', 'welsh-medium'], ['Cyfrwng Cymraeg', 'welsh-medium'], ['Category 3P', 'welsh-medium'], ['dual stream', 'dual-language'],
    ['Dwy iaith', 'dual-language'], ['English with significant Welsh', 'english-significant-welsh'], ['english-medium', 'english-medium'],
    ['"Primarily English Language, partly Welsh"', 'english-medium'], ['Saesneg', 'english-medium'], ['other', 'other'],
  ])('when the language category is written %s, then it is read as %s', (written, category) => {
    expect(rowsOf(parseRegisterCsv(`${HEADING}\n,Ysgol Llanwen,,Gwynedd,primary,${written},`, las))[0]?.languageCategory).toBe(category);
  });

  it.each([['', true], ['Open', true], ['agored', true], ['ar agor', true], ['Closed', false], ['AR GAU', false], ['wedi cau', false]])(
    'when the status is "%s", then the school is open: %s',
    (written, open) => {
      expect(rowsOf(parseRegisterCsv(`${HEADING}\n,Ysgol Llanwen,,Gwynedd,primary,welsh-medium,${written}`, las))[0]?.open).toBe(open);
    },
  );

  it.each([
    ['a six-digit number', '660100,Ysgol A,,Gwynedd,primary,welsh-medium,', 'number-malformed'],
    ['a number with a space', '660 1001,Ysgol A,,Gwynedd,primary,welsh-medium,', 'number-malformed'],
    ['a number already on an earlier line', '6601000,Ysgol A,,Gwynedd,primary,welsh-medium,', 'number-duplicate'],
    ['no name', '6601001, ,Ysgol B,Gwynedd,primary,welsh-medium,', 'name-missing'],
    ['a name of 121 characters', `6601001,${'Y'.repeat(121)},,Gwynedd,primary,welsh-medium,`, 'name-too-long'],
    ['an other-language name of 121 characters', `6601001,Ysgol A,${'Y'.repeat(121)},Gwynedd,primary,welsh-medium,`, 'name-too-long'],
    ['a local authority that is not in Wales', '6601001,Ysgol A,,Bristol,primary,welsh-medium,', 'la-unknown'],
    ['no local authority', '6601001,Ysgol A,,,primary,welsh-medium,', 'la-unknown'],
    ['an unknown sector', '6601001,Ysgol A,,Gwynedd,academy,welsh-medium,', 'sector-unknown'],
    ['a 2007 bilingual type, which could be either of two categories', '6601001,Ysgol A,,Gwynedd,primary,Bilingual - BB,', 'language-category-unknown'],
    ['an unknown status', '6601001,Ysgol A,,Gwynedd,primary,welsh-medium,proposed', 'status-unknown'],
  ])('when a line has %s, then that line is turned away and the others are read', (_what, line, reason) => {
    const result = parseRegisterCsv(`${HEADING}\n6601000,Ysgol Gyntaf,,Gwynedd,primary,welsh-medium,\n${line}\n6601002,Ysgol Olaf,,Gwynedd,primary,welsh-medium,`, las);
    expect(result).toMatchObject({ kind: 'rows', rejected: [{ line: 3, reason }] });
    expect(rowsOf(result).map((r) => r.line)).toEqual([2, 4]);
  });

  it('when a name holds hidden characters, then it is read as a reader sees it', () => {
    const [row] = rowsOf(parseRegisterCsv(`${HEADING}\n,"Ysgol\u202E  Llanwen\u200B",,Gwynedd,primary,welsh-medium,`, las));
    expect(row?.name).toBe('Ysgol Llanwen');
  });

  it('when the file is larger than 5 MB, then it is refused whole before it is read', () => {
    expect(parseRegisterCsv(`${HEADING}\n"${'x'.repeat(MAX_REGISTER_BYTES)}`, las)).toEqual({ kind: 'refused', reason: 'too-big' });
    expect(parseRegisterCsv(`${HEADING}\n${'ŵ'.repeat(MAX_REGISTER_BYTES / 2)}`, las)).toEqual({ kind: 'refused', reason: 'too-big' });
  });

  it('when the file has more than 3,000 schools, then it is refused whole, saying how many; 3,000 are read', () => {
    const csv = (n: number) => toRegisterCsv(syntheticSchools(n, las, 3));
    expect(parseRegisterCsv(csv(3001), las)).toEqual({ kind: 'refused', reason: 'too-many-rows', rows: 3001 });
    expect(rowsOf(parseRegisterCsv(csv(3000), las))).toHaveLength(3000);
  });

  it('when required headings are missing, then the file is refused whole, naming them', () => {
    expect(parseRegisterCsv('school name,local authority\nYsgol A,Gwynedd', las)).toEqual({ kind: 'refused', reason: 'no-heading', missing: ['sector', 'languageCategory'] });
    expect(parseRegisterCsv('6601001,Ysgol A,,Gwynedd,primary,welsh-medium,open', las)).toMatchObject({ kind: 'refused', reason: 'no-heading' });
    expect(parseRegisterCsv('', las)).toEqual({ kind: 'refused', reason: 'no-heading', missing: ['name', 'la', 'sector', 'languageCategory'] });
  });

  it('when a quotation mark is never closed, then the file is refused whole as unreadable', () => {
    expect(parseRegisterCsv(`${HEADING}\n6601001,"Ysgol A,,Gwynedd,primary,welsh-medium,`, las)).toEqual({ kind: 'refused', reason: 'unreadable' });
  });
});

describe('writing the register as CSV', () => {
  it('when synthetic schools are written and read back, in either language, then every school comes back as it was', () => {
    const schools = syntheticSchools(300, las, 4);
    expect(schools.some((s) => s.name.includes(',') || s.altName?.includes(','))).toBe(true);
    for (const language of ['en', 'cy'] as const) {
      const csv = toRegisterCsv(schools, { language, localAuthorities: las });
      const result = parseRegisterCsv(csv, las);
      expect(result).toMatchObject({ kind: 'rows', rejected: [] });
      expect(rowsOf(result).map(({ line: _line, ...row }) => row)).toEqual(schools.map(({ id: _id, ...school }) => school));
    }
  });

  it('when a name starts like a spreadsheet formula, then it is written inert and read back unchanged', () => {
    const school = schoolEntrySchema.parse({ id: 's-x', name: '=HYPERLINK("http://example.com")', altName: '@Ysgol', laId: 'powys', sector: 'other', languageCategory: 'other', open: true });
    const csv = toRegisterCsv([school]);
    expect(csv).toContain(`"'=HYPERLINK(""http://example.com"")"`);
    expect(rowsOf(parseRegisterCsv(csv, las))[0]).toMatchObject({ name: school.name, altName: '@Ysgol' });
  });

  it('when written, then the file starts with a byte-order mark, ends lines with CRLF and quotes every field', () => {
    const csv = toRegisterCsv(syntheticSchools(2, las, 5), { language: 'cy' });
    expect(csv.startsWith('\uFEFF"rhif yr ysgol","enw\'r ysgol"')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
  });
});
