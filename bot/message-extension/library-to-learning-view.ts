import type { AdaptiveCardJson } from '../../cards/card-kit';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import type { Resource } from '../content/self-assessment-schemas';
import { fill, strings } from '../i18n/strings';
import type { LearningKind } from '../learning/learning-entry';
import type { Language } from '../users/user-record';
import { knownKeyAreas } from './found-resource';

/** The entry form keeps a link in its first reflection answer, which takes at most this much of it (bot/learning `learning.new`). */
const LINK_IN_ENTRY = 900;
/** The entry form's title limit (bot/learning `LIMITS.title`). */
const TITLE_IN_ENTRY = 200;

/**
 * The kind of learning a library item most likely is, as a first guess the person can change:
 * guidance and articles are read; the library's courses and videos are online (OpenLearn,
 * Hwb's modules); a community (union learning) is none of the listed kinds.
 */
const KIND_OF: Record<Resource['type'], LearningKind> = {
  guidance: 'reading',
  article: 'reading',
  course: 'e-learning',
  video: 'e-learning',
  community: 'other',
};

/** What `learning.new` is given for a library item: its title in the presser's language, its link, its key areas and a kind. */
export function libraryEntryStart(resource: Resource, language: Language): { title: string; areas: string; kind: LearningKind; link?: string } {
  const url = resource.link.url;
  return {
    title: resource.title[language].slice(0, TITLE_IN_ENTRY),
    // "own-skills" is a self-assessment section, not a key area an entry can name.
    areas: knownKeyAreas(resource.areas).join(','),
    kind: KIND_OF[resource.type],
    ...(url.startsWith('https://') && url.length <= LINK_IN_ENTRY ? { link: url } : {}),
  };
}

/** The card in the presser's own chat: what they asked to save, and the button opening the entry form filled in. */
export function libraryStartCard(language: Language, resource: Resource): AdaptiveCardJson {
  const s = strings(language).libraryToLearning;
  return renderNoticeCard(language, {
    title: s.noticeTitle,
    text: fill(s.noticeText, { title: resource.title[language] }),
    links: resource.link.url.startsWith('https://') ? [{ title: s.open, url: resource.link.url }] : [],
    actions: [
      { title: s.start, verb: Verbs.newLearning, data: libraryEntryStart(resource, language) },
      { title: s.myLearning, verb: Verbs.showLearning, data: {} },
    ],
  });
}

/** A press naming an item the library does not hold (tampered, or removed since): said plainly, with a way on. */
export function unknownLibraryResource(language: Language): AdaptiveCardJson {
  const s = strings(language).libraryToLearning;
  return renderNoticeCard(language, { title: s.noticeTitle, text: s.unknown, tone: 'attention', actions: [{ title: s.help, verb: Verbs.showHelp, data: {} }] });
}
