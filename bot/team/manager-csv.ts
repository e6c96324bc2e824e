/** Why an import row was turned away; each has words in both languages. */
export type ImportReason = 'columns' | 'not-an-id' | 'email' | 'same-person' | 'duplicate' | 'too-many' | 'unknown-staff' | 'no-profile';

/** A row that names a staff member and a line manager by Entra object id (lower case). */
export interface ImportPair {
  line: number;
  staff: string;
  manager: string;
}

export interface ParsedCsv {
  pairs: ImportPair[];
  rejected: { line: number; reason: ImportReason }[];
}

/** The most rows one import takes: an import is one turn, and each row costs a few writes. */
export const MAX_IMPORT_ROWS = 500;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const cell = (raw: string) => raw.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
const isName = (v: string) => GUID.test(v) || EMAIL.test(v);

/**
 * Reads the import CSV: one `staff,manager` pair per line (commas, semicolons or tabs, as
 * spreadsheets save them), each an Entra object id. A first line that holds no ids is a
 * heading and is skipped; blank lines are skipped. Emails are recognised only to say why
 * they cannot be used: Cefnogi meets people by their object id, never by their address.
 */
export function parseManagerCsv(text: string): ParsedCsv {
  const out: ParsedCsv = { pairs: [], rejected: [] };
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  let rows = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const cells = raw.split(/[,;\t]/).map(cell);
    if (line === 1 && !cells.some(isName)) return;
    rows += 1;
    if (rows > MAX_IMPORT_ROWS) return void out.rejected.push({ line, reason: 'too-many' });
    const [staff = '', manager = '', ...rest] = cells;
    if (staff === '' || manager === '' || rest.some((c) => c !== '')) return void out.rejected.push({ line, reason: 'columns' });
    if (EMAIL.test(staff) || EMAIL.test(manager)) return void out.rejected.push({ line, reason: 'email' });
    if (!GUID.test(staff) || !GUID.test(manager)) return void out.rejected.push({ line, reason: 'not-an-id' });
    if (staff === manager) return void out.rejected.push({ line, reason: 'same-person' });
    if (seen.has(staff)) return void out.rejected.push({ line, reason: 'duplicate' });
    seen.add(staff);
    out.pairs.push({ line, staff, manager });
  });
  return out;
}
