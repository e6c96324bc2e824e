import { figureFactsFor, type FigureFacts } from '../../../bot/figures/figure-person';
import { figuresOf, type SchoolPeople } from '../../../bot/figures/figure-measures';
import { loadContent } from '../../../bot/content/load-content';
import { newUserRecord } from '../../../bot/users/user-record';

const NOW = new Date('2026-11-30T02:30:00Z');
function person(extra: Partial<FigureFacts> = {}): FigureFacts {
  return { familyId: 'teaching-learning', level: 2, welshLevelId: 'entry', ewcGiven: true, inductionStarted: true, inductionCompleted: false, selfAssessments: 0, planningMeetingHeld: false, priorities: [], ...extra };
}

function school(laId: string, schoolId: string, size: number, each: (i: number) => Partial<FigureFacts> = () => ({})): SchoolPeople {
  return { laId, schoolId, people: Array.from({ length: size }, (_, i) => person(each(i))) };
}

describe('workforce figures from the per-person records', () => {
  it('when a school has fewer than 10 confirmed members, then its row shows nothing in any measure', () => {
    const figures = figuresOf([school('la-1', 'big', 30), school('la-1', 'mid', 20), school('la-1', 'small', 8)]);
    for (const m of figures.measures) {
      const row = m.views.byLa.get('la-1')!.rows.find((r) => r.id === 'small')!;
      expect(row.cells.every((c) => c.shown === 'hidden')).toBe(true);
    }
  });

  it('when 3 people at a school have not given a qualification, then the school sees "fewer than 5", not 3', () => {
    const figures = figuresOf([school('la-1', 'a', 25, (i) => (i < 3 ? {} : { qualification: 'level-3' })), school('la-1', 'b', 30, () => ({ qualification: 'level-3' }))]);
    const qualification = figures.measures.find((m) => m.id === 'qualification')!;
    const row = qualification.views.byLa.get('la-1')!.rows.find((r) => r.id === 'a')!;
    expect(row.cells[qualification.categories.indexOf('not-given')]).toEqual({ shown: 'fewer-than-5' });
    expect(JSON.stringify(qualification.views)).not.toContain('"value":3}');
  });

  it('when fewer than 20 people in an LA took a self-assessment, then its development priorities are withheld, and an LA with 20 shows counts per key area', () => {
    const took = (i: number): Partial<FigureFacts> => ({ selfAssessments: 1, priorities: i % 2 === 0 ? ['safeguarding'] : ['inclusion'] });
    const figures = figuresOf([school('la-1', 'a', 40, took), school('la-2', 'b', 15, took), school('la-3', 'c', 30, took)]);
    const rows = figures.priorities.table.rows;
    expect(rows.find((r) => r.id === 'la-2')!.cells.every((c) => c.shown === 'hidden')).toBe(true);
    const la1 = rows.find((r) => r.id === 'la-1')!;
    expect(la1.cells[figures.priorities.keyAreas.indexOf('safeguarding')]).toEqual({ shown: 'value', value: 20 });
    expect(figures.priorities.nationalShown).toBe(true);
  });

  it('when a person has no qualification or HLTA answer in their profile, then they count as "not given"', async () => {
    const content = await loadContent();
    const user = newUserRecord({ tenantId: 't', aadObjectId: 'o' }, NOW);
    user.profile = { roleId: 'teaching-assistant-2', welshLevelId: 'entry', ewcNumber: '12345', updatedAt: NOW.toISOString() };
    const record = figureFactsFor(user, content);
    expect(record).toMatchObject({ familyId: 'teaching-learning', level: 2, ewcGiven: true, inductionStarted: false });
    expect(record.qualification).toBeUndefined();
    const figures = figuresOf([{ laId: 'la-1', schoolId: 'a', people: Array.from({ length: 12 }, () => record) }]);
    expect(figures.measures.find((m) => m.id === 'hltaStatus')!.categories).toEqual(['not-given']);
  });
});
