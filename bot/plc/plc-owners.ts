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
import { channelIndexKey, digest, linkId, resourceCardKey, teamIndexKey, type Plc, type PlcChannel, type PlcDocument, type PlcResource } from './plc-record';
import { schoolKey } from '../school/school-settings';
import type { Store } from '../storage/store';
import type { PlcStore } from './plc-repository';
import { parseSharedLink } from './plc-link';
import { channelContent } from './plc-views';

/** An owner's settings card for the PLC, with what just happened on top. */
export function plcSettingsCard(language: Language, plc: Plc, joined: JoinedChannel[], lead = '', typedName?: string, nameError = ''): AdaptiveCardJson {
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
    joined: joined.map((j) => ({ ...j, removeTitle: fill(s.removeChannel, { school: j.school }) })),
  });
}

/** A channel of another school's team in the PLC, as the settings card lists it. */
export interface JoinedChannel {
  school: string;
  /** `digest(channelId)`: what the remove button sends. */
  channel: string;
}

/** The joined channels (all but the one the PLC was made in), named by their school. */
export async function joinedChannels(store: Store, plc: Plc): Promise<JoinedChannel[]> {
  return Promise.all(
    plc.channels.slice(1).map(async (c) => {
      const key = schoolKey(plc.tenantId, c.schoolId);
      const school = (await store.schools.read(key, key))?.value;
      return { school: inertMarkdown(school?.entry?.name ?? school?.schoolName ?? c.schoolId).slice(0, 200), channel: digest(c.channelId) };
    }),
  );
}

/**
 * Removes a joined channel: it leaves the PLC's channels, its claim and its team's index, so
 * nothing more is posted there. Its people stay members until the team's events say otherwise.
 * The channel the PLC was made in cannot be removed (close the PLC instead).
 */
export async function removeJoinedChannel(s: PlcStore, plc: Plc, channelKey: string): Promise<PlcChannel | undefined> {
  const channel = plc.channels.slice(1).find((c) => digest(c.channelId) === channelKey);
  if (!channel) return undefined;
  await updateDocument(s.plcs, 'plc', plc.pk, (current): PlcDocument | undefined =>
    current?.kind === 'plc' ? { ...current, channels: current.channels.filter((c) => c.channelId !== channel.channelId) } : undefined,
  );
  await s.plcs.delete('channel', channelIndexKey(plc.tenantId, channel.channelId));
  if (!plc.channels.some((c) => c.teamId === channel.teamId && c.channelId !== channel.channelId)) {
    const pk = teamIndexKey(plc.tenantId, channel.teamId);
    await updateDocument(s.plcs, 'team', pk, (current): PlcDocument | undefined =>
      current?.kind === 'plc-team' ? { ...current, plcIds: current.plcIds.filter((id) => id !== plc.pk) } : undefined,
    );
  }
  return channel;
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
