import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import { inertMarkdown } from '../text/inert-markdown';
import { londonDate } from '../time/london-date';
import { userKey, type Language } from '../users/user-record';
import type { FeatureDeps } from '../app/feature-deps';
import { plcIdSchema, resourceIdSchema, type Plc, type PlcResource } from './plc-record';
import type { PlcActions, PlcSharing } from './plc-sharing';
import { inPlcLanguage, resourceCardIn } from './plc-views';
import { plcNotice } from './register-plc';
import { refusalText } from './register-plc-sharing';

const resourceAction = z.object({ plcId: plcIdSchema, resourceId: resourceIdSchema });
/** The reflection answer holding the link takes at most this much of it (see bot/learning `learning.new`). */
const LINK_IN_ENTRY = 900;

/** The card in the presser's own chat: what they saved, and the button that opens the entry form filled in. */
function startCard(language: Language, plc: Plc, resource: PlcResource) {
  const s = strings(language).plcToLearning;
  const title = resource.title.slice(0, 200);
  return renderNoticeCard(language, {
    title: s.noticeTitle,
    text: `${fill(s.noticeText, { title: inertMarkdown(title), plc: inertMarkdown(plc.name) })}\n\n${resource.url}`,
    actions: [
      {
        title: s.start,
        verb: Verbs.newLearning,
        data: { title, areas: resource.keyAreas.join(','), kind: 'plc', ...(resource.url.length <= LINK_IN_ENTRY ? { link: resource.url } : {}) },
      },
    ],
  });
}

/**
 * "Save to my learning" on a PLC resource card. A learning entry is the presser's alone and
 * is kept in their one-to-one chat (the log, its edits and its export live there), so the
 * press in the channel queues a card to that chat with a button opening the entry form filled
 * in (title, link, key areas, kind "PLC"), and the channel card is answered, to the presser
 * only, with a line saying where it went. An entry form answered in place would show only to
 * the presser but vanish from their view when Teams reloads the shared card, losing what they
 * typed. Once a day per resource and person: pressing again that day sends nothing new.
 */
export function registerPlcToLearning(app: Application, deps: FeatureDeps, sharing: PlcSharing & PlcActions, outbox: Outbox): void {
  onCardAction(app, Verbs.resourceToLearning, resourceAction, async (context, input) => {
    const { identity, language, session } = turnData(context);
    const lang = language();
    const verdict = await sharing.gate(identity, input.plcId, false);
    if (!verdict.ok) return plcNotice(lang, 'learning', refusalText(lang, verdict.reason));
    const resource = await sharing.resourceOf(input.plcId, input.resourceId);
    if (!resource) return plcNotice(lang, 'learning', strings(lang).plc.unknown, input.plcId);
    const title = inertMarkdown(resource.title);
    if (!session.user.conversation) {
      return inPlcLanguage(verdict.plc.language, (l) => resourceCardIn(l, verdict.plc.name, resource, strings(l).plcToLearning.noChat));
    }
    const me = userKey(identity);
    await outbox.enqueue({
      key: `plc-learning:${me}:${resource.id}:${londonDate(deps.now())}`,
      recipient: me,
      quietHours: false,
      content: { cy: { card: startCard('cy', verdict.plc, resource) }, en: { card: startCard('en', verdict.plc, resource) } },
    });
    return inPlcLanguage(verdict.plc.language, (l) => resourceCardIn(l, verdict.plc.name, resource, fill(strings(l).plcToLearning.sentToChat, { title })));
  });
}
