import { countOf } from '../../../bot/i18n/count-forms';
import { fill, strings } from '../../../bot/i18n/strings';

const en = strings('en').broadcasts;
const cy = strings('cy').broadcasts;

describe('counts with their noun', () => {
  it('when one person is counted, then English says "1 person" and Welsh, which takes the singular after a number, "1 person"', () => {
    expect(countOf(1, en.people)).toBe('1 person');
    expect(countOf(1, cy.people)).toBe('1 person');
  });

  it('when several or none are counted, then English says "people" and Welsh "o bobl"', () => {
    expect(countOf(3, en.people)).toBe('3 people');
    expect(countOf(0, en.people)).toBe('0 people');
    expect(countOf(31000, en.people)).toBe('31000 people');
    expect(countOf(3, cy.people)).toBe('3 o bobl');
    expect(countOf(2, cy.people)).toBe('2 o bobl');
  });

  it('when a send takes one minute or reaches one team channel, then neither language puts a plural after 1', () => {
    expect(countOf(1, en.minutes)).toBe('1 minute');
    expect(countOf(5, en.minutes)).toBe('5 minutes');
    expect(countOf(1, cy.minutes)).toBe('1 munud');
    expect(countOf(5, cy.minutes)).toBe('5 munud');
    expect(countOf(1, en.teamChannels)).toBe('1 team channel');
    expect(countOf(4, en.teamChannels)).toBe('4 team channels');
    expect(countOf(1, cy.teamChannels)).toBe('1 sianel tîm');
    expect(countOf(4, cy.teamChannels)).toBe('4 o sianeli timau');
  });

  it('when a broadcast line speaks of one recipient, then it reads "1 person" in both languages and never "1 people" or "1 o bobl"', () => {
    for (const s of [en, cy]) {
      const one = countOf(1, s.people);
      const lines = [
        fill(s.sendAnyway, { people: one }),
        fill(s.bigAudience, { people: one }),
        fill(s.sentText, { title: 'Inset day', people: one }),
        fill(s.listSent, { date: '3 December 2026', people: one, read: '0' }),
        fill(s.statusText, { date: '3 December 2026', people: one, queued: '0', sent: '1', failed: '0', unreachable: '0', read: '0' }),
        fill(s.previewFigures, { known: one, reachable: '1', unreachable: '0' }),
      ];
      for (const line of lines) {
        expect(line).toContain('1 person');
        expect(line).not.toMatch(/1 people|1 o bobl|\{\w+\}/);
      }
    }
  });

  it('when a broadcast line speaks of many recipients, then English says "people" and Welsh "o bobl"', () => {
    expect(fill(en.sentText, { title: 'Inset day', people: countOf(4, en.people) })).toBe('"Inset day" is going to 4 people. Type broadcasts to see how it is going.');
    expect(fill(cy.sentText, { title: 'Diwrnod HMS', people: countOf(4, cy.people) })).toBe('Mae "Diwrnod HMS" yn mynd at 4 o bobl. Teipiwch darllediadau i weld sut mae\'n mynd.');
  });
});
