import { renderNoticeCard } from '../../cards/notice-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { Verbs } from '../../cards/verbs';
import { strings } from '../i18n/strings';
import type { Language } from '../users/user-record';
import type { HeldPlace } from './personal-data-gather';

type PlaceName = keyof ReturnType<typeof strings>['myData']['places'];

/** The readable summary beside the file: how many records each place holds, in words. */
export function downloadSummaryCard(language: Language, places: HeldPlace[]): AdaptiveCardJson {
  const s = strings(language).myData;
  const held = places.filter((p) => p.documents.length > 0);
  const list = held.map((p) => `${s.places[p.container as PlaceName] ?? p.container}: ${p.documents.length}`);
  return renderNoticeCard(language, {
    title: s.summaryTitle,
    text: held.length > 0 ? `${s.downloadStarted}\n\n${s.summaryIntro}` : s.nothingHeld,
    list,
    actions: [
      { title: s.title, verb: Verbs.showMyData, data: {} },
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
      { title: s.title, verb: Verbs.showMyData, data: {} },
      { title: s.back, verb: Verbs.showHelp, data: {} },
    ],
  });
}
