import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { MAX_ECHOED_REGISTER, renderRegisterCard, type RegisterCardData } from '../../cards/register-card';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { countOf } from '../i18n/count-forms';
import { fill, strings } from '../i18n/strings';
import type { Language } from '../users/user-record';
import type { SchoolServices } from '../roles/school-services';
import { refusalCard } from '../roles/refusal-card';
import { inertMarkdown } from '../text/inert-markdown';
import { shortenTypedText } from '../text/shorten-typed-text';
import { describeRefusal, describeRejections } from './register-csv-messages';
import { MAX_REGISTER_BYTES, parseRegisterCsv } from './register-csv';
import { attachedFile, downloadAttached } from '../export/received-file';
import { isPersonal } from '../edge/activity-facts';
import { isLocalMode } from '../config';
import { sendCard } from '../app/replies';
import type { ActingRole } from '../roles/admin-scope';
import { countsNote } from '../audit/audit-note';
import { checkNewSchool, type NewSchoolField } from './check-new-school';
import { LANGUAGE_CATEGORIES, SCHOOL_SECTORS } from './school-entry';

const personal = { personalOnly: true };

const addInput = z.object({
  name: z.string().max(200).optional(),
  altName: z.string().max(200).optional(),
  laId: z.string().max(60).optional(),
  number: z.string().max(20).optional(),
  sector: z.string().max(40).optional(),
  languageCategory: z.string().max(40).optional(),
});
/** Teams sends a card input whole; a 5 MB file is refused by the parser's own check with a clear card. */
const importInput = z.object({ csv: z.string().max(6 * 1024 * 1024).default('') });

/**
 * `schools` / `ysgolion`: the tenant's register of schools. Tenant administrators import
 * the register (CSV, re-import updates by school number) and add schools one by one; LA
 * administrators see how many schools their authorities have and find them. Everyone else
 * is refused, and the refusal audited.
 */
