import { z } from 'zod';
import { collectionSpec } from '../storage/collection-spec';
import type { Store } from '../storage/store';
import { updateDocument } from '../storage/update-document';

/**
 * A person's own choices in "my learning": whether Cefnogi reminds them (the EWC fee in
 * February, the Passport before each review) and the HLTA readiness items they ticked. One
 * small document in their partition of the `learning` container.
 */
export const learningSettingsSchema = z.object({
  id: z.string(),
  pk: z.string(),
  kind: z.literal('learning-settings'),
  reminders: z.boolean().default(false),
  hltaChecklist: z.array(z.string().max(40)).max(10).default([]),
  updatedAt: z.string(),
});
export type LearningSettings = z.infer<typeof learningSettingsSchema>;

export const learningSettingsCollection = collectionSpec<LearningSettings>('learning', learningSettingsSchema);

const idOf = (owner: string) => `settings:${owner}`;

/** The person's settings, or the defaults when they have chosen nothing yet. */
export async function readSettings(store: Pick<Store, 'collection'>, owner: string): Promise<LearningSettings> {
  const found = await store.collection(learningSettingsCollection).read(idOf(owner), owner);
  return found?.value ?? { id: idOf(owner), pk: owner, kind: 'learning-settings', reminders: false, hltaChecklist: [], updatedAt: '' };
}

/** Changes the settings with an eTag (re-applied on a conflict), creating them on first use. */
export async function changeSettings(store: Pick<Store, 'collection'>, owner: string, change: (s: LearningSettings) => void, now: Date): Promise<LearningSettings> {
  const collection = store.collection(learningSettingsCollection);
  const stored = await updateDocument(collection, idOf(owner), owner, (current) => {
    const next: LearningSettings = current ?? { id: idOf(owner), pk: owner, kind: 'learning-settings', reminders: false, hltaChecklist: [], updatedAt: '' };
    change(next);
    next.updatedAt = now.toISOString();
    return next;
  });
  if (!stored) throw new Error('learning settings were not written');
  return stored.value;
}
