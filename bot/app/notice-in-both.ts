import type { AdaptiveCardJson } from '../../cards/card-kit';
import type { BilingualContent } from '../proactive/outbox-record';
import type { Language } from '../users/user-record';

/** A proactive card drawn in both languages; the sender picks the reader's at send time. */
export function noticeInBoth(make: (language: Language) => AdaptiveCardJson): BilingualContent {
  return { en: { card: make('en') }, cy: { card: make('cy') } };
}
