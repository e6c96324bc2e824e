import type { TurnContext } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import { z } from 'zod';
import type { Resource } from '../content/self-assessment-schemas';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { answerInvoke, extensionMessage } from './invoke-answer';
import type { PlcSharing } from './plc-sharing-port';
import { resourceCardOf } from './resource-view';

/** What a result's preview carries when picked: which library and which resource. Tampered values are refused. */
const pickedSchema = z.object({ source: z.enum(['library', 'plc']), id: z.string().min(1).max(200) });

/**
 * A result picked from the search list (`composeExtension/selectItem`): the card that goes into
 * the chat. A shared resource's card comes from its PLC, which checks again that the person may
 * see it (membership can change between typing and picking); the library's is ours.
 */
export async function answerSelectItem(context: TurnContext, library: readonly Resource[], plcSharing: PlcSharing | undefined): Promise<void> {
  const { identity } = turnData(context);
  const language = turnData(context).language();
  const s = strings(language).plcExtension;
  const picked = pickedSchema.safeParse(context.activity.value);
  let card: Record<string, unknown> | undefined;
  if (picked.success && picked.data.source === 'library') {
    const resource = library.find((r) => r.id === picked.data.id);
    card = resource ? resourceCardOf({ source: 'library', resource }, language) : undefined;
  } else if (picked.success && plcSharing) {
    card = await plcSharing.resourceCard(identity, picked.data.id, language);
  }
  if (!card) {
    await answerInvoke(context, extensionMessage(picked.success ? s.notFound : s.badQuery));
    return;
  }
  await answerInvoke(context, { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [CardFactory.adaptiveCard(card as AdaptiveCardJson)] } });
}