export function registerSchoolsAdmin(app: Application, deps: FeatureDeps, schools: SchoolServices): void {
  const actor = (context: TurnContext) => ({ identity: turnData(context).identity, name: turnData(context).session.user.name });

  async function card(context: TurnContext, extra: Partial<RegisterCardData> = {}): Promise<AdaptiveCardJson> {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await schools.guard.anyRole(actor(context), 'register.open', deps.now());
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const held = verdict.target;
    if (!held.tenant && held.las.length === 0) return refusalCard(lang, 'not-your-la');
    const entries = await schools.register.catalogue(identity.tenantId);
    const s = strings(lang).schoolsRegister;
    const summary = held.tenant
      ? fill(s.summary, { schools: countOf(entries.length, s.schools), open: String(entries.filter((e) => e.open).length) })
      : fill(s.summaryLa, { schools: countOf(entries.filter((e) => held.las.includes(e.laId)).length, s.schools) });
    // The names most people typed first; the rest appear as those are matched.
    const unmatched = held.tenant ? (await schools.migration.unmatched(identity.tenantId)).sort((a, b) => b.people - a.people).slice(0, 15) : [];
    const lines = unmatched.map((u) => {
      const display = inertMarkdown(shortenTypedText(u.display, 100));
      return { folded: u.folded.slice(0, 120), display, label: fill(s.unmatchedLine, { name: display, people: countOf(u.people, s.people) }).slice(0, 160) };
    });
    return renderRegisterCard(lang, { summary, canEdit: held.tenant, unmatched: lines, ...choices(lang, deps), ...extra });
  }

  app.message(commandSelector('schools', 'ysgolion', 'school register', 'cofrestr ysgolion'), async (context) => sendPersonalCard(context, () => card(context)));
  onCardAction(app, Verbs.showRegister, z.object({}), async (context) => card(context), personal);

  /** Imports a register's text, from the card's box or a file; what was pasted comes back when it is refused. */
  async function importText(context: TurnContext, csv: string, role: ActingRole, tenantTarget: string): Promise<AdaptiveCardJson> {
    const { identity, language } = turnData(context);
    const lang = language();
    const s = strings(lang).schoolsRegister;
    const echo = csv.length <= MAX_ECHOED_REGISTER ? csv : '';
    if (csv.trim() === '') return card(context, { lead: s.emptyCsv, leadTone: 'attention' });
    const parsed = parseRegisterCsv(csv, deps.content.localAuthorities);
    if (parsed.kind === 'refused') return card(context, { lead: describeRefusal(lang, parsed), leadTone: 'attention', csv: echo });
    const saved = await schools.register.save(identity.tenantId, parsed.rows.map(({ line: _line, ...row }) => row), identity.aadObjectId, deps.now());
    if (saved.kind === 'saved') await schools.migration.match(identity.tenantId, deps.now());
    if (saved.kind !== 'saved') return card(context, { lead: saved.kind === 'too-many' ? fill(s.tooMany, { limit: String(saved.limit) }) : s.tooLarge, leadTone: 'attention', csv: echo });
    const counts = { added: String(saved.added.length), updated: String(saved.updated.length), rejected: String(parsed.rejected.length) };
    await schools.guard.done(actor(context), role, 'register.import', { kind: 'tenant', id: tenantTarget }, deps.now(), undefined,
      countsNote({ added: saved.added.length, updated: saved.updated.length, rejected: parsed.rejected.length }));
    return card(context, {
      lead: fill(s.imported, counts),
      // Imported is good news; the lines turned away below say what is left to fix.
      leadTone: saved.added.length + saved.updated.length > 0 ? 'good' : 'attention',
      rejected: describeRejections(lang, parsed.rejected).slice(0, 10).map((line) => line.slice(0, 500)),
      // Rows turned away are worth fixing and pasting again; the accepted ones are already in.
      csv: parsed.rejected.length > 0 ? echo : '',
    });
  }

  onCardAction(app, Verbs.importRegister, importInput, async (context, { csv }) => {
    const verdict = await schools.guard.forTenant(actor(context), 'register.import', deps.now());
    if (!verdict.ok) return refusalCard(turnData(context).language(), verdict.reason);
    return importText(context, csv, verdict.role, verdict.target);
  }, personal);

  // A whole register file (the Welsh Government's list is larger than a card's box takes) sent
  // in the personal chat: fetched up to 5 MB, never more, then imported as if pasted.
  const csvFile = async (context: TurnContext) => context.activity.type === 'message' && isPersonal(context.activity) && attachedFile(context.activity, 'csv') !== undefined;
  app.message(csvFile, async (context) => {
    const lang = turnData(context).language();
    const verdict = await schools.guard.forTenant(actor(context), 'register.import', deps.now());
    if (!verdict.ok) return sendCard(context, refusalCard(lang, verdict.reason));
    const file = attachedFile(context.activity, 'csv')!;
    const s = strings(lang).schoolsRegister;
    const got = await downloadAttached(file, { maxBytes: MAX_REGISTER_BYTES, localMode: isLocalMode(deps.config), serviceUrl: context.activity.serviceUrl });
    if (!got.ok) return sendCard(context, await card(context, { lead: got.reason === 'too-big' ? describeRefusal(lang, { kind: 'refused', reason: 'too-big' }) : s.fileFailed, leadTone: 'attention' }));
    await sendCard(context, await importText(context, got.bytes.toString('utf8'), verdict.role, verdict.target));
  });

  onCardAction(app, Verbs.addRegisterSchool, addInput, async (context, input) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await schools.guard.forTenant(actor(context), 'register.add', deps.now());
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const s = strings(lang).schoolsRegister;
    const form = { name: input.name ?? '', altName: input.altName ?? '', laId: input.laId ?? '', number: input.number ?? '', sector: input.sector ?? '', languageCategory: input.languageCategory ?? '' };
    const entries = await schools.register.catalogue(identity.tenantId);
    const checked = checkNewSchool(input, (laId) => deps.content.localAuthority(laId) !== undefined, entries);
    if (!checked.ok) return card(context, { lead: problemsText(lang, checked.problems), leadTone: 'attention', form });
    const saved = await schools.register.save(identity.tenantId, [checked.school], identity.aadObjectId, deps.now());
    if (saved.kind !== 'saved') return card(context, { lead: saved.kind === 'too-many' ? fill(s.tooMany, { limit: String(saved.limit) }) : s.tooLarge, leadTone: 'attention', form });
    const entry = saved.added[0] ?? saved.updated[0]!;
    await schools.migration.match(identity.tenantId, deps.now());
    await schools.guard.done(actor(context), verdict.role, 'register.add', { kind: 'school', id: entry.id, label: entry.name }, deps.now(), entry.laId);
    return card(context, { lead: fill(s.added, { school: entry.name }), leadTone: 'good' });
  }, personal);

  const mapInput = z.object({ legacyName: z.string().max(120).default(''), mapNumber: z.string().max(20).default('') });
  onCardAction(app, Verbs.mapLegacySchool, mapInput, async (context, { legacyName, mapNumber }) => {
    const { identity, language } = turnData(context);
    const lang = language();
    const verdict = await schools.guard.forTenant(actor(context), 'register.map', deps.now());
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const s = strings(lang).schoolsRegister;
    const number = mapNumber.replace(/\s+/g, '');
    const school = (await schools.register.catalogue(identity.tenantId)).find((e) => e.number !== undefined && e.number === number);
    const mapped = school !== undefined && (await schools.migration.map(identity.tenantId, legacyName, school.id, deps.now()));
    if (!mapped || !school) return card(context, { lead: s.mapFailed, leadTone: 'attention', legacyName, mapNumber });
    await schools.guard.done(actor(context), verdict.role, 'register.map', { kind: 'school', id: school.id, label: school.name }, deps.now(), school.laId);
    return card(context, { lead: fill(s.mapped, { name: legacyName, school: school.name }), leadTone: 'good' });
  }, personal);
}

/** The refused fields' messages, one after another, after the line saying nothing was saved. */
function problemsText(language: Language, problems: NewSchoolField[]): string {
  const s = strings(language).schoolsRegister.errors;
  return [s.fix, ...problems.map((p) => s[p])].join(' ');
}

/** The choice lists of the add form, in the reader's language. */
function choices(language: Language, deps: FeatureDeps) {
  const r = strings(language).register;
  return {
    las: deps.content.localAuthorities.map((la) => ({ title: la.name[language], value: la.id })),
    sectors: SCHOOL_SECTORS.map((id) => ({ title: r.sectors[id], value: id })),
    languages: LANGUAGE_CATEGORIES.map((id) => ({ title: r.languageCategories[id], value: id })),
  };
}
