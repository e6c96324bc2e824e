import { parse } from 'csv-parse/sync';
import { neutraliseCell, toCsv } from '../../../bot/export/to-csv';
import { toJson } from '../../../bot/export/to-json';

describe('CSV and JSON files for export', () => {
  it('when a cell starts with =, +, -, @, a tab or a carriage return, then it is written with a leading apostrophe', () => {
    for (const cell of ['=1+1', '+44 29', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("https://x.example")']) {
      expect(neutraliseCell(cell)).toBe(`'${cell}`);
    }
    expect(neutraliseCell(-5)).toBe("'-5");
  });

  it('when a cell is ordinary text, a number, empty or missing, then it is written as it is', () => {
    expect(['Nia', 'a=b', ' =1', "'=already", 'Siân Ŵyn', 42, '', null, undefined].map(neutraliseCell)).toEqual([
      'Nia', 'a=b', ' =1', "'=already", 'Siân Ŵyn', '42', '', '', '',
    ]);
  });

  it('when a table is written, then it starts with a byte-order mark, ends lines with CRLF and quotes every field, headings included', () => {
    const text = toCsv([['Ysgol y Castell, Caerdydd', 'said "hi"', null]], ['School', '=Note', 'Empty']).toString('utf8');
    expect(text).toBe('\uFEFF"School","\'=Note","Empty"\r\n"Ysgol y Castell, Caerdydd","said ""hi""",""\r\n');
  });

  it('when the written table is read back by a CSV parser, then commas, quotes, line breaks and Welsh letters survive', () => {
    const rows = [['Siân, Ŵyn', 'line one\nline two', '"quoted"', 'ŷ â ê î ô û']];
    expect(parse(toCsv(rows, ['a', 'b', 'c', 'd']), { bom: true })).toEqual([['a', 'b', 'c', 'd'], ...rows]);
  });

  it('when a value is written as JSON, then it reads back the same, as UTF-8 text ending in a newline', () => {
    const value = { name: 'Siân', rows: [1, 2], note: '=1+1' };
    const bytes = toJson(value);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(value);
    expect(bytes.toString('utf8').endsWith('}\n')).toBe(true);
  });
});
