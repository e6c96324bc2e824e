import { foldKey, foldText } from '../../../bot/register/fold-text';
import { mutationCandidates, radicalsOf } from '../../../bot/register/welsh-mutations';

describe('Welsh initial mutations, undone for search', () => {
  it.each([
    ['nasal ngh → c', 'nghaerdydd', 'caerdydd'],
    ['nasal mh → p', 'mhenfro', 'penfro'],
    ['nasal nh → t', 'nhywyn', 'tywyn'],
    ['nasal ng → g', 'ngwynedd', 'gwynedd'],
    ['nasal m → b', 'mangor', 'bangor'],
    ['nasal n → d', 'nolgellau', 'dolgellau'],
    ['aspirate ch → c', 'chaerdydd', 'caerdydd'],
    ['aspirate ph → p', 'phenfro', 'penfro'],
    ['aspirate th → t', 'thywyn', 'tywyn'],
    ['soft g → c', 'gaerdydd', 'caerdydd'],
    ['soft b → p', 'benfro', 'penfro'],
    ['soft dd → d', 'ddinbych', 'dinbych'],
    ['soft d → t', 'dywyn', 'tywyn'],
    ['soft f → b', 'fangor', 'bangor'],
    ['soft f → m', 'fon', 'mon'],
    ['soft l → ll', 'lanelli', 'llanelli'],
    ['soft r → rh', 'rydaman', 'rhydaman'],
    ['a lost g before a vowel', 'ardd', 'gardd'],
    ['a lost g before w', 'wynedd', 'gwynedd'],
    ['a lost g before r', 'rug', 'grug'],
    ['a lost g before l', 'lan', 'glan'],
    ['h put before a vowel', 'hysgol', 'ysgol'],
  ])('when a word shows %s, then its radical is a candidate', (_rule, word, radical) => {
    expect(radicalsOf(word)).toContain(radical);
  });

  it('when a word could come from several radicals, then each is a candidate and the word itself comes first', () => {
    expect(mutationCandidates('law')).toEqual(['law', 'llaw', 'glaw']);
    expect(mutationCandidates('fawr')).toEqual(['fawr', 'bawr', 'mawr']);
  });

  it('when the longest beginning is a letter of its own (ll, rh, ff, ngh, dd), then no shorter rule applies', () => {
    expect(radicalsOf('llan')).toEqual([]);
    expect(radicalsOf('rhyl')).toEqual([]);
    expect(radicalsOf('ffordd')).toEqual([]);
    expect(radicalsOf('nghaerdydd')).toEqual(['caerdydd']);
    expect(radicalsOf('ddinbych')).toEqual(['dinbych']);
  });

  it('when a word starts with a letter no mutation produces, then it stands only for itself', () => {
    expect(mutationCandidates('caerdydd')).toEqual(['caerdydd']);
    expect(mutationCandidates('powys')).toEqual(['powys']);
    expect(mutationCandidates('tywyn')).toEqual(['tywyn']);
  });
});

describe('text folded for comparing', () => {
  it('when text has capitals, accents, circumflexes, apostrophes and punctuation, then they fold away and words stay apart', () => {
    expect(foldText("  Ysgol Gynradd St Mary's, Pen-y-Bont (Môn) ")).toBe('ysgol gynradd st marys pen y bont mon');
    expect(foldText('ŴYR Ŷ Â Ê Î Ô Û Ë É')).toBe('wyr y a e i o u e e');
    expect(foldKey('Pen-y-bont ar Ogwr')).toBe(foldKey('PENYBONT AR OGWR'));
  });
});
