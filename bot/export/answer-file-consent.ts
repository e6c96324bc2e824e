import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { sendCard } from '../app/replies';
import type { FeatureDeps } from '../app/feature-deps';
import { isLocalMode } from '../config';
import { isPersonal } from '../edge/activity-facts';
import { turnData } from '../edge/turn-data';
import { failureCard, staleCardCard } from '../errors/error-card';
import { strings } from '../i18n/strings';
import { exportNotice } from './export-notices';
import { fileInfoAttachment } from './file-attachments';
import { fileConsentValueSchema, type AcceptedUpload } from './file-consent-value';
import { claimOffer, findOffer, releaseOffer, removeOffer, offerStoreOf } from './offer-repository';
import { isAllowedUploadTarget } from './upload-target';
import { uploadBytes } from './upload-bytes';

type ConsentDeps = Pick<FeatureDeps, 'store' | 'now' | 'config' | 'log'>;

/**
 * A person's answer to a file consent card. Whose offer it is comes from the activity
 * (the acting person and tenant), never from the card: the card's context only names an
 * offer, looked for in that person's own partition. Accept: the bytes go to the upload
 * session Teams gave, then the file card, then the offer is gone. Decline: the offer is
 * gone and they are told. Anything malformed, foreign or stale changes nothing. Every
 * outcome is said in the person's language; nothing here throws at the turn.
 */
export async function answerFileConsent(context: TurnContext, deps: ConsentDeps): Promise<void> {
  const language = turnData(context).language();
  try {
    const parsed = fileConsentValueSchema.safeParse(context.activity.value);
    if (!parsed.success || !isPersonal(context.activity)) return await sendCard(context, staleCardCard(language));
    const value = parsed.data;
    if (value.action === 'decline') return await decline(context, deps, value.context.offerId);
    return await accept(context, deps, value.context.offerId, value.uploadInfo);
  } catch (err) {
    const reference = randomUUID().slice(0, 8);
    deps.log.error('file-consent-failed', { reference, error: (err as Error).message });
    await sendCard(context, failureCard(language, reference));
  }
}

async function decline(context: TurnContext, deps: ConsentDeps, offerId: string): Promise<void> {
  const { identity, language } = turnData(context);
  const found = await findOffer(offerStoreOf(deps.store), identity, offerId, deps.now());
  if (!found) return sendCard(context, exportNotice(language(), 'gone'));
  await removeOffer(offerStoreOf(deps.store), found.offer);
  await sendCard(context, exportNotice(language(), 'declined', found.offer.name));
}

async function accept(context: TurnContext, deps: ConsentDeps, offerId: string, upload: AcceptedUpload): Promise<void> {
  const { identity, language } = turnData(context);
  const target = { localMode: isLocalMode(deps.config), serviceUrl: context.activity.serviceUrl };
  if (!isAllowedUploadTarget(upload.uploadUrl, target)) {
    // The address is never logged: an upload session's address is its own credential.
    deps.log.warn('file-upload-refused', { reason: 'upload-url' });
    return sendCard(context, staleCardCard(language()));
  }
  const claim = await claimOffer(offerStoreOf(deps.store), identity, offerId, deps.now());
  if (claim.status !== 'claimed') return sendCard(context, exportNotice(language(), claim.status));
  const outcome = await uploadBytes(upload.uploadUrl, Buffer.from(claim.offer.bytes, 'base64'));
  if (!outcome.ok) {
    deps.log.warn('file-upload-failed', { reason: outcome.reason, size: claim.offer.size });
    await releaseOffer(offerStoreOf(deps.store), claim);
    return sendCard(context, exportNotice(language(), 'failed', claim.offer.name));
  }
  try {
    await removeOffer(offerStoreOf(deps.store), claim.offer);
  } catch (err) {
    // The file is in their OneDrive already: they get its card; the offer's ttl removes it.
    deps.log.warn('file-offer-not-removed', { error: (err as Error).message });
  }
  await context.sendActivity({ type: 'message', text: strings(language()).export.sentText, attachments: [fileInfoAttachment(upload)] });
}
