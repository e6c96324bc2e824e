import { MessageFactory, type TurnContext } from 'botbuilder';
import { sendCard } from '../app/replies';
import type { FeatureDeps } from '../app/feature-deps';
import { isPersonal } from '../edge/activity-facts';
import { turnData } from '../edge/turn-data';
import { UserFacingError } from '../errors/user-facing-error';
import { fill, strings } from '../i18n/strings';
import { exportFileSchema, fitsInOneOffer, type ExportFile } from './export-file';
import { exportNotice, readableLimit } from './export-notices';
import { fileConsentAttachment } from './file-attachments';
import { offerStoreOf, saveOffer } from './offer-repository';

/** What became of an offer: a consent card in the personal chat, or a card saying where to go. */
export type OfferOutcome = { status: 'offered'; offerId: string } | { status: 'not-personal' };

/**
 * The one way a file leaves Cefnogi: it is stored as an offer owned by the person acting
 * and a Teams file consent card goes to them; only when they accept do the bytes go, into
 * their own OneDrive (see `registerExport`). Never a link anyone could open. Outside the
 * personal chat (where Teams cannot take files, and others would see the card) a card
 * says to open the one-to-one chat, and nothing is stored.
 *
 * A file over the limit throws a UserFacingError (the person is told, kindly, to ask for
 * less); a malformed file is a programming error and throws.
 */
export async function offerFile(context: TurnContext, deps: Pick<FeatureDeps, 'store' | 'now'>, file: ExportFile): Promise<OfferOutcome> {
  const checked = exportFileSchema.parse(file);
  const { identity, language } = turnData(context);
  if (!isPersonal(context.activity)) {
    await sendCard(context, exportNotice(language(), 'private'));
    return { status: 'not-personal' };
  }
  if (!fitsInOneOffer(checked)) throw tooLarge();
  const offer = await saveOffer(offerStoreOf(deps.store), identity, checked, deps.now());
  const attachment = fileConsentAttachment({ id: offer.id, name: offer.name, size: offer.size, description: checked.description[language()] });
  await context.sendActivity(MessageFactory.attachment(attachment));
  return { status: 'offered', offerId: offer.id };
}

function tooLarge(): UserFacingError {
  const limit = readableLimit();
  return new UserFacingError(
    { en: strings('en').export.tooLargeTitle, cy: strings('cy').export.tooLargeTitle },
    { en: fill(strings('en').export.tooLargeText, { size: limit }), cy: fill(strings('cy').export.tooLargeText, { size: limit }) },
  );
}
