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
import type { Language } from '../users/user-record';
import { figuresPartition, figuresSnapshotCollection, figuresSnapshotId, type FiguresSnapshot } from './figures-snapshot';
import { figuresView, type FiguresScope } from './figures-view';

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

  async function figuresCard(context: TurnContext, input: FiguresInput): Promise<AdaptiveCardJson> {
    const { identity, session, language } = turnData(context);
    const lang: Language = language();
    const s = strings(lang).figures;
    const actor = { identity, name: session.user.name };
    const now = deps.now();
    const verdict = await schools.guard.anyRole(actor, 'figures.show', now);
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const held = verdict.target;
    let scope: FiguresScope;
    let schoolName = '';
    const claim = input.scope ?? (held.tenant ? 'national' : held.las[0] ? { la: held.las[0] } : { school: held.schools[0] ?? '' });
    if (claim === 'national') {
      const ok = await schools.guard.forTenant(actor, 'figures.show', now);
      if (!ok.ok) return refusalCard(lang, ok.reason);
      scope = { kind: 'national' };
    } else if ('la' in claim) {
      const laId = laIdInput.safeParse(claim.la);
      const ok = await schools.guard.forLa(actor, 'figures.show', laId.success ? laId.data : claim.la.slice(0, 40), now);
      if (!ok.ok) return refusalCard(lang, ok.reason);
      scope = { kind: 'la', laId: ok.target };
    } else {
      const schoolId = schoolIdInput.safeParse(claim.school);
      const ok = await schools.guard.forSchool(actor, 'figures.show', schoolId.success ? schoolId.data : claim.school.slice(0, 60), now);
      if (!ok.ok) return refusalCard(lang, ok.reason);
      scope = { kind: 'school', laId: ok.target.laId, schoolId: ok.target.id };
      schoolName = ok.target.name;
    }
    const snapshot = await latest(identity.tenantId, scope.kind === 'national' ? 'national' : scope.laId);
    const scopeTitle = scope.kind === 'national' ? s.national : scope.kind === 'la' ? fill(s.la, { la: laName(deps.content, scope.laId, lang) }) : schoolName;
    if (!snapshot) {
      return renderNoticeCard(lang, { title: s.title, text: `${scopeTitle}\n\n${s.none}`, actions: [{ title: strings(lang).common.help, verb: Verbs.showHelp, data: {} }] });
    }
    const names = scope.kind === 'national' ? undefined : new Map((await schools.register.catalogue(identity.tenantId)).map((e) => [e.id, e.name]));
    const rowName = (id: string) => (scope.kind === 'national' ? laName(deps.content, id, lang) : names?.get(id) ?? id);
    return renderFiguresCard(lang, figuresView(deps.content, lang, { snapshot, scope, measure: input.measure, page: input.page, rowName, scopeTitle }));
  }

  app.message(commandSelector('figures', 'ffigurau'), async (context) => sendPersonalCard(context, () => figuresCard(context, { measure: 0, page: 0 })));
  onCardAction(app, Verbs.showFigures, figuresInput, async (context, input) => figuresCard(context, input), { personalOnly: true });
}
