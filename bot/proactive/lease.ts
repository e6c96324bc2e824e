import { z } from 'zod';

/**
 * Who is working on a document, and until when. A lease, not a lock: if its holder dies,
 * the document becomes due again when the lease ends, so a crash loses nothing.
 */
export const leaseSchema = z.object({
  owner: z.string(),
  until: z.string().datetime(),
});
export type Lease = z.infer<typeof leaseSchema>;

/** A lease for `owner` lasting `ms` from `now`. */
export function leaseFor(owner: string, now: Date, ms: number): Lease {
  return { owner, until: new Date(now.getTime() + ms).toISOString() };
}
