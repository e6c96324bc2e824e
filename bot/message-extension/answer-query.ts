import type { TurnContext } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import { z } from 'zod';
import type { Resource } from '../content/self-assessment-schemas';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { buildResourceIndex } from '../search/resource-index';
import { MAX_QUERY_LENGTH, searchResources } from '../search/search-resources';
import { SEARCH_PARAMETER } from './message-extension-commands';
import { answerInvoke, extensionMessage } from './invoke-answer';
import type { PlcSharing } from './plc-sharing-port';
import { searchablesOf } from './found-resource';
import { resourceCardOf, resultSubtitle, resultTitle } from './resource-view';

/** Results per answer when Teams does not say: a list a person scans without scrolling far. */
const DEFAULT_COUNT = 10;
/** Never more than this in one answer: each result carries a card, and the answer must stay small and fast. */
const MAX_COUNT = 25;
/** How far a person can page: further than anyone scrolls a compose-box list. */
const MAX_SKIP = 500;

/** `composeExtension/query` as Teams sends it; anything else is refused with a message. */
const queryValueSchema = z.object({
  commandId: z.string(),
  parameters: z.array(z.object({ name: z.string().max(100), value: z.unknown() })).max(5).default([]),
  queryOptions: z.object({ skip: z.number().int().min(0).max(MAX_SKIP).optional(), count: z.number().int().min(1).max(1000).optional() }).default({}),
});

/** The query text: a string within bounds, or nothing typed; the first open sends `initialRun`. */
const queryTextSchema = z.union([z.string().max(MAX_QUERY_LENGTH), z.undefined()]);

/**
 * Search as you type over the person's PLCs' resources and the curated library, in their
 * language. An empty box (and the first open) gives the default list: the most useful, then
 * the newest. Each result is a preview for the list and the resource's card to insert; the
 * invoke of a picked preview (`selectItem`) swaps in the PLC's own card where it has one.
 */
export async function answerQuery(context: TurnContext, library: readonly Resource[], plcSharing: PlcSharing | undefined): Promise<void> {
  const { identity } = turnData(context);
  const language = turnData(context).language();
  const s = strings(language).plcExtension;
  const value = queryValueSchema.safeParse(context.activity.value);
  const typed = value.success ? queryTextSchema.safeParse(value.data.parameters.find((p) => p.name === SEARCH_PARAMETER)?.value) : undefined;
  if (!value.success || !typed?.success) {
    await answerInvoke(context, extensionMessage(s.badQuery));
    return;
  }
  const text = typed.data ?? '';
  const shared = plcSharing ? await plcSharing.resourcesFor(identity) : [];
  const index = buildResourceIndex(searchablesOf(library, shared));
  const limit = Math.min(value.data.queryOptions.count ?? DEFAULT_COUNT, MAX_COUNT);
  const found = searchResources(index, { text, language, limit, skip: value.data.queryOptions.skip ?? 0 });
  if (found.length === 0 && (value.data.queryOptions.skip ?? 0) === 0) {
    await answerInvoke(context, extensionMessage(fill(s.nothingFound, { query: text.trim() })));
    return;
  }
  const attachments = found.map(({ item }) => ({
    ...CardFactory.adaptiveCard(resourceCardOf(item, language)),
    preview: CardFactory.thumbnailCard(resultTitle(item, language), resultSubtitle(item, language), undefined, undefined, {
      tap: { type: 'invoke', title: resultTitle(item, language), value: { source: item.source, id: item.resource.id } },
    }),
  }));
  await answerInvoke(context, { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } });
}
