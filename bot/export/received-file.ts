import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { isAllowedUploadTarget } from './upload-target';

/** How long fetching a file a person attached may take. */
const DOWNLOAD_TIMEOUT_MS = 15_000;

/** What Teams puts on a message when a person attaches a file in the personal chat. */
const fileDownloadInfoSchema = z.object({
  contentType: z.literal('application/vnd.microsoft.teams.file.download.info'),
  name: z.string().min(1).max(255),
  content: z.object({ downloadUrl: z.string().min(1).max(4000), fileType: z.string().max(20).optional() }),
});

/** A file a person attached to their message, as Teams describes it. */
export interface AttachedFile {
  name: string;
  downloadUrl: string;
  fileType: string;
}

/** The first attached file of the given type on a personal-chat message, if any. */
export function attachedFile(activity: Activity, fileType: string): AttachedFile | undefined {
  for (const attachment of activity.attachments ?? []) {
    const parsed = fileDownloadInfoSchema.safeParse(attachment);
    if (!parsed.success) continue;
    const type = (parsed.data.content.fileType ?? parsed.data.name.split('.').pop() ?? '').toLowerCase();
    if (type === fileType) return { name: parsed.data.name, downloadUrl: parsed.data.content.downloadUrl, fileType: type };
  }
  return undefined;
}

/** What fetching an attached file gave: its bytes, or why not. */
export type Download = { ok: true; bytes: Buffer } | { ok: false; reason: 'too-big' | 'not-allowed' | 'failed' };

/**
 * Fetches an attached file, at most `maxBytes` of it: a larger file is refused as soon as it
 * shows (its stated length, or the bytes as they arrive), so it is never held whole. Only
 * https addresses are fetched (locally, the connector's own origin too), without following
 * redirects elsewhere.
 */
export async function downloadAttached(file: AttachedFile, options: { maxBytes: number; localMode: boolean; serviceUrl: string }): Promise<Download> {
  if (!isAllowedUploadTarget(file.downloadUrl, options)) return { ok: false, reason: 'not-allowed' };
  try {
    const response = await fetch(file.downloadUrl, { redirect: 'error', signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok || !response.body) return { ok: false, reason: 'failed' };
    if (Number(response.headers.get('content-length') ?? '0') > options.maxBytes) {
      await response.body.cancel();
      return { ok: false, reason: 'too-big' };
    }
    const reader = response.body.getReader();
    const chunks: Buffer[] = [];
    let size = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.length;
      if (size > options.maxBytes) {
        await reader.cancel();
        return { ok: false, reason: 'too-big' };
      }
      chunks.push(Buffer.from(read.value));
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}
