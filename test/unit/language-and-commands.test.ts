import { resolveLanguage } from '../../bot/i18n/resolve-language';
import { normaliseCommand } from '../../bot/app/commands';

describe('which language to speak', () => {
  it.each([
    [undefined, 'cy-GB', 'cy'],
    [undefined, 'cy', 'cy'],
    [undefined, 'CY_gb', 'cy'],
    [undefined, 'en-GB', 'en'],
    [undefined, 'cs-CZ', 'en'],
    [undefined, 'cym', 'en'],
    [undefined, undefined, 'en'],
    ['en', 'cy-GB', 'en'],
    ['cy', 'en-US', 'cy'],
  ] as const)('when the stored choice is %s and the Teams locale %s, then Cefnogi speaks %s', (stored, locale, expected) => {
    expect(resolveLanguage(stored, locale)).toBe(expected);
  });
});

describe('reading a typed command', () => {
  it.each([
    ['Help', 'help'],
    ['  help!  ', 'help'],
    ['CYMORTH.', 'cymorth'],
    ['Self assessment', 'self-assessment'],
    ['self-assessment', 'self-assessment'],
    ['Fy nhîm', 'fy-nhîm'],
    ['help me please', 'help-me-please'],
  ])('when someone types "%s", then it reads as "%s"', (typed, command) => {
    expect(normaliseCommand(typed)).toBe(command);
  });
});
