import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderNoticeCard } from '../../cards/notice-card';
import { renderPlcSettingsCard } from '../../cards/plc-settings-card';
import { Verbs } from '../../cards/verbs';
import { keyAreaName } from '../content/key-areas';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import { updateDocument } from '../storage/update-document';
import { inertMarkdown } from '../text/inert-markdown';
import type { Language } from '../users/user-record';
import { linkId, resourceCardKey, type Plc, type PlcDocument, type PlcResource } from './plc-record';
import type { PlcStore } from './plc-repository';
import { parseSharedLink } from './plc-link';
import { channelContent } from './plc-views';

/** An owner's settings card for the PLC, with what just happened on top. */
export function plcSettingsCard(language: Language, plc: Plc, lead = '', typedName?: string, nameError = ''): AdaptiveCardJson {
  const s = strings(language).plc;
  const languageName = { cy: s.languageCy, en: s.languageEn, both: s.languageBoth }[plc.language];
  // Only the owner reads it (it answers their own invoke or command), so it is in their language.
  return renderPlcSettingsCard(language, {
    title: fill(s.settingsTitle, { name: inertMarkdown(plc.name) }),
    lead: nameError || lead,
    tone: nameError ? 'attention' : 'good',
    facts: fill(s.settingsFacts, { areas: plc.keyAreas.map((a) => keyAreaName(a, language)).join(', '), language: languageName, owners: String(plc.owners.length) }),
    name: typedName ?? plc.name,
    plcId: plc.pk,
  });
}

/** Renames the PLC (under its eTag). */
export async function renamePlc(s: PlcStore, plc: Plc, name: string): Promise<Plc> {
  const stored = await updateDocument(s.plcs, 'plc', plc.pk, (current): PlcDocument | undefined => (current?.kind === 'plc' ? { ...current, name } : undefined));
  return stored?.value.kind === 'plc' ? stored.value : plc;
}

/** Closes the PLC: nothing more is shared or rated in it; its library stays readable. */
export async function closePlc(s: PlcStore, plc: Plc): Promise<Plc> {
  const stored = await updateDocument(s.plcs, 'plc', plc.pk, (current): PlcDocument | undefined => (current?.kind === 'plc' ? { ...current, status: 'closed' } : undefined));
  return stored?.value.kind === 'plc' ? stored.value : plc;
}

/**
 * Removes a resource: its document, its link claim (so the link may be shared again) and its
 * votes stay as orphans of no weight; each channel's card is replaced with a line saying so.
 */
export async function removeResource(s: PlcStore, outbox: Outbox, plc: Plc, resource: PlcResource, now: Date): Promise<void> {
  await s.plcs.delete(resource.id, plc.pk);
  const link = parseSharedLink(resource.url);
  if (link) await s.plcs.delete(linkId(link.normalised), plc.pk);
  const content = channelContent(plc, (language) =>
    renderNoticeCard(language, { title: inertMarkdown(resource.title), text: strings(language).plc.removed, actions: [{ title: strings(language).plc.library, verb: Verbs.showPlcLibrary, data: { plcId: plc.pk } }] }),
  );
  for (const channel of plc.channels) {
    const of = resourceCardKey(resource.id, channel.channelId);
    await outbox.enqueueUpdate({ key: `${of}:removed:${now.getTime()}`, of, content });
  }
}
