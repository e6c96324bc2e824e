import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { PLC_SAVED_PAGE, renderPlcSavedCard, type PlcSavedCardData } from '../../cards/plc-saved-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { inertMarkdown } from '../text/inert-markdown';
import type { PlcSharing, PlcActions } from './plc-sharing';
import type { PlcStore } from './plc-repository';
import { savedResourcesOf } from './plc-votes';
import { dayInWales } from '../i18n/date-writer';

const pageSchema = z.object({ page: z.number().int().min(0).max(1000).default(0) });
/** The first reflection answer holds the link (see bot/learning `learning.new`): longer links stay on the card only. */
const LINK_IN_ENTRY = 900;

/**
 * `saved resources` / `adnoddau wedi'u cadw`, and its paging: what the person saved for
 * later from PLCs, newest first, six a page, each with its link and "Save to my learning",
 * which opens the entry form there and then (this is the one-to-one chat) with the title,
 * the link, the resource's key areas and the kind "PLC" filled in. One partition read for
 * the list and a point read per resource shown, for its key areas (a resource removed since
 * is still listed, without them).
 */
export function registerPlcSaved(app: Application, plcs: PlcStore, sharing: PlcSharing & PlcActions): void {
  async function savedCard(context: TurnContext, page: number): Promise<AdaptiveCardJson> {
    const { identity, language } = turnData(context);
    const lang = language();
    const s = strings(lang).plcSaved;
    const all = await savedResourcesOf(plcs, identity);
    const pages = Math.max(1, Math.ceil(all.length / PLC_SAVED_PAGE));
    const at = Math.min(page, pages - 1);
    const shown = all.slice(at * PLC_SAVED_PAGE, (at + 1) * PLC_SAVED_PAGE);
    const items = await Promise.all(
      shown.map(async (saved) => {
        const resource = await sharing.resourceOf(saved.plcId, saved.resourceId);
        const title = saved.title.slice(0, 200);
        return {
          title: inertMarkdown(title),
          url: saved.url,
          line: fill(s.savedOn, { date: dayInWales(saved.savedAt, lang) }),
          openTitle: fill(s.open, { title: inertMarkdown(title.slice(0, 120)) }),
          learnTitle: fill(s.toLearning, { title: inertMarkdown(title.slice(0, 120)) }),
          learnData: { title, areas: (resource?.keyAreas ?? []).join(','), kind: 'plc' as const, ...(saved.url.length <= LINK_IN_ENTRY ? { link: saved.url } : {}) },
        };
      }),
    );
    const data: PlcSavedCardData = {
      lead: all.length === 0 ? s.empty : fill(s.lead, { count: String(all.length), page: String(at + 1), pages: String(pages) }),
      items,
      actions: [
        ...(at > 0 ? [{ title: s.previous, verb: Verbs.showSavedResources, data: { page: at - 1 } }] : []),
        ...(at < pages - 1 ? [{ title: s.next, verb: Verbs.showSavedResources, data: { page: at + 1 } }] : []),
        { title: s.myLearning, verb: Verbs.showLearning, data: {} },
        { title: s.help, verb: Verbs.showHelp, data: {} },
      ],
    };
    return renderPlcSavedCard(lang, data);
  }

  app.message(commandSelector('saved resources', 'saved', "adnoddau wedi'u cadw", "wedi'u cadw"), async (context) => sendPersonalCard(context, () => savedCard(context, 0)));
  onCardAction(app, Verbs.showSavedResources, pageSchema, async (context, { page }) => savedCard(context, page), { personalOnly: true });
}
