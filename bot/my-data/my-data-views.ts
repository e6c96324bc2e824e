import { renderNoticeCard } from '../../cards/notice-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { Verbs } from '../../cards/verbs';
import { strings } from '../i18n/strings';
import type { Language } from '../users/user-record';

type PlaceName = keyof ReturnType<typeof strings>['myData']['places'];

/** How many records one place holds, as the summary counts them. */
export interface PlaceCount {
  container: string;
  count: number;
}

/**
 * The readable summary the download's job sends before the file: how many records each
 * place holds, in words; when the file would be too large to offer, it says so instead.
 */
export function downloadSummaryCard(language: Language, places: PlaceCount[], options: { tooLarge?: boolean } = {}): AdaptiveCardJson {
  const s = strings(language).myData;
  const held = places.filter((p) => p.count > 0);
  const list = held.map((p) => `${s.places[p.container as PlaceName] ?? p.container}: ${p.count}`);
  const lead = options.tooLarge ? s.fileTooLarge : s.downloadStarted;
  return renderNoticeCard(language, {
    title: s.summaryTitle,
    text: held.length > 0 ? `${lead}\n\n${s.summaryIntro}` : s.nothingHeld,
    tone: options.tooLarge ? 'attention' : 'default',
    list,
    actions: [
      { title: s.showNotice, verb: Verbs.showMyData, data: {} },
      { title: s.back, verb: Verbs.showHelp, data: {} },
    ],
  });
}

/** A short answer that changed nothing (a double press, a stale or foreign confirmation), with the way back. */
export function myDataNotice(language: Language, text: string, tone: 'default' | 'attention' = 'default'): AdaptiveCardJson {
  const s = strings(language).myData;
  return renderNoticeCard(language, {
    title: s.title,
    text,
    tone,
    actions: [
      // The button says where it goes: the card's own title read as a heading, not an action.
      { title: s.showNotice, verb: Verbs.showMyData, data: {} },
      { title: s.back, verb: Verbs.showHelp, data: {} },
    ],
  });
}
