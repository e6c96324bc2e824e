import { z } from 'zod';

/** An audit record id as a page cursor: its ISO time, the writer's sequence, then a random suffix. */
const recordId = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z:[0-9a-z]{8}:[0-9a-f-]{36}$/);
/** The newest page has no cursor; the trail writes it as `-`. */
const NEWEST = '-';
/** Pages remembered for Newer; past that, Newer from the oldest goes back to the newest page. */
const MAX_TRAIL = 20;

/** Where the reader is in the audit: the cursor of this page and those of the newer pages before it. */
export interface AuditPosition {
  before?: string;
  trail: (string | undefined)[];
}

/**
 * The position as the card's action data carries it. Only a claim about which page to show:
 * the route decides whose entries the reader may see each time, so a forged cursor at most
 * shows another page of what they may see anyway.
 */
export const auditPositionInput = z
  .object({
    before: z.union([recordId, z.literal('')]).catch('').default(''),
    trail: z.string().max(2000).catch('').default(''),
  })
  .transform(({ before, trail }): AuditPosition => ({
    before: before || undefined,
    trail: trail
      .split(',')
      .filter((t) => t !== '')
      .slice(-MAX_TRAIL)
      .map((t) => (recordId.safeParse(t).success ? t : undefined)),
  }));

const write = (trail: (string | undefined)[]) => trail.map((t) => t ?? NEWEST).join(',');

/** The Older and Newer buttons' data from this page (`lastId`: its oldest entry, if full). */
export function neighbours(position: AuditPosition, lastId: string | undefined): {
  older?: { before: string; trail: string };
  newer?: { before: string; trail: string };
} {
  const older = lastId ? { before: lastId, trail: write([...position.trail, position.before].slice(-MAX_TRAIL)) } : undefined;
  const newer = position.before === undefined ? undefined : { before: position.trail.at(-1) ?? '', trail: write(position.trail.slice(0, -1)) };
  return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
}
