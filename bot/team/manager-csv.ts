import { EMAIL } from '../users/directory-entry';

/** Why an import row was turned away; each has words in both languages. */
export type ImportReason =
  | 'columns'
  | 'not-an-id'
  | 'action'
  | 'same-person'
  | 'duplicate'
  | 'unknown-email'
  | 'unknown-staff'
  | 'no-profile'
  | 'staff-other-school'
  | 'unknown-manager'
  | 'manager-other-school'
  | 'manager-is-you'
  | 'has-manager'
  | 'not-linked';

/** What a row asks for: set the manager (replacing only an unaccepted one), replace an accepted one, or remove the link. */
export type ImportAction = 'set' | 'replace' | 'remove';

/** A row naming a staff member and a line manager, each by Entra object id or email (lower case). */
export interface ImportPair {
  line: number;
  staff: string;
  manager: string;
  action: ImportAction;
}

/** A row turned away: its line, why, and the value it is about (as typed, for the report). */
export interface RejectedRow {
  line: number;
  reason: ImportReason;
  value: string;
}

export type ParsedCsv =
  | { tooMany: false; pairs: ImportPair[]; rejected: RejectedRow[] }
  /** More data lines than one import takes: nothing is read further, nothing is written. */
  | { tooMany: true; lines: number };

/** The most rows one import takes: an import is one turn, and each row costs a few reads and writes. */
export const MAX_IMPORT_ROWS = 500;

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const ACTIONS: Record<string, ImportAction> = { '': 'set', replace: 'replace', disodli: 'replace', remove: 'remove', dileu: 'remove' };

const cell = (raw: string) => raw.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
const isName = (v: string) => GUID.test(v) || EMAIL.test(v);

/**
 * Reads the import CSV: one `staff,manager[,replace|remove]` row per line (commas,
 * semicolons or tabs, as spreadsheets save them), people named by Entra object id or by
 * email. A first line that names nobody is a heading and is skipped; blank lines are
 * skipped. The size is checked first: more than MAX_IMPORT_ROWS data lines and nothing else
 * is read.
 */
export function parseManagerCsv(text: string): ParsedCsv {
  const rows = text
    .split(/\r?\n/)
    .map((raw, i) => ({ line: i + 1, raw: raw.trim(), cells: raw.split(/[,;\t]/).map(cell) }))
    .filter((r) => r.cells.some((c) => c !== ''))
    .filter((r) => !(r.line === 1 && !r.cells.some(isName)));
  if (rows.length > MAX_IMPORT_ROWS) return { tooMany: true, lines: rows.length };
  const pairs: ImportPair[] = [];
  const rejected: RejectedRow[] = [];
  for (const { line, raw, cells } of rows) {
    const [staff = '', manager = '', third = '', ...rest] = cells;
    const action = ACTIONS[third];
    if (staff === '' || manager === '' || rest.some((c) => c !== '')) rejected.push({ line, reason: 'columns', value: raw });
    else if (!isName(staff) || !isName(manager)) rejected.push({ line, reason: 'not-an-id', value: isName(staff) ? manager : staff });
    else if (action === undefined) rejected.push({ line, reason: 'action', value: third });
    else if (staff === manager) rejected.push({ line, reason: 'same-person', value: staff });
    else pairs.push({ line, staff, manager, action });
  }
  return { tooMany: false, pairs, rejected };
}
