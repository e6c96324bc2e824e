import { renderSelfAssessmentResultsCard } from '../../../cards/self-assessment-results-card';
import { cardText } from '../../support/cards-in';
import { cardProblems } from '../../support/validate-card';

const resource = (n: number) => ({ title: `Resource ${n}`, summary: 'What it is', url: `https://example.org/${n}`, meta: 'Guidance · In Welsh and English' });

describe('the results card', () => {
  const card = renderSelfAssessmentResultsCard('en', {
    title: 'Your self-assessment',
    completedOn: 'Completed on 23 November 2026',
    areas: [{ name: 'Communication and engagement', bandLabel: 'Developing', score: 40 }],
    priorities: [
      { heading: 'Priority 1: Communication', resources: [1, 2, 3].map(resource), more: [4, 5].map(resource), moreTitle: 'More resources for priority 1 (2)', lessTitle: 'Fewer resources for priority 1' },
      { heading: 'Priority 2: Sharing information', resources: [], coveredAbove: true },
    ],
  });

  it('when a priority has more resources and another has none of its own, then the card validates and says the resources above cover it', () => {
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('The resources listed above help with this priority too.');
  });

  it('when the card is first drawn, then the extra resources and the "fewer" button are hidden and the "more" button shows', () => {
    const json = JSON.stringify(card);
    expect(json).toContain('"id":"more-resources-1","isVisible":false');
    expect(json).toMatch(/"id":"more-resources-1-hide","isVisible":false/);
    expect(json).not.toMatch(/"id":"more-resources-1-show","isVisible":false/);
    expect(json).not.toContain('more-resources-2');
  });
});
