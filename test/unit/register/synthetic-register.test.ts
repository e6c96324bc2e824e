import { loadContent } from '../../../bot/content/load-content';
import { schoolEntrySchema } from '../../../bot/register/school-entry';
import { syntheticSchools } from '../../support/synthetic-register';

describe('the synthetic register used by tests and the benchmark', () => {
  it('when 1,500 schools are made, then each is a valid entry, numbers and ids are unique, and every local authority has schools', async () => {
    const las = (await loadContent()).localAuthorities;
    const schools = syntheticSchools(1500, las);
    for (const school of schools) expect(schoolEntrySchema.safeParse(school)).toMatchObject({ success: true });
    const numbers = schools.flatMap((s) => (s.number ? [s.number] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(schools.map((s) => s.id)).size).toBe(1500);
    expect(new Set(schools.map((s) => s.laId))).toEqual(new Set(las.map((la) => la.id)));
    expect(numbers.length).toBeGreaterThan(1300);
    expect(numbers.length).toBeLessThan(1500);
    expect(schools.filter((s) => !s.open).length).toBeGreaterThan(0);
    expect(schools.filter((s) => s.name.startsWith('Ysgol')).length).toBeGreaterThan(300);
  });

  it('when made twice with one seed, then the register is the same; with another seed, it differs', async () => {
    const las = (await loadContent()).localAuthorities;
    expect(syntheticSchools(200, las, 7)).toEqual(syntheticSchools(200, las, 7));
    expect(syntheticSchools(200, las, 8)).not.toEqual(syntheticSchools(200, las, 7));
  });
});
