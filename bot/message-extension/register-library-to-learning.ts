import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { slug } from '../content/content-schemas';
import type { Resource } from '../content/self-assessment-schemas';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import { londonDate } from '../time/london-date';
import { userKey } from '../users/user-record';
import { libraryStartCard, unknownLibraryResource } from './library-to-learning-view';
import { resourceCardOf } from './resource-view';

/** The button's data: which library item. Anything else is a stale or tampered card. */
const libraryAction = z.object({ resourceId: slug.max(200) });

/**
 * "Save to my learning" on a curated library card. The card was put into a chat by whoever
 * searched, so others read it; a learning entry is the presser's alone and lives in their
 * one-to-one chat (the log, its edits and its export are there). So, as on PLC cards, the
 * press queues a card to the presser's own chat with a button opening the entry form filled
 * in (title, link, key areas, a kind from the resource's type), and the invoke is answered,
 * to the presser only, with the same resource card and a line saying where the entry went.
 * Nothing is written to the shared message. Once a day per item and person: pressing again
 * that day queues nothing new. An id the library does not hold gets a plain refusal and
 * nothing is queued.
 */
export function registerLibraryToLearning(app: Application, library: readonly Resource[], outbox: Outbox, now: () => Date): void {
  onCardAction(app, Verbs.libraryToLearning, libraryAction, async (context, { resourceId }) => {
    const { identity, language, session } = turnData(context);
    const lang = language();
    const resource = library.find((r) => r.id === resourceId);
    if (!resource) return unknownLibraryResource(lang);
    const s = strings(lang).libraryToLearning;
    const answer = (lead: string, leadTone: 'good' | 'attention') => resourceCardOf({ source: 'library', resource }, lang, { lead, leadTone });
    if (!session.user.conversation) return answer(s.noChat, 'attention');
    const me = userKey(identity);
    await outbox.enqueue({
      key: `library-learning:${me}:${resource.id}:${londonDate(now())}`,
      recipient: me,
      quietHours: false,
      content: { cy: { card: libraryStartCard('cy', resource) }, en: { card: libraryStartCard('en', resource) } },
    });
    return answer(fill(s.sentToChat, { title: resource.title[lang] }), 'good');
  });
}
