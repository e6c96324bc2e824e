import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderHelpCard } from '../../cards/help-card';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { sendCard } from '../app/replies';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import type { SchoolServices } from '../roles/school-services';
import { renderNoticeCard } from '../../cards/notice-card';
import { adminButtonsFor, adminCommandsFor, heldRoleNames } from './admin-commands';
import { helpCardFor } from './help-card-for';

/**
 * `help` / `cymorth`, and the help action: what Cefnogi can do, in the user's language, with
 * an administrator's commands for the roles their document remembers. `admin` / `gweinyddu`
 * looks up what they hold now, remembers it, and lists their commands.
 */
export function registerHelp(app: Application, deps: FeatureDeps, schools: SchoolServices): void {
  async function adminHelp(context: TurnContext): Promise<AdaptiveCardJson> {
    const { identity, session, language } = turnData(context);
    const lang = language();
    const roles = heldRoleNames(await schools.scope.held(identity));
    const known = session.user.administers ?? [];
    if (roles.length !== known.length || roles.some((r) => !known.includes(r))) {
      session.change((user) => {
        if (roles.length > 0) user.administers = roles;
        else delete user.administers;
      });
    }
    const s = strings(lang).help;
    if (roles.length === 0) return renderNoticeCard(lang, { title: s.adminTitle, text: s.notAdmin, actions: [{ title: strings(lang).common.help, verb: Verbs.showHelp, data: {} }] });
    return renderHelpCard(lang, { adminCommands: adminCommandsFor(lang, roles), adminButtons: adminButtonsFor(lang, roles) });
  }

  app.message(commandSelector('help', 'cymorth'), async (context) => sendCard(context, helpCardFor(context, deps.config)));
  onCardAction(app, Verbs.showHelp, z.object({}), async (context) => helpCardFor(context, deps.config));
  app.message(commandSelector('admin', 'gweinyddu', 'admin help', 'cymorth gweinyddu'), async (context) => sendPersonalCard(context, () => adminHelp(context)));
  onCardAction(app, Verbs.showAdminHelp, z.object({}), async (context) => adminHelp(context), { personalOnly: true });
}
