import { cleanDisplayName, cleanTypedText } from '../../../bot/text/clean-typed-text';
import { inertMarkdown } from '../../../bot/text/inert-markdown';
import { shownName } from '../../../bot/text/person-name';

/** What a reader sees of inert text: CommonMark drops the escaping backslash and the word joiner is invisible. */
const asRead = (text: string) => text.replace(/\\(.)/g, '$1').replace(/\u2060/g, '');

describe('typed text when saved', () => {
  it('when a name carries a right-to-left override, then it is stored without it', () => {
    expect(cleanDisplayName('Sioned \u202Etxt.exe\u202C Evans')).toBe('Sioned txt.exe Evans');
  });

  it('when text carries bidi isolates, marks, zero-width and control characters, then none of them is kept', () => {
    const typed = 'a\u2066b\u2069c\u200Ed\u200Fe\u061Cf\u200Bg\uFEFFh\u0007i\u0000j\u009Bk';
    expect(cleanTypedText(typed, { maxLength: 100 })).toBe('abcdefghijk');
  });

  it('when a one-line field has line breaks and tabs, then they become single spaces', () => {
    expect(cleanTypedText('  Read\r\n the\tpolicy  \n', { maxLength: 100 })).toBe('Read the policy');
  });

  it('when a comment has paragraphs, then its line breaks are kept and blank runs shortened', () => {
    expect(cleanTypedText('First.\r\n\r\n\r\n\r\nSecond\u2028third', { maxLength: 100, multiline: true })).toBe('First.\n\nSecond\nthird');
  });

  it('when text is longer than its field, then it is cut without splitting an emoji', () => {
    expect(cleanTypedText('ab😀', { maxLength: 3 })).toBe('ab');
    expect(cleanDisplayName('x'.repeat(150))).toHaveLength(100);
  });

  it('when a name has an emoji built with joiners or the Welsh flag, then it is kept whole', () => {
    const teacher = '🧑\u200D🏫';
    const wales = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}';
    expect(cleanDisplayName(`Mair ${teacher} ${wales}`)).toBe(`Mair ${teacher} ${wales}`);
    expect(cleanDisplayName('Ma\u200Dir\u{E0041}')).toBe('Mair');
  });

  it('when "ŵ" is typed as w and a combining circumflex, then it is stored composed', () => {
    expect(cleanTypedText('Gw\u0302yn', { maxLength: 10 })).toBe('Gŵyn');
  });
});

describe('typed text when shown to someone else', () => {
  const attacks = ['[click](javascript:alert(1))', '![x](data:image/png;base64,AA)', '<a href="javascript:x">y</a>', '**bold** _it_ `code` ~~s~~'];

  it.each(attacks)('when "%s" is shown, then no link, image, tag or emphasis syntax is left live, and it reads as typed', (typed) => {
    const shown = inertMarkdown(typed);
    expect(shown).not.toMatch(/(^|[^\\])[[\]()<>*_`~!]/);
    expect(shown).not.toMatch(/(javascript|data):(?!\u2060)/i);
    expect(asRead(shown)).toBe(typed);
  });

  it('when a line starts with a heading, list or numbered-list mark, then it stays plain text', () => {
    const shown = inertMarkdown('# Title\n- item\n+ other\n12. twelfth');
    expect(shown).toBe('\\# Title\n\\- item\n\\+ other\n12\\. twelfth');
    expect(asRead(shown)).toBe('# Title\n- item\n+ other\n12. twelfth');
  });

  it('when a name is shown, then it is cleaned as well as made inert, falling back when empty', () => {
    expect(shownName('\u202E[Mr](https://x)', 'id')).toBe('\\[Mr\\]\\(https://x\\)');
    expect(shownName('\u202E', 'someone@school.wales')).toBe('someone@school.wales');
  });
});
