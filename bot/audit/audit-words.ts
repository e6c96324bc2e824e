import type { AuditCardEntry } from '../../cards/audit-card';
import { fill, strings } from '../i18n/strings';
import type { Language } from '../users/user-record';
import { writeDate } from '../i18n/date-writer';
import type { AuditRecord } from './audit-record';
import { noteInWords } from './audit-note';
import { inertMarkdown } from '../text/inert-markdown';
import { shortenTypedText } from '../text/shorten-typed-text';

/** The longest line of an entry the audit card takes (its schema's bound). */
const MAX_LINE = 250;

const formats: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' }),
  cy: new Intl.DateTimeFormat('cy-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' }),
};

/** A moment as a clock in Wales shows it, whatever the server's zone. */
export function londonWhen(iso: string, language: Language): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : writeDate(formats, at, language);
}

function pick<T extends Record<string, string>>(table: T, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key as keyof T] : undefined;
}

/**
 * One audit entry in the reader's language: when (Europe/London), who (name or id) and
 * their role, what to what, and done or refused with the reason. Acts this version does
 * not name are shown by their code, so an entry from a newer capability still reads.
 */
export function auditEntryInWords(record: AuditRecord, language: Language, laName: (laId: string) => string): AuditCardEntry {
  const s = strings(language).audit;
  // Names and labels were typed by people: inert here, as everywhere another person reads them.
  const name = inertMarkdown(shortenTypedText(record.target.label ?? record.target.id, 120));
  const target =
    record.target.kind === 'tenant' ? s.targets.tenant
    : record.target.kind === 'la' ? fill(s.targets.la, { name: laName(record.target.id) })
    : fill(s.targets[record.target.kind], { name });
  const reason = record.reason ?? '';
  const outcome =
    record.outcome === 'refused' ? fill(s.refused, { reason: pick(s.reasons, reason) ?? reason })
    : reason ? fill(s.doneNote, { note: noteInWords(reason, language) })
    : s.done;
  return {
    line: fill(s.line, { when: londonWhen(record.at, language), who: inertMarkdown(record.actorName ?? record.actor), role: s.roles[record.role] }).slice(0, MAX_LINE),
    what: fill(s.what, { action: pick(s.actions, record.action) ?? record.action, target }).slice(0, MAX_LINE),
    outcome: outcome.slice(0, MAX_LINE),
    refused: record.outcome === 'refused',
  };
}
