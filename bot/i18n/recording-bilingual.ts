import { recordTwin } from './turn-journal';

/**
 * A text from content (a role name, a Welsh level, a key area, a stage…) whose Welsh, when
 * read, writes down its English twin in the running turn's journal, if any. Handlers keep
 * reading `name[language]` as before; English readers read a plain property, and a Welsh
 * reader outside a "Welsh and English" turn pays one look at the (empty) journal.
 */
export function recordingBilingual<T extends { en: string; cy: string }>(text: T): T {
  let cy = text.cy;
  const out = { ...text };
  Object.defineProperty(out, 'cy', {
    enumerable: true,
    configurable: true,
    get: () => {
      recordTwin(cy, out.en);
      return cy;
    },
    set: (value: string) => void (cy = value),
  });
  return out;
}
