import { describeRefusal, describeRejections } from '../../../bot/register/register-csv-messages';

describe('what an import of the register tells its reader', () => {
  it('when lines are turned away, then each reason is said once with its lines as ranges, in Welsh or English', () => {
    const rejected = [
      { line: 4, reason: 'sector-unknown' as const },
      { line: 5, reason: 'sector-unknown' as const },
      { line: 6, reason: 'sector-unknown' as const },
      { line: 9, reason: 'number-duplicate' as const },
      { line: 12, reason: 'sector-unknown' as const },
    ];
    expect(describeRejections('en', rejected)).toEqual([
      'the sector is not one of nursery, primary, all-age, secondary, special, PRU or other (lines 4–6, 12)',
      'the school number is already on an earlier line (line 9)',
    ]);
    expect(describeRejections('cy', rejected)[1]).toBe('mae rhif yr ysgol eisoes ar linell gynharach (llinell 9)');
  });

  it('when hundreds of lines share a reason, then a few runs are listed and the rest counted', () => {
    const rejected = Array.from({ length: 300 }, (_, i) => ({ line: 2 + i * 2, reason: 'la-unknown' as const }));
    const [text] = describeRejections('cy', rejected);
    expect(text).toMatch(/\(llinellau 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 a 290 arall\)$/);
  });

  it('when a file is refused, then the reader is told why and that nothing changed, naming missing headings in their language', () => {
    expect(describeRefusal('cy', { kind: 'refused', reason: 'no-heading', missing: ['sector', 'languageCategory'] })).toMatch(/ar goll: sector yr ysgol, categori iaith\..*Ni newidiwyd dim\.$/);
    expect(describeRefusal('en', { kind: 'refused', reason: 'too-many-rows', rows: 3001 })).toMatch(/^This file has 3,001 schools;/);
    expect(describeRefusal('en', { kind: 'refused', reason: 'too-big' })).toMatch(/larger than 5 MB.*Nothing was changed\.$/);
    expect(describeRefusal('cy', { kind: 'refused', reason: 'unreadable' })).toMatch(/^Nid oes modd darllen y ffeil hon fel CSV/);
  });
});
