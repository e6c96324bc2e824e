import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { renderAuditCard } from '../../cards/audit-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import { refusalCard } from '../roles/refusal-card';
import { laName } from '../roles/la-options';
import type { SchoolServices } from '../roles/school-services';
import { AUDIT_PAGE_SIZE } from './audit-log';
import { auditPositionInput, neighbours, type AuditPosition } from './audit-cursor';
import { auditEntryInWords } from './audit-words';
import { countsNote } from './audit-note';
import { auditExportFile, MAX_EXPORTED_ENTRIES } from './audit-export';
import { offerFile } from '../export/offer-file';
import { z } from 'zod';

/**
 * `audit` / `archwiliad`: organisation administrators read every entry, LA administrators
 * their authorities' entries, newest first, a page at a time; everyone else is refused (and
 * the refusal audited). Reading the audit is not itself audited, or it would fill with reads.
 */
export function registerAudit(app: Application, deps: FeatureDeps, schools: SchoolServices): void {
  async function auditCard(context: TurnContext, position: AuditPosition, lead = ''): Promise<AdaptiveCardJson> {
    const { identity, session, language } = turnData(context);
    const lang = language();
    const s = strings(lang).audit;
    const actor = { identity, name: session.user.name };
    const verdict = await schools.guard.anyRole(actor, 'audit.show', deps.now());
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const held = verdict.target;
    if (!held.tenant && held.las.length === 0) {
      await schools.guard.refuse(actor, 'audit.show', { kind: 'tenant', id: identity.tenantId.toLowerCase() }, 'not-your-la', deps.now());
      return renderNoticeCard(lang, { title: s.title, text: s.onlyAbove, tone: 'attention', actions: [{ title: strings(lang).common.help, verb: Verbs.showHelp, data: {} }] });
    }
    const records = await schools.audit.page(identity.tenantId, held.tenant ? { before: position.before } : { laIds: held.las, before: position.before });
    const full = records.length === AUDIT_PAGE_SIZE;
    const { older, newer } = neighbours(position, full ? records.at(-1)?.id : undefined);
    return renderAuditCard(lang, {
      intro: held.tenant ? s.introTenant : s.introLa,
      empty: position.before ? s.noMore : s.none,
      entries: records.map((r) => auditEntryInWords(r, lang, (laId) => laName(deps.content, laId, lang))),
      hasOlder: older !== undefined,
      olderBefore: older?.before ?? '',
      olderTrail: older?.trail ?? '',
      hasNewer: newer !== undefined,
      newerBefore: newer?.before ?? '',
      newerTrail: newer?.trail ?? '',
      exportable: true,
      lead,
    });
  }

  // The export: the newest entries the reader may see, as a CSV offered through Teams' file
  // consent in their personal chat, never a link. Exporting is itself an audited act.
  onCardAction(app, Verbs.exportAudit, z.object({}), async (context) => {
    const { identity, session, language } = turnData(context);
    const lang = language();
    const actor = { identity, name: session.user.name };
    const verdict = await schools.guard.anyRole(actor, 'audit.export', deps.now());
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const held = verdict.target;
    if (!held.tenant && held.las.length === 0) return refusalCard(lang, (await schools.guard.refuse(actor, 'audit.export', { kind: 'tenant', id: identity.tenantId.toLowerCase() }, 'not-your-la', deps.now())).reason);
    const records = await schools.audit.page(identity.tenantId, held.tenant ? { limit: MAX_EXPORTED_ENTRIES } : { laIds: held.las, limit: MAX_EXPORTED_ENTRIES });
    await offerFile(context, deps, auditExportFile(lang, records, deps.now()));
    await schools.guard.done(actor, held.tenant ? 'tenant-admin' : 'la-admin', 'audit.export', { kind: 'tenant', id: identity.tenantId.toLowerCase() }, deps.now(), undefined, countsNote({ entries: records.length }));
    return auditCard(context, { trail: [] }, strings(lang).audit.exportStarted);
  }, { personalOnly: true });

  app.message(commandSelector('audit', 'archwiliad'), async (context) => sendPersonalCard(context, () => auditCard(context, { trail: [] })));
  onCardAction(app, Verbs.showAudit, auditPositionInput, async (context, position) => auditCard(context, position), { personalOnly: true });
}
