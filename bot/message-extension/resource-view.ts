import { renderResourceCard, type ResourceCardData } from '../../cards/resource-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { keyAreaName } from '../content/key-areas';
import { fill, strings } from '../i18n/strings';
import { inertMarkdown } from '../text/inert-markdown';
import { shortenTypedText } from '../text/shorten-typed-text';
import type { Language } from '../users/user-record';
import { dayInWales } from '../i18n/date-writer';
import { knownKeyAreas, type FoundResource } from './found-resource';

/** The names of the languages a resource is in, Welsh first. */
function languageNames(languages: readonly Language[], language: Language): string {
  const names = strings(language).plcExtension.languageNames;
  return (['cy', 'en'] as const).filter((l) => languages.includes(l)).map((l) => names[l]).join(', ');
}

/** The title a result shows: what a person typed is made inert, the curated library's own words are not. */
export function resultTitle(found: FoundResource, language: Language): string {
  return found.source === 'library' ? found.resource.title[language] : found.resource.title;
}

/** The short line under a result in the search list. */
export function resultSubtitle(found: FoundResource, language: Language): string {
  const s = strings(language).plcExtension;
  if (found.source === 'library') return s.resultLibrary;
  return fill(s.resultShared, { name: found.resource.sharedByName, date: dayInWales(found.resource.sharedAt, language) });
}

/** Typed text made inert and kept within `max` characters: cut first (an escape is never split), then cut again if escaping grew it. */
function inertWithin(text: string, max: number): string {
  let room = max;
  for (;;) {
    const out = inertMarkdown(shortenTypedText(text, room));
    if (out.length <= max || room <= 1) return out.slice(0, max);
    room = Math.max(1, Math.floor((room * max) / out.length) - 1);
  }
}

/**
 * The card a result puts into a chat. A shared resource's text was typed by someone, so it
 * is made inert here, just before it goes on the card; the curated library is our own text.
 * A library item's card carries its id for "Save to my learning"; `lead` is a line for the
 * person who pressed it.
 */
export function resourceCardOf(found: FoundResource, language: Language, lead: Pick<ResourceCardData, 'lead' | 'leadTone'> = {}): AdaptiveCardJson {
  const s = strings(language).plcExtension;
  if (found.source === 'library') {
    const r = found.resource;
    return renderResourceCard(language, {
      title: r.title[language],
      url: r.link.url,
      sourceLine: s.resultLibrary,
      note: r.summary[language],
      keyAreas: knownKeyAreas(r.areas).map((id) => keyAreaName(id, language)),
      languages: languageNames(r.languages, language),
      resourceId: r.id,
      ...lead,
    });
  }
  const r = found.resource;
  return renderResourceCard(language, {
    title: inertWithin(r.title, 200),
    url: r.url,
    sourceLine: inertWithin(resultSubtitle(found, language), 200),
    note: inertWithin(r.note ?? '', 1000),
    keyAreas: knownKeyAreas(r.keyAreas).map((id) => keyAreaName(id, language)),
    languages: languageNames(r.languages, language),
    usefulLine: fill(s.usefulCount, { count: String(r.useful) }),
  });
}
