/** How long one upload may take before the person is told it failed (Teams waits for the invoke's answer). */
export const UPLOAD_TIMEOUT_MS = 10_000;

/** What became of an upload: done, or why not (a status or a word, never the address). */
export type UploadOutcome = { ok: true } | { ok: false; reason: string };

/**
 * Puts the whole file into a OneDrive upload session in one request: `Content-Range`
 * names every byte (`bytes 0-{n-1}/{n}`), as an upload session requires, and one request
 * may carry up to 60 MiB, far above what an offer holds. No Authorization header: the
 * session's address is its own credential. Redirects are not followed, so the bytes go
 * only where Teams said.
 */
export async function uploadBytes(uploadUrl: string, bytes: Buffer, timeoutMs = UPLOAD_TIMEOUT_MS): Promise<UploadOutcome> {
  try {
    const response = await fetch(uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: bytes,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drain the body so the connection is released; OneDrive answers 200 or 201 with the item.
    await response.arrayBuffer().catch(() => undefined);
    return response.status === 200 || response.status === 201 ? { ok: true } : { ok: false, reason: String(response.status) };
  } catch (err) {
    return { ok: false, reason: (err as Error).name === 'TimeoutError' ? 'timeout' : 'network' };
  }
}
