import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderManagerImportCard } from '../../cards/manager-import-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { importLineManagers } from './import-line-managers';

const personal = { personalOnly: true };

/**
 * `import managers` / `mewnforio rheolwyr` (administrators only): paste a CSV of staff and
 * line manager object ids; the answer reports the rows accepted and each one rejected, why.
 */
export function registerManagerImport(app: Application, deps: FeatureDeps): void {
  function refusal(context: TurnContext): AdaptiveCardJson | undefined {
    const { identity, language } = turnData(context);
    if (deps.config.ADMIN_AAD_OBJECT_IDS.includes(identity.aadObjectId)) return undefined;
    const s = strings(language()).import;
    return renderNoticeCard(language(), { title: s.title, text: s.onlyAdmins, tone: 'attention' });
  }
  const form = (context: TurnContext) => renderManagerImportCard(turnData(context).language());

  app.message(commandSelector('import managers', 'mewnforio rheolwyr'), async (context) => sendPersonalCard(context, () => refusal(context) ?? form(context)));
  onCardAction(app, Verbs.showManagerImport, z.object({}), async (context) => refusal(context) ?? form(context), personal);

  onCardAction(app, Verbs.importManagers, z.object({ csv: z.string().max(60_000).default('') }), async (context, { csv }) => {
    const refused = refusal(context);
    if (refused) return refused;
    const { identity, language } = turnData(context);
    const s = strings(language()).import;
    const report = await importLineManagers(deps.store, identity.tenantId, csv, deps.now());
    if (report.accepted === 0 && report.rejected.length === 0) return renderManagerImportCard(language(), { lead: s.empty, leadTone: 'attention' });
    return renderManagerImportCard(language(), {
      lead: fill(s.report, { accepted: String(report.accepted), rejected: String(report.rejected.length) }),
      leadTone: report.rejected.length > 0 ? 'attention' : 'good',
      rejected: report.rejected.map((r) => fill(s.rowLine, { line: String(r.line), reason: s.reasons[r.reason] })),
    });
  }, personal);
}
