import type { Attachment } from 'botbuilder';
import type { AcceptedUpload } from './file-consent-value';

/** Teams' attachment asking the person to accept a file into their OneDrive. */
export const FILE_CONSENT_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
/** Teams' attachment showing a file now in the person's OneDrive. */
export const FILE_INFO_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.info';

/**
 * The file consent card. Its accept and decline contexts carry only the offer's id: the
 * bytes stay in the store, and whose offer it is comes from the person who answers.
 */
export function fileConsentAttachment(offer: { id: string; name: string; size: number; description: string }): Attachment {
  const context = { offerId: offer.id };
  return {
    contentType: FILE_CONSENT_CONTENT_TYPE,
    name: offer.name,
    content: { description: offer.description, sizeInBytes: offer.size, acceptContext: context, declineContext: context },
  };
}

/** The file card Teams shows once the bytes are in OneDrive (named as OneDrive named it). */
export function fileInfoAttachment(upload: AcceptedUpload): Attachment {
  return {
    contentType: FILE_INFO_CONTENT_TYPE,
    contentUrl: upload.contentUrl,
    name: upload.name,
    content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
  };
}
