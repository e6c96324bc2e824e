import { parse } from 'csv-parse/sync';
import { cleanName } from './clean-name';
import { foldKey } from './fold-text';
import type { LocalAuthority } from './local-authority';
import { MAX_SCHOOL_NAME, SCHOOL_NUMBER, type SchoolEntry } from './school-entry';
import {
  REQUIRED_COLUMNS,
  headingLookup,
  languageCategoryLookup,
  sectorLookup,
  statusLookup,
  type RegisterColumn,
} from './register-vocabulary';

/** The largest file read (5 MiB, tens of thousands of schools' worth): checked before any parsing. */
export const MAX_REGISTER_BYTES = 5 * 1024 * 1024;
/** The most schools one import takes (Wales has about 1,500 maintained schools). */
export const MAX_REGISTER_ROWS = 3000;

/** Why a row was turned away; each has words in both languages under `register.reasons`. */
export type RegisterRowReason =
  | 'number-malformed'
  | 'number-duplicate'
  | 'name-missing'
  | 'name-too-long'
  | 'la-unknown'
  | 'sector-unknown'
  | 'language-category-unknown'
  | 'status-unknown';

/** A school read from one line: everything of a register entry but its id, which storage decides. */
export type RegisterRow = Omit<SchoolEntry, 'id'> & { line: number };

/** A file refused whole: nothing in it is used. Words for each under `register.refused`. */
export type RegisterRefusal =
  | { kind: 'refused'; reason: 'too-big' | 'unreadable' }
  | { kind: 'refused'; reason: 'too-many-rows'; rows: number }
  | { kind: 'refused'; reason: 'no-heading'; missing: RegisterColumn[] };

/** A line turned away, by its number in the file and the first thing wrong with it. */
export interface RegisterRejection {
  line: number;
  reason: RegisterRowReason;
}

/** A file refused whole, or the schools read from it and the lines turned away (either list may be empty). */
export type RegisterCsvResult = RegisterRefusal | { kind: 'rows'; rows: RegisterRow[]; rejected: RegisterRejection[] };

/** What a spreadsheet-safe export put before a cell starting like a formula; taken off again here. */
const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;

/**
 * Reads a register CSV as the Welsh Government and spreadsheets write it (a byte-order mark,
 * CRLF, quoted fields holding commas). The first line names the columns, in English or
 * Welsh, in any order; other columns (addresses, phone numbers) are ignored. Each following
 * line is one school; blank lines are skipped. Line numbers are the file's own, counted where
 * a school's line starts, so a reader can find it in their spreadsheet.
 *
 * Local authorities are matched by id or by either name, ignoring case, accents and
 * punctuation ("Ynys Mon", "isle-of-anglesey"). A row with several problems is reported with
 * the first.
 */
export function parseRegisterCsv(text: string, localAuthorities: readonly LocalAuthority[]): RegisterCsvResult {
  if (text.length > MAX_REGISTER_BYTES || Buffer.byteLength(text, 'utf8') > MAX_REGISTER_BYTES) return { kind: 'refused', reason: 'too-big' };
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // csv-parse's types do not model `info: true`, which wraps each record with where it ended.
    const options = { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true };
    records = parse(text, options) as unknown as typeof records;
  } catch {
    return { kind: 'refused', reason: 'unreadable' };
  }
  const lines = startLines(text, records.map((r) => r.info.bytes));
  const withCells = records.map((r, i) => ({ cells: r.record, line: lines[i] ?? 0 })).filter((r) => r.cells.some((c) => c !== ''));
  const [heading, ...data] = withCells;
  const columns = columnsOf(heading?.cells ?? []);
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length > 0) return { kind: 'refused', reason: 'no-heading', missing };
  if (data.length > MAX_REGISTER_ROWS) return { kind: 'refused', reason: 'too-many-rows', rows: data.length };

  const laByKey = new Map<string, string>();
  for (const la of localAuthorities) for (const name of [la.id, la.name.en, la.name.cy]) laByKey.set(foldKey(name), la.id);
  const rows: RegisterRow[] = [];
  const rejected: RegisterRejection[] = [];
  const numbers = new Set<string>();
  for (const { cells, line } of data) {
    const cell = (column: RegisterColumn) => {
      const at = columns[column];
      return at === undefined ? '' : (cells[at] ?? '').replace(FORMULA_GUARD, '');
    };
    const read = readRow(cell, laByKey, numbers);
    if (typeof read === 'string') rejected.push({ line, reason: read });
    else rows.push({ line, ...read });
  }
  return { kind: 'rows', rows, rejected };
}

/** One school from its cells, or the first thing wrong with it. */
function readRow(cell: (c: RegisterColumn) => string, laByKey: Map<string, string>, numbers: Set<string>): Omit<RegisterRow, 'line'> | RegisterRowReason {
  const number = cell('number');
  if (number !== '' && !SCHOOL_NUMBER.test(number)) return 'number-malformed';
  if (number !== '') {
    if (numbers.has(number)) return 'number-duplicate';
    numbers.add(number);
  }
  const name = cleanName(cell('name'));
  const altName = cleanName(cell('altName'));
  if (name === '') return 'name-missing';
  if (name.length > MAX_SCHOOL_NAME || altName.length > MAX_SCHOOL_NAME) return 'name-too-long';
  const laId = laByKey.get(foldKey(cell('la')));
  if (laId === undefined) return 'la-unknown';
  const sector = sectorLookup.get(foldKey(cell('sector')));
  if (sector === undefined) return 'sector-unknown';
  const languageCategory = languageCategoryLookup.get(foldKey(cell('languageCategory')));
  if (languageCategory === undefined) return 'language-category-unknown';
  const status = cell('status') === '' ? 'open' : statusLookup.get(foldKey(cell('status')));
  if (status === undefined) return 'status-unknown';
  return {
    ...(number !== '' ? { number } : {}),
    name,
    ...(altName !== '' && altName !== name ? { altName } : {}),
    laId,
    sector,
    languageCategory,
    open: status === 'open',
  };
}

/** Which cell holds each column: the first heading that names it. */
function columnsOf(headings: string[]): Partial<Record<RegisterColumn, number>> {
  const columns: Partial<Record<RegisterColumn, number>> = {};
  headings.forEach((heading, at) => {
    const column = headingLookup.get(foldKey(heading));
    if (column !== undefined && columns[column] === undefined) columns[column] = at;
  });
  return columns;
}

/**
 * The line each record starts on. csv-parse reports the bytes read after each record (its
 * line count drifts with CRLF), so a record starts after the previous one's end and any
 * blank lines; its line is one more than the line breaks before that.
 */
function startLines(text: string, endBytes: number[]): number[] {
  const bytes = Buffer.from(text, 'utf8');
  const out: number[] = [];
  let line = 1;
  let at = 0;
  for (const end of endBytes) {
    while (at < end && isBlank(bytes[at])) {
      if (bytes[at] === 0x0a) line += 1;
      at += 1;
    }
    out.push(line);
    for (; at < end; at += 1) if (bytes[at] === 0x0a) line += 1;
  }
  return out;
}

/** Line breaks, spaces and tabs: what lies between one record and the next. */
function isBlank(byte: number | undefined): boolean {
  return byte === 0x0a || byte === 0x0d || byte === 0x20 || byte === 0x09;
}
