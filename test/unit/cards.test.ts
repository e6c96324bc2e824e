import { loadContent } from '../../bot/content/load-content';
import type { Content } from '../../bot/content/content';
import type { Language } from '../../bot/users/user-record';
import {
  renderHelpCard,
  renderInductionCompleteCard,
  renderInductionStageCard,
  renderInductionStartCard,
  renderTeamCard,
  renderSchoolAdminCard,
  renderNoticeCard,
  renderProfileCard,
  renderProfileFormCard,
  renderTeamWelcomeCard,
  renderWelcomeCard,
  type AdaptiveCardJson,
} from '../../cards';
import { allVerbs } from '../../cards/verbs';
import { renderSelfAssessmentExportCard } from '../../cards';
import { finishAttempt, recordArea } from '../../bot/self-assessment/attempt-rules';
import { passportText } from '../../bot/self-assessment/passport-export';
import type { AssessmentResult, Attempt } from '../../bot/self-assessment/self-assessment-state';
import { areaCard, introCard, resultsCard, sharedNoticeCard, withdrawnCard } from '../../bot/self-assessment/self-assessment-views';
import { cardProblems } from '../support/validate-card';
import { renderSchoolChooserCard } from '../../cards/school-chooser-card';
import { renderManagerImportCard } from '../../cards/manager-import-card';
import { renderOneToOneCard } from '../../cards/one-to-one-card';
import { strings } from '../../bot/i18n/strings';
import { cycleOn } from '../../bot/appraisal/appraisal-cycle';
import { newAppraisal } from '../../bot/appraisal/appraisal-state';
import { addObjective, addStaffComment, recordReview } from '../../bot/appraisal/appraisal-rules';
import { appraisalCard, reviewForm } from '../../bot/appraisal/appraisal-views';
import { promptCard } from '../../bot/appraisal/appraisal-prompt-view';
import { recordCard } from '../../bot/appraisal/appraisal-record-view';
import { objectiveEditCard } from '../../bot/appraisal/appraisal-objective-view';

let content: Content;
beforeAll(async () => {
  content = await loadContent();
});

