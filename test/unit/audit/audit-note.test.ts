import { countsNote, noteInWords } from '../../../bot/audit/audit-note';

describe("an act's figures in the audit", () => {
  it('when an import is recorded, then its figures are kept free of language and read back in English or Welsh', () => {
    const note = countsNote({ added: 8, updated: 0, rejected: 1 });
    expect(note).toBe('added=8;updated=0;rejected=1');
    expect(noteInWords(note, 'en')).toBe('8 added, 0 updated, 1 turned away');
    expect(noteInWords(note, 'cy')).toBe("8 wedi'u hychwanegu, 0 wedi'u diweddaru, 1 wedi'u gwrthod");
  });

  it('when a note is not figures Cefnogi knows, then it is shown as it was kept', () => {
    expect(noteInWords('added=1;stolen=2', 'cy')).toBe('added=1;stolen=2');
    expect(noteInWords('free text', 'en')).toBe('free text');
  });
});
