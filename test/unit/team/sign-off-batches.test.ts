import { batchStartOf, SIGN_OFF_BATCH_MS } from '../../../bot/induction/sign-off-notices';

const at = (minutes: number) => new Date(Date.UTC(2026, 9, 6, 9, 0) + minutes * 60_000).toISOString();

describe('which batch a sign-off belongs to', () => {
  it('when sign-offs come within five minutes of the first, then they all share its batch, whatever order they are read in', () => {
    const times = [at(0), at(1), at(4.9), at(2)];
    for (const t of times) expect(batchStartOf(times, t)).toBe(at(0));
  });

  it('when a sign-off comes five minutes or more after a batch opened, then it opens the next batch, and later ones join that', () => {
    const times = [at(0), at(3), at(5), at(7), at(11)];
    expect(batchStartOf(times, at(3))).toBe(at(0));
    expect(batchStartOf(times, at(5))).toBe(at(5));
    expect(batchStartOf(times, at(7))).toBe(at(5));
    expect(batchStartOf(times, at(11))).toBe(at(11));
    expect(SIGN_OFF_BATCH_MS).toBe(5 * 60_000);
  });

  it('when a sign-off is the first, then it opens its own batch', () => {
    expect(batchStartOf([at(2)], at(2))).toBe(at(2));
  });
});
