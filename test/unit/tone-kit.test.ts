import { progressBar } from '../../cards/tone-kit';

describe('a progress bar drawn in squares', () => {
  it('when none, some or all is done, then the squares fill in tenths', () => {
    expect(progressBar(0, 6)).toBe('□□□□□□□□□□');
    expect(progressBar(3, 6)).toBe('■■■■■□□□□□');
    expect(progressBar(6, 6)).toBe('■■■■■■■■■■');
  });

  it('when barely started or nearly finished, then it never looks like nothing or all', () => {
    expect(progressBar(1, 200)).toBe('■□□□□□□□□□');
    expect(progressBar(199, 200)).toBe('■■■■■■■■■□');
  });
});
