import type { TurnContext } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { cleanDisplayName } from '../text/clean-typed-text';
import type { Language } from '../users/user-record';
import { answerInvoke, taskMessage } from './invoke-answer';
import { prefillFrom } from './message-prefill';
import type { PlcSharing, PlcSummary } from './plc-sharing-port';
import { checkShare, shareSubmitSchema } from './share-input-check';
import { shareForm, type ShareFormValues } from './share-form-view';
import { dayInWales } from '../i18n/date-writer';

/** The dialog with the form, titled in the reader's language. */
function formTask(language: Language, card: AdaptiveCardJson): object {
  return { task: { type: 'continue', value: { title: strings(language).plcExtension.formTitle, height: 'large', width: 'medium', card: CardFactory.adaptiveCard(card) } } };
}

/** The person's PLCs; none (or no PLC capability) means nowhere to share to. */
async function plcsOf(context: TurnContext, plcSharing: PlcSharing | undefined): Promise<PlcSummary[]> {
  return plcSharing ? plcSharing.plcsOf(turnData(context).identity) : [];
}

/**
 * "Share to a PLC" opened (`composeExtension/fetchTask`): the form, prefilled from the message
 * it was started on. Someone in no PLC is told so instead of getting a form they cannot send.
 */
export async function answerShareFetch(context: TurnContext, plcSharing: PlcSharing | undefined): Promise<void> {
  const language = turnData(context).language();
  const plcs = await plcsOf(context, plcSharing);
  if (plcs.length === 0) {
    await answerInvoke(context, taskMessage(strings(language).plcExtension.noPlcs));
    return;
  }
  const prefill = prefillFrom(context.activity.value);
  await answerInvoke(context, formTask(language, shareForm(language, plcs, { ...prefill, keyAreas: '', languages: '', plcId: '' })));
}

const submitValueSchema = z.object({ data: shareSubmitSchema });

/**
 * The form sent (`composeExtension/submitAction`). Checked on the server: refused input comes
 * back as the same form with what was typed and the problem at the field, and nothing is
 * shared. Then the PLC shares it (and says whether the link was already there), and the dialog
 * closes with a sentence saying what happened.
 */
export async function answerShareSubmit(context: TurnContext, plcSharing: PlcSharing | undefined, now: () => Date): Promise<void> {
  const language = turnData(context).language();
  const s = strings(language).plcExtension;
  const submitted = submitValueSchema.safeParse(context.activity.value);
  if (!submitted.success) {
    await answerInvoke(context, taskMessage(s.badForm));
    return;
  }
  const data = submitted.data.data;
  if (data.action === 'cancel') {
    await answerInvoke(context, {});
    return;
  }
  const plcs = await plcsOf(context, plcSharing);
  if (!plcSharing || plcs.length === 0) {
    await answerInvoke(context, taskMessage(s.noPlcs));
    return;
  }
  const values: ShareFormValues = { title: data.title, url: data.url, note: data.note, keyAreas: data.keyAreas, languages: data.languages, plcId: data.plcId };
  const checked = checkShare(data, plcs);
  if (!checked.ok) {
    await answerInvoke(context, formTask(language, shareForm(language, plcs, values, checked.errors)));
    return;
  }
  const { identity } = turnData(context);
  const name = cleanDisplayName(context.activity.from.name) || turnData(context).session.user.name || '';
  const outcome = await plcSharing.share({ identity, name }, checked.plcId, checked.input, now());
  const plcName = plcs.find((p) => p.id === checked.plcId)?.name ?? '';
  switch (outcome.kind) {
    case 'shared':
      await answerInvoke(context, taskMessage(fill(s.shared, { plc: plcName })));
      return;
    case 'duplicate':
      await answerInvoke(context, taskMessage(fill(s.duplicate, { plc: plcName, name: outcome.firstSharedByName, date: dayInWales(outcome.firstSharedAt, language) })));
      return;
    case 'refused':
      if (outcome.reason === 'bad-input') {
        await answerInvoke(context, formTask(language, shareForm(language, plcs, values, [], outcome.message ?? s.refused['bad-input'])));
        return;
      }
      await answerInvoke(context, taskMessage(s.refused[outcome.reason]));
  }
}
