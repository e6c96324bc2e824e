import { MORE_RESOURCES_PER_AREA, planResources, RESOURCES_PER_AREA } from '../../../bot/self-assessment/recommendations';
import { fixtureContent, fixtureResource } from './fixture-framework';

describe('planning the resources for the priorities', () => {
  const library = fixtureContent([
    fixtureResource('shared', ['communication', 'safeguarding', 'transitions'], ['cy', 'en']),
    ...['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'].map((id) => fixtureResource(id, ['communication'], ['cy', 'en'])),
    fixtureResource('s1', ['safeguarding'], ['cy', 'en']),
    fixtureResource('english-only', ['safeguarding'], ['en']),
  ]);
  const plan = planResources(library, ['communication', 'safeguarding', 'transitions'], 't', 'cy');

  it('when a resource serves several priorities, then it is listed once, under the first it serves', () => {
    const ids = plan.flatMap((p) => [...p.shown, ...p.more].map((r) => r.id));
    expect(ids.filter((id) => id === 'shared')).toHaveLength(1);
    expect(plan[0]!.shown.map((r) => r.id)).toContain('shared');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when a priority has many resources, then three are shown and the next ones wait behind "more", up to the bound', () => {
    expect(plan[0]!.shown).toHaveLength(RESOURCES_PER_AREA);
    expect(plan[0]!.more).toHaveLength(MORE_RESOURCES_PER_AREA);
  });

  it('when every resource of a priority is listed above, then it shows none and says so; in the reader\'s language first otherwise', () => {
    expect(plan[1]!.shown.map((r) => r.id)).toEqual(['s1', 'english-only']);
    expect(plan[1]!.coveredAbove).toBe(false);
    expect(plan[2]).toEqual({ area: 'transitions', shown: [], more: [], coveredAbove: true });
  });
});
