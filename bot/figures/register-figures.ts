import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderFiguresCard } from '../../cards/figures-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { laIdInput, laName } from '../roles/la-options';
import { refusalCard } from '../roles/refusal-card';
import type { SchoolServices } from '../roles/school-services';
import { schoolIdInput } from '../register/school-id-input';
import type { Language, UserIdentity } from '../users/user-record';
import { figuresPartition, figuresSnapshotCollection, figuresSnapshotId, type FiguresSnapshot } from './figures-snapshot';
import { figuresView, pickerChoices, type FiguresScope } from './figures-view';
import { figuresExportFile } from './figures-export';
import { offerFile } from '../export/offer-file';
import type { ActingRole } from '../roles/admin-scope';

/** Card data: which view (a claim, checked), which measure, which page of rows. */
const figuresInput = z.object({
  scope: z.union([z.literal('national'), z.string().regex(/^la:/).transform((s) => ({ la: s.slice(3) })), z.string().regex(/^school:/).transform((s) => ({ school: s.slice(7) }))]).optional(),
  measure: z.coerce.number().int().min(0).max(50).default(0),
  page: z.coerce.number().int().min(0).max(1000).default(0),
});
type FiguresInput = z.infer<typeof figuresInput>;

/**
 * `figures` / `ffigurau`: anonymised workforce figures from the latest nightly snapshot,
 * never counted on the request (one or two point reads). A tenant administrator sees the
 * LAs, an LA administrator their LA school by school, a school administrator their school;
 * a view named in card data is only a claim, checked by the guard (refusals audited).
 */
