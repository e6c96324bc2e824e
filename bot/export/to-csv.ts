import { stringify } from 'csv-stringify/sync';

/** One cell of an exported table. */
export type CsvCell = string | number | null | undefined;

/** First characters a spreadsheet may take as the start of a formula (or hide one behind). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as it is written: a cell a spreadsheet could run as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so it opens as text.
 * Exported cells hold what people typed, which another person may open.
 */
export function neutraliseCell(cell: CsvCell): string {
  const text = cell === null || cell === undefined ? '' : String(cell);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A table as a CSV file for spreadsheets: UTF-8 with a byte-order mark (so Excel reads ŵ
 * and ŷ), CRLF line ends, every field quoted, every cell neutralised, headings first.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], headings: readonly string[]): Buffer {
  const records = [headings, ...rows].map((row) => row.map(neutraliseCell));
  return Buffer.from(stringify(records, { quoted: true, quoted_empty: true, record_delimiter: '\r\n', bom: true }), 'utf8');
}
