import { parseManagerCsv } from '../../bot/team/manager-csv';
import { lineRanges } from '../../bot/text/lines-by-reason';

describe('the line manager import CSV', () => {
  const a = '0a1b2c3d-0000-4000-8000-000000000001';
  const b = '0a1b2c3d-0000-4000-8000-000000000002';
  const c = '0A1B2C3D-0000-4000-8000-000000000003';
  const pair = (line: number, staff: string, manager: string, action = 'set') => ({ line, staff, manager, action });
  it.each([
    ['a heading and one pair', `staff,manager\n${a},${b}`, [pair(2, a, b)], []],
    ['semicolons, quotes, upper case and blank lines', `\n"${c}";"${b}"\n\n`, [pair(2, c.toLowerCase(), b)], []],
    ['an email', `${a},Eirian@Ysgol.Cymru`, [pair(1, a, 'eirian@ysgol.cymru')], []],
    ['a name instead of an id', `${a},${b}\n${b},Eirian Price`, [pair(1, a, b)], [{ line: 2, reason: 'not-an-id', value: 'eirian price' }]],
    ['one column', `${a}`, [], [{ line: 1, reason: 'columns', value: a }]],
    ['four columns', `${a},${b},replace,x`, [], [{ line: 1, reason: 'columns', value: `${a},${b},replace,x` }]],
    ['replace and remove, in English and Welsh', `${a},${b},replace\n${b},${a},Dileu`, [pair(1, a, b, 'replace'), pair(2, b, a, 'remove')], []],
    ['an unknown third value', `${a},${b},${a}`, [], [{ line: 1, reason: 'action', value: a }]],
    ['a person as their own manager', `${a},${a}`, [], [{ line: 1, reason: 'same-person', value: a }]],
  ])('when the CSV has %s, then the rows read and rejected are as expected', (_what, csv, pairs, rejected) => {
    expect(parseManagerCsv(csv)).toEqual({ tooMany: false, pairs, rejected });
  });

  it('when the CSV has more than 500 data lines, then it is refused whole, saying how many it has', () => {
    const rows = Array.from({ length: 501 }, (_, i) => `${a.slice(0, -4)}${String(i).padStart(4, '0')},ffffffff-0000-4000-8000-000000000009`);
    expect(parseManagerCsv(['staff,manager', ...rows, ''].join('\n'))).toEqual({ tooMany: true, lines: 501 });
    expect(parseManagerCsv(['staff,manager', ...rows.slice(1)].join('\n'))).toMatchObject({ tooMany: false });
  });

  it('when lines are listed, then runs are joined and a long list says how many more', () => {
    expect(lineRanges([12, 4, 5, 6, 7, 8, 9, 2], 10)).toEqual({ text: '2, 4–9, 12', more: 0 });
    expect(lineRanges([1, 3, 5, 7, 8, 9], 2)).toEqual({ text: '1, 3', more: 4 });
  });
});