/** Every card with sample data, including the fullest and emptiest forms each can take. */
function samples(language: Language): [string, AdaptiveCardJson][] {
  return [
    ['welcome with a name', renderWelcomeCard(language, { name: 'Siân' })],
    ['welcome without a name', renderWelcomeCard(language, {})],
    ['team welcome', renderTeamWelcomeCard(language)],
    ['help', renderHelpCard(language)],
    ['help with a lead line', renderHelpCard(language, { lead: 'Lead line' })],
    ['help for an administrator', renderHelpCard(language, { adminCommands: [{ command: 'school', text: 'settings' }], adminButtons: [{ title: 'School', verb: 'school.show', data: {} }] })],
    ['help in a channel', renderHelpCard(language, { where: 'shared', sharedAdminCommands: [{ command: 'link school', text: 'link' }], chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=28%3Abot' })],
    ['team welcome with a chat link', renderTeamWelcomeCard(language, { chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=28%3Abot' })],
    ['one-to-one', renderOneToOneCard(language, { chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=28%3Abot', changedNothing: true })],
    ['one-to-one without a link', renderOneToOneCard(language, {})],
    ['notice', renderNoticeCard(language, { title: 'T', text: 'Body', reference: 'Ref 1', actions: [{ title: 'Help', verb: 'help.show', data: {} }] })],
    ['notice without actions', renderNoticeCard(language, { title: 'T', text: 'Body', tone: 'attention' })],
    ['empty profile form', renderProfileFormCard(language, { roleChoices: content.roleChoices(language), welshChoices: content.welshChoices(language) })],
    [
      'profile form with errors',
      renderProfileFormCard(language, {
        roleChoices: content.roleChoices(language),
        welshChoices: content.welshChoices(language),
        values: { roleId: 'teaching-assistant-1', ewcNumber: 'x' },
        errors: { lineManager: 'Not a person', ewcNumber: 'Digits only' },
      }),
    ],
    ['profile', renderProfileCard(language, { lead: 'Saved', role: 'TA', schools: [{ title: 'Ysgol y Castell (Ceredigion)', status: 'confirmed' }, { title: 'Ysgol y Bryn', status: 'pending' }], lineManagerChosen: true, welshLevel: 'Uwch', ewcNumber: '1' })],
    ['profile with nothing set', renderProfileCard(language, { lineManagerChosen: false })],
    ['induction start', renderInductionStartCard(language, { startDate: '2026-09-01' })],
    ['induction start with an error', renderInductionStartCard(language, { startDate: '2026-09-01', mode: 'refresher', error: 'Bad date' })],
    ['induction stage, every status', renderInductionStageCard(language, stageSample())],
    ['induction stage, nothing done, no way back', renderInductionStageCard(language, { ...stageSample(), done: 0, lead: '', navigation: [] })],
    ['induction stage, all done', renderInductionStageCard(language, { ...stageSample(), done: 6, total: 6 })],
    ['induction stage, last page', renderInductionStageCard(language, { ...stageSample(allStatuses.slice(4)), nextPage: -1 })],
    [
      'induction stage, catching up, no line manager, priorities noted',
      renderInductionStageCard(language, {
        ...stageSample(),
        catchUpLead: 'You started 2 weeks ago',
        catchUpCount: '4 to catch up',
        catchUpItems: ['Fire drill (due 1 September 2026)'],
        catchUpMore: 'and 3 more',
        noManagerItems: ['Fire drill'],
        noManagerMore: 'and 2 more',
        priorities: ['Dyslexia support'],
      }),
    ],
    ['induction complete', renderInductionCompleteCard(language, { priorities: ['Dyslexia support'], lastStage: 'first-half-term' })],
    ['induction complete without priorities', renderInductionCompleteCard(language, { priorities: [], lastStage: 'first-week' })],
    ['team', renderTeamCard(language, teamSample())],
    ...appraisalSamples(language),
    ['empty team', renderTeamCard(language, { reports: [] })],
    ['induction stage with school policies', renderInductionStageCard(language, { ...stageSample(), policiesTitle: 'Policies', policies: [{ title: 'Ours', url: 'https://ysgol.example/p' }] })],
    ['school admin, empty', renderSchoolAdminCard(language, { schoolId: 'wg-6612001', stages: [{ title: 'First day', value: 'first-day' }], items: [], links: [], months: months(language) })],
    ...(['summary', 'contacts', 'items', 'links', 'cycle', 'holidays'] as const).map((section): [string, AdaptiveCardJson] => [
      `school admin, filled, showing ${section}`,
      renderSchoolAdminCard(language, {
        feedback: 'Not saved',
        feedbackTone: 'attention',
        section,
        schoolId: 'wg-6612001',
        schoolName: 'Ysgol',
        schoolDetail: 'Castle School · Cardiff',
        values: { dspName: 'Mrs Ellis', alncoName: 'Mr Jones', titleCy: 'Teitl', removeItems: 'school-1', holidayFrom: '2026-12-22', holidayTo: '2027-01-02', cycleStartMonth: '4' },
        fieldErrors: { titleEn: 'Enter the title', holidayTo: 'Choose the last day', url: 'https', dspName: 'Too long' },
        draft: { linkTitleCy: 'Polisi', whatEn: 'Ask at reception' },
        summary: [{ title: 'Contacts', value: 'DSP: Mrs Ellis' }],
        stages: [{ title: 'First day', value: 'first-day' }],
        items: [{ id: 'school-1', label: 'First day: A / B' }],
        links: [{ id: 'link-2', label: 'P — https://x.example' }],
        months: months(language),
        holidays: [{ id: 'holiday-2026-10-26-2026-10-30', label: '26 Oct 2026 – 30 Oct 2026' }],
      }),
    ]),
    ...selfAssessmentSamples(language),
  ];
}

/** A level-2 teaching assistant's attempt, answered `value` throughout (own skills "not yet"). */
function assessed(value: 1 | 2 | 3 | 4, id: string): { attempt: Attempt; result: AssessmentResult } {
  const sa = content.selfAssessment;
  const trackId = sa.trackFor('teaching-assistant-2')!.id;
  const attempt: Attempt = { id, trackId, startedAt: '2026-11-23T10:00:00Z', answers: {}, doneAreas: [] };
  for (const area of sa.areasFor(trackId)) {
    recordArea(attempt, area, Object.fromEntries(sa.statementsFor(trackId, area).map((st) => [st.id, area === 'own-skills' ? 1 : value])), 'next');
  }
  return { attempt, result: finishAttempt(sa, attempt, new Date('2026-11-23T11:00:00Z')) };
}

function selfAssessmentSamples(language: Language): [string, AdaptiveCardJson][] {
  const sa = content.selfAssessment;
  const before = assessed(2, 'a1');
  const after = assessed(3, 'a2');
  const top = assessed(4, 'a3');
  const firstArea = sa.areasFor(before.attempt.trackId)[0]!;
  const blank: Attempt = { ...before.attempt, answers: {}, doneAreas: [] };
  const state = { results: [before.result, after.result] };
  const manager = { kind: 'manager' as const, reportName: 'Nia', reportAadObjectId: 'r1', managerAadObjectId: 'm1' };
  return [
    ['self-assessment intro', introCard(language, sa, before.attempt.trackId, 'Teaching assistant – level 2')],
    ['self-assessment first area, nothing answered', areaCard(language, sa, blank, firstArea)],
    ['self-assessment last area, answered, with a problem', areaCard(language, sa, before.attempt, 'own-skills', { text: 'Problem', tone: 'attention' }, [sa.statementsFor(before.attempt.trackId, 'own-skills')[0]!.id])],
    ['self-assessment results compared, shared', resultsCard(language, sa, after.result, { kind: 'self', state: { ...state, shared: { managerAadObjectId: 'm1', resultId: 'a2', sharedAt: '2026-11-23T12:00:00Z' } } })],
    ['self-assessment results after a retake, the earlier one shared', resultsCard(language, sa, after.result, { kind: 'self', state: { ...state, shared: { managerAadObjectId: 'm1', resultId: 'a1', sharedAt: '2026-11-20T12:00:00Z' } } })],
    ['self-assessment results, top of the scale, no priorities', resultsCard(language, sa, top.result, { kind: 'self', state: { results: [top.result] }, lead: { text: 'Done', tone: 'good' } })],
    ['self-assessment summary for a manager', resultsCard(language, sa, before.result, manager)],
    ['self-assessment summary withdrawn', withdrawnCard(language, 'r1', 'm1')],
    ['self-assessment shared, as it lands with the manager', sharedNoticeCard(language, 'Nia', 'r1', 'm1')],
    ['self-assessment export', renderSelfAssessmentExportCard(language, { text: passportText(language, sa, after.result, 'TA') })],
  ];
}

const allStatuses = ['signed-off', 'awaiting-sign-off', 'done', 'catch-up', 'overdue', 'due', 'upcoming'] as const;

/** A stage card's page of four items (the other statuses on the page after), with the way to the pages either side. */
function stageSample(statuses: readonly (typeof allStatuses)[number][] = allStatuses.slice(0, 4)) {
  return {
    page: 1,
    previousPage: 0,
    nextPage: 2,
    pageText: 'Items 6 to 10 of 12',
    lead: 'Noted',
    stageId: 'first-week',
    stageName: 'First week',
    stageSummary: 'Settling in',
    done: 3,
    total: 6,
    progressText: '3 of 6 done',
    items: statuses.map((status, i) => ({
      id: `item-${i}`,
      title: `Item ${i}`,
      status,
      statusLine: status,
      canTick: i > 2,
      canUndo: i > 0 && i < 3,
      why: 'Why',
      what: 'What',
      contactLine: i === 0 ? 'DSP: Mrs Ellis' : '',
      linkUrl: i === 1 ? 'https://hwb.gov.wales/' : '',
      linkLabel: i === 1 ? 'Hwb' : '',
    })),
    navigation: [
      { title: 'Back', stage: 'first-day' },
      { title: 'Next', stage: 'first-half-term' },
    ],
  };
}

function months(language: Language) {
  return strings(language).school.months.map((title, i) => ({ title, value: String(i + 1) }));
}

/** The appraisal cards as the bot draws them: empty, full with records, the manager's view, the forms and prompts. */
function appraisalSamples(language: Language): [string, AdaptiveCardJson][] {
  const now = new Date('2026-11-23T10:00:00Z');
  const cycle = cycleOn('2026-11-23');
  const empty = newAppraisal(cycle.id, now);
  const full = newAppraisal(cycle.id, now, ['Phonics']);
  for (let i = 0; i < 5; i += 1) addObjective(full, { text: `Objective ${i}`, measure: 'Measured', standards: ['pedagogy'], keyAreas: ['literacy-numeracy'] });
  full.meetings.planning = { date: '2026-11-23', confirmed: { staff: now.toISOString() }, snoozedUntil: {} };
  recordReview(full, 'planning', 'm', { outcomes: {}, comments: 'Agreed', priorities: ['Phonics'] }, '2026-11-23', now);
  full.meetings['mid-year'] = { date: '2027-02-10', confirmed: {}, snoozedUntil: {} };
  full.meetings['end-of-year'] = { date: '2026-11-20', confirmed: {}, snoozedUntil: {} };
  addStaffComment(full, 'planning', 'Thanks', now);
  const options = { today: '2026-11-23', cycle, holidays: [] };
  const manager = { role: 'manager' as const, reportId: 'r1', name: 'Nia' };
  return [
    ['appraisal, empty', appraisalCard(language, empty, { ...options, viewer: { role: 'staff' } })],
    ['appraisal, full with a record and priorities', appraisalCard(language, full, { ...options, viewer: { role: 'staff' }, priorities: ['Behaviour'], lead: { text: 'Saved.', tone: 'good' } })],
    ['appraisal, the manager’s view', appraisalCard(language, full, { ...options, viewer: manager })],
    ['appraisal, the manager’s view with no objectives', appraisalCard(language, empty, { ...options, viewer: manager })],
    [
      'appraisal, refused with what was typed and the marks',
      appraisalCard(language, empty, {
        ...options,
        viewer: { role: 'staff' },
        inductionPriorities: ['Team Teach'],
        typed: { objective: { measure: 'Seen weekly', standards: ['pedagogy'], keyAreas: ['communication'] }, dates: { planning: '2027-03-10', 'mid-year': '2027-01-06' } },
        problem: { problem: 'objective-text', form: 'new' },
      }),
    ],
    ['appraisal, a date refused', appraisalCard(language, empty, { ...options, viewer: { role: 'staff' }, typed: { dates: { planning: '2027-03-10', 'mid-year': '2027-01-06' } }, problem: { problem: 'date-order', meeting: 'mid-year' } })],
    ['appraisal objective edit, refused', objectiveEditCard(language, full.objectives[0]!, { dates: { planning: '2026-12-01' } }, { typed: { text: '', measure: 'x', standards: [], keyAreas: ['communication'] }, lead: 'Write it', marked: true })],
    ['appraisal review form, planning', reviewForm(language, full, 'planning', manager)],
    ['appraisal record, the staff member’s own', recordCard(language, full, 'planning', { role: 'staff' })!],
    ['appraisal record, the manager’s view', recordCard(language, full, 'planning', manager)!],
    ['appraisal review form, mid-year', reviewForm(language, full, 'mid-year', manager, 'Choose an outcome')],
    ['appraisal prompt to staff', promptCard(language, { meeting: 'mid-year', kind: 'before-14', role: 'staff', date: '2027-02-10', day: '2027-01-27' })],
    ['appraisal prompt to a manager, overdue', promptCard(language, { meeting: 'end-of-year', kind: 'overdue-2', role: 'manager', date: '2027-06-10', day: '2027-06-18' }, manager)],
    ['school chooser with results', renderSchoolChooserCard(language, { title: 'Choose', findLabel: 'School', findTitle: 'Find', findVerb: 'school.show', find: 'cast', results: [{ id: 'wg-6612001', name: 'Ysgol y Castell', detail: 'Cardiff', actionTitle: 'Open', actionTooltip: 'Open Ysgol y Castell', verb: 'school.show' }] })],
    ['manager import', renderManagerImportCard(language, { schoolId: 'wg-6612001', schoolName: 'Ysgol y Castell' })],
    ['manager import with a report', renderManagerImportCard(language, { schoolId: 'wg-6612001', lead: 'Ysgol y Castell: 1 accepted, 0 removed, 7 rejected.', leadTone: 'attention', schoolName: 'Ysgol y Castell', csv: 'a,b', rejectedRows: ['line 4: no one with the email rhys@ysgol.cymru has used Cefnogi yet'], more: '7 more lines were turned away:', rejected: ['not an email address (lines 20–25, 29)'] })],
  ];
}

function teamSample() {
  return {
    lead: 'Signed off.',
    requests: [{ reportId: 'r3', name: 'Cai' }],
    reports: [
      { reportId: 'r1', name: 'Nia', progressText: '3 of 20 done', unreachable: true, sharedSummary: true, awaiting: [{ reportId: 'r1', itemId: 'i1', title: 'Fire walk-round' }], appraisalText: 'Appraisal: overdue', appraisalAttention: true },
      { reportId: 'r2', name: 'Tomos', progressText: 'Not started', awaiting: [], appraisalText: 'Appraisal: no dates' },
    ],
  };
}

describe.each(['en', 'cy'] as const)('every card in %s', (language) => {
  it('when rendered with sample data, then no ${…} placeholder is left', () => {
    for (const [name, card] of samples(language)) {
      expect([name, JSON.stringify(card).match(/\$\{[^}]*\}/)?.[0]]).toEqual([name, undefined]);
    }
  });

  it('when parsed by the Adaptive Cards renderer at schema 1.5, then it reports no problems', () => {
    for (const [name, card] of samples(language)) {
      expect(card.version).toBe('1.5');
      expect([name, cardProblems(card)]).toEqual([name, []]);
    }
  });

  it('when its actions are read, then every verb is one of the verb table', () => {
    for (const [, card] of samples(language)) {
      const verbs = JSON.stringify(card).match(/"verb":"[^"]*"/g) ?? [];
      for (const v of verbs) expect(allVerbs).toContain(v.slice(8, -1));
    }
  });
});

describe('the card checker itself', () => {
  it('when a card has an unknown element, a bad property value or an Action.Execute without a verb, then it reports each', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Blink', text: 'x' }, { type: 'TextBlock', text: 'x', size: 'Gigantic' }],
      actions: [{ type: 'Action.Execute', title: 'Go' }],
    });
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems).toContain('Action.Execute without a verb');
  });

  it('when a card uses a 1.6 feature other than the Teams people picker, then it is reported', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Input.Text', id: 'a', label: 'A', labelPosition: 'inline' }],
    });
    expect(problems.join()).toMatch(/1\.6/);
  });

  it('when a person typed ${…} into their text, then the card still renders and shows it as they typed it', () => {
    const card = renderInductionCompleteCard('en', { priorities: ['Use ${name} in letters'], lastStage: 'first-week' });
    expect(JSON.stringify(card)).toContain('Use $\u2060{name} in letters');
    expect(cardProblems(card)).toEqual([]);
  });

  it('when a template is given data that does not fit its schema, then rendering refuses', () => {
    expect(() => renderNoticeCard('en', { title: '', text: 'x' })).toThrow();
    expect(() => renderNoticeCard('en', { title: 'x', text: 'y', actions: [{ title: 'Bad', verb: 'nope' as 'help.show', data: {} }] })).toThrow();
  });
});
