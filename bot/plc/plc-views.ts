import { bothLanguages } from '../../cards/both-languages';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderPlcResourceCard } from '../../cards/plc-resource-card';
import { keyAreaName } from '../content/key-areas';
import { fill, strings } from '../i18n/strings';
import { inertMarkdown } from '../text/inert-markdown';
import type { Language } from '../users/user-record';
import type { Plc, PlcLanguage, PlcResource } from './plc-record';
import { dayInWales } from '../i18n/date-writer';

/** The number of votes in words ("Nobody…", "1 person…", "3 found…"). */
export function usefulLine(language: Language, count: number): string {
  const s = strings(language).plc;
  return count === 0 ? s.usefulNone : count === 1 ? s.usefulOne : fill(s.usefulLine, { count: String(count) });
}

/** "Shared by Sioned on 3 March 2027". */
export function sharedLine(language: Language, resource: Pick<PlcResource, 'sharedByName' | 'sharedAt'>): string {
  return fill(strings(language).plc.sharedBy, { name: inertMarkdown(resource.sharedByName), date: dayInWales(resource.sharedAt, language) });
}

/** A resource's card in one language; `heading` replaces "Shared in {PLC}" (e.g. to say it was already shared). */
export function resourceCardIn(language: Language, plcName: string, resource: PlcResource, heading?: string): AdaptiveCardJson {
  const s = strings(language).plc;
  const languageNames = { cy: s.languageCy, en: s.languageEn };
  return renderPlcResourceCard(language, {
    heading: heading ?? fill(s.sharedTitle, { plc: inertMarkdown(plcName) }),
    title: inertMarkdown(resource.title),
    url: resource.url,
    note: inertMarkdown(resource.note ?? ''),
    sharedLine: sharedLine(language, resource),
    keyAreasLine: fill(s.keyAreasLine, { areas: resource.keyAreas.map((a) => keyAreaName(a, language)).join(', ') }),
    languagesLine: fill(s.languagesLine, { languages: resource.languages.length ? resource.languages.map((l) => languageNames[l]).join(', ') : s.languagesUnknown }),
    usefulLine: usefulLine(language, resource.useful),
    usefulTitle: fill(s.useful, { count: String(resource.useful) }),
    plcId: resource.pk,
    resourceId: resource.id,
  });
}

/** A card in a PLC's language: one language, or both on one card (Welsh first). */
export function inPlcLanguage(language: PlcLanguage, render: (language: Language) => AdaptiveCardJson): AdaptiveCardJson {
  return language === 'both' ? bothLanguages(render('cy'), render('en')) : render(language);
}

/** What the outbox carries for a channel of the PLC: the same card in both slots when it is in both languages. */
export function channelContent(plc: Plc, render: (language: Language) => AdaptiveCardJson): { en: { card: AdaptiveCardJson }; cy: { card: AdaptiveCardJson } } {
  if (plc.language === 'both') {
    const card = inPlcLanguage('both', render);
    return { en: { card }, cy: { card } };
  }
  return { en: { card: render('en') }, cy: { card: render('cy') } };
}

/** The language a channel message of the PLC is asked in (for 'both', either slot holds the same card). */
export function channelLanguage(plc: Plc): Language {
  return plc.language === 'both' ? 'cy' : plc.language;
}