export function registerFigures(app: Application, deps: FeatureDeps, schools: SchoolServices): void {
  const snapshots = deps.store.collection(figuresSnapshotCollection);

  /** Today's snapshot, or yesterday's before tonight's is written. */
  async function latest(tenantId: string, scopeId: string): Promise<FiguresSnapshot | undefined> {
    const today = deps.now();
    const yesterday = new Date(today.getTime() - 24 * 3600 * 1000);
    for (const day of [today, yesterday]) {
      const found = await snapshots.read(figuresSnapshotId(day.toISOString().slice(0, 10), scopeId), figuresPartition(tenantId));
      if (found) return found.value;
    }
    return undefined;
  }

  type Picker = ReturnType<typeof pickerChoices>;
  type Resolved = { ok: false; card: AdaptiveCardJson } | { ok: true; lang: Language; scope: FiguresScope; scopeTitle: string; snapshot?: FiguresSnapshot; rowName: (id: string) => string; actor: { identity: UserIdentity; name?: string }; role: ActingRole; picker: Picker };

  /** Decides the view (the guard checks any claim, refusals audited) and reads its latest snapshot. */
  async function resolve(context: TurnContext, input: Pick<FiguresInput, 'scope'>, action: 'figures.show' | 'figures.export'): Promise<Resolved> {
    const { identity, session, language } = turnData(context);
    const lang: Language = language();
    const s = strings(lang).figures;
    const actor = { identity, name: session.user.name };
    const now = deps.now();
    const verdict = await schools.guard.anyRole(actor, action, now);
    if (!verdict.ok) return { ok: false, card: refusalCard(lang, verdict.reason) };
    const held = verdict.target;
    let scope: FiguresScope;
    let role: ActingRole;
    let schoolName = '';
    const claim = input.scope ?? (held.tenant ? 'national' : held.las[0] ? { la: held.las[0] } : { school: held.schools[0] ?? '' });
    if (claim === 'national') {
      const ok = await schools.guard.forTenant(actor, action, now);
      if (!ok.ok) return { ok: false, card: refusalCard(lang, ok.reason) };
      scope = { kind: 'national' };
      role = ok.role;
    } else if ('la' in claim) {
      const laId = laIdInput.safeParse(claim.la);
      const ok = await schools.guard.forLa(actor, action, laId.success ? laId.data : claim.la.slice(0, 40), now);
      if (!ok.ok) return { ok: false, card: refusalCard(lang, ok.reason) };
      scope = { kind: 'la', laId: ok.target };
      role = ok.role;
    } else {
      const schoolId = schoolIdInput.safeParse(claim.school);
      const ok = await schools.guard.forSchool(actor, action, schoolId.success ? schoolId.data : claim.school.slice(0, 60), now);
      if (!ok.ok) return { ok: false, card: refusalCard(lang, ok.reason) };
      scope = { kind: 'school', laId: ok.target.laId, schoolId: ok.target.id };
      role = ok.role;
      schoolName = ok.target.name;
    }
    const snapshot = await latest(identity.tenantId, scope.kind === 'national' ? 'national' : scope.laId);
    const scopeTitle = scope.kind === 'national' ? s.national : scope.kind === 'la' ? fill(s.la, { la: laName(deps.content, scope.laId, lang) }) : schoolName;
    // The register is read only when the card names schools: an LA's rows, or a picker holding schools.
    const pickSchools = !held.tenant && held.las.length + held.schools.length > 1 && held.schools.length > 0;
    const catalogue = (scope.kind === 'la' && snapshot) || pickSchools ? await schools.register.catalogue(identity.tenantId) : [];
    const names = new Map(catalogue.map((e) => [e.id, e.name]));
    const rowName = (id: string) => (scope.kind === 'national' ? laName(deps.content, id, lang) : scope.kind === 'school' && id === scope.schoolId ? schoolName : names.get(id) ?? id);
    const picker = pickerChoices(deps.content, lang, held, catalogue);
    return { ok: true, lang, scope, scopeTitle, ...(snapshot ? { snapshot } : {}), rowName, actor, role, picker };
  }

  async function figuresCard(context: TurnContext, input: FiguresInput, lead = ''): Promise<AdaptiveCardJson> {
    const r = await resolve(context, input, 'figures.show');
    if (!r.ok) return r.card;
    return cardOf(r, input, lead);
  }

  function cardOf(r: Extract<Resolved, { ok: true }>, input: FiguresInput, lead: string): AdaptiveCardJson {
    const s = strings(r.lang).figures;
    if (!r.snapshot) {
      // A chosen view may have nothing yet (an LA with no open school): the way back is the reader's first view.
      const back = input.scope !== undefined ? [{ title: s.title, verb: Verbs.showFigures, data: {} }] : [];
      return renderNoticeCard(r.lang, { title: s.title, text: `${r.scopeTitle}\n\n${s.none}`, actions: [...back, { title: strings(r.lang).common.help, verb: Verbs.showHelp, data: {} }] });
    }
    const view = figuresView(deps.content, r.lang, { snapshot: r.snapshot, scope: r.scope, measure: input.measure, page: input.page, rowName: r.rowName, scopeTitle: r.scopeTitle });
    return renderFiguresCard(r.lang, { ...view, choices: r.picker.choices, pickerNote: r.picker.note, lead });
  }

  // The CSV: the same suppressed snapshot as the card, through Teams' file consent in the
  // personal chat. Downloading is audited, like the audit's own export.
  onCardAction(app, Verbs.exportFigures, figuresInput, async (context, input) => {
    const r = await resolve(context, input, 'figures.export');
    if (!r.ok) return r.card;
    if (!r.snapshot) return cardOf(r, input, '');
    await offerFile(context, deps, figuresExportFile(deps.content, r.lang, r.snapshot, r.scope, r.rowName));
    const target = r.scope.kind === 'national' ? { kind: 'tenant' as const, id: r.actor.identity.tenantId.toLowerCase() } : r.scope.kind === 'la' ? { kind: 'la' as const, id: r.scope.laId } : { kind: 'school' as const, id: r.scope.schoolId };
    await schools.guard.done(r.actor, r.role, 'figures.export', target, deps.now(), r.scope.kind === 'national' ? undefined : r.scope.laId);
    return cardOf(r, input, strings(r.lang).figures.exportStarted);
  }, { personalOnly: true });

  app.message(commandSelector('figures', 'ffigurau'), async (context) => sendPersonalCard(context, () => figuresCard(context, { measure: 0, page: 0 })));
  onCardAction(app, Verbs.showFigures, figuresInput, async (context, input) => figuresCard(context, input), { personalOnly: true });
}
