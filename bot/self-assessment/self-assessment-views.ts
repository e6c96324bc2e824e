import { KEY_AREA_IDS, type KeyAreaId } from '../appraisal/appraisal-state';
import { renderNoticeCard } from '../../cards/notice-card';
import { renderSelfAssessmentAreaCard } from '../../cards/self-assessment-area-card';
import { renderSelfAssessmentResultsCard, type SelfAssessmentResultsCardData } from '../../cards/self-assessment-results-card';
import { withRefresh, type AdaptiveCardJson, type CardAction } from '../../cards/card-kit';
import { Verbs } from '../../cards/verbs';
import type { SelfAssessmentContent } from '../content/self-assessment-content';
import { ownSkillsAreaId, type AreaId, type Resource } from '../content/self-assessment-schemas';
import { fill, strings } from '../i18n/strings';
import { readableDate } from '../induction/induction-views';
import { londonDate } from '../time/london-date';
import type { Language } from '../users/user-record';
import { ANSWER_INPUT_PREFIX, neighbours, ownSkillsAnswers } from './attempt-rules';
import { planResources, recommend } from './recommendations';
import { compareArea, ownSkillsNeedSupport } from './scoring';
import { shownName } from '../text/person-name';
import type { AssessmentResult, Attempt, SelfAssessmentState } from './self-assessment-state';

export type Lead = { text: string; tone: 'good' | 'attention' };

/** An instant as the date people in Wales read it, in their language. */
/** "Save to my learning": starts a learning entry with the result's priorities as its key areas. */
function saveToMyLearning(language: Language, priorities: readonly string[]): CardAction {
  const areas = priorities.filter((p): p is KeyAreaId => (KEY_AREA_IDS as readonly string[]).includes(p));
  return { title: strings(language).learning.save, verb: Verbs.newLearning, data: { areas: areas.join(',') } };
}

export function readableInstant(iso: string, language: Language): string {
  return readableDate(londonDate(new Date(iso)), language);
}

/** What the self-assessment is, that it is private, and the way in. */
export function introCard(language: Language, content: SelfAssessmentContent, trackId: string, roleName: string, lead?: Lead): AdaptiveCardJson {
  const s = strings(language).selfAssessment;
  const intro = `${fill(s.introText, { role: roleName, count: String(content.areasFor(trackId).length) })}\n\n${s.privacy}`;
  return renderNoticeCard(language, {
    title: s.introTitle,
    text: lead ? `${lead.text}\n\n${intro}` : intro,
    actions: [{ title: s.begin, verb: Verbs.beginSelfAssessment, data: {} }],
  });
}

/**
 * One area's card, filled with what the attempt holds; `missing` marks statements left blank.
 * With `lastResult` (a retake under way) the card says those results are kept and offers them.
 */
export function areaCard(
  language: Language,
  content: SelfAssessmentContent,
  attempt: Attempt,
  area: AreaId,
  lead?: Lead,
  missing: readonly string[] = [],
  lastResult?: AssessmentResult,
): AdaptiveCardJson {
  const s = strings(language).selfAssessment;
  const areas = content.areasFor(attempt.trackId);
  const index = areas.indexOf(area);
  const { previous, next } = neighbours(content, attempt.trackId, area);
  const names = content.area(area);
  const done = content.knownAreas(attempt.doneAreas).filter((a) => areas.includes(a)).length;
  return renderSelfAssessmentAreaCard(language, {
    lead: lead?.text ?? '',
    attemptId: attempt.id,
    areaId: area,
    areaOf: fill(s.areaOf, { n: String(index + 1), total: String(areas.length) }),
    areaName: names.name[language],
    areaSummary: names.summary[language],
    done,
    total: areas.length,
    progressText: fill(s.progress, { done: String(done), total: String(areas.length) }),
    scale: content.scale.map((p) => ({ label: p.label[language], hint: p.hint[language] })),
    choices: [...content.scale.map((p) => ({ title: p.label[language], value: String(p.value) })), { title: s.skip, value: 'skip' }],
    statements: content.statementsFor(attempt.trackId, area).map((st) => ({
      inputId: `${ANSWER_INPUT_PREFIX}${st.id}`,
      text: st.text[language],
      value: attempt.answers[st.id] === undefined ? '' : String(attempt.answers[st.id]),
      missing: missing.includes(st.id),
    })),
    missingText: missing.length > 0 ? s.missingOne : '',
    hasBack: previous !== undefined,
    nextTitle: next === undefined ? s.finish : s.next,
    lastResults: lastResult ? fill(strings(language).selfAssessmentCards.lastResultsKept, { date: readableInstant(lastResult.completedAt, language) }) : '',
  });
}

function resourceView(resource: Resource, language: Language) {
  const s = strings(language).selfAssessment;
  const both = resource.languages.includes('cy') && resource.languages.includes('en');
  const available = both ? s.availableIn.both : resource.languages.includes('cy') ? s.availableIn.cy : s.availableIn.en;
  return {
    // Shown as a Markdown link, so brackets in a title would break it.
    title: resource.title[language].replace(/[[\]]/g, ''),
    summary: resource.summary[language],
    url: resource.link.url,
    meta: `${s.resourceTypes[resource.type]} · ${available}`,
  };
}

/** What the results card shows for a viewer: the person themself, or their line manager. */
export type ResultsViewer =
  | { kind: 'self'; state: SelfAssessmentState; lead?: Lead; next?: CardAction }
  | { kind: 'manager'; reportName: string; reportAadObjectId: string; managerAadObjectId: string };

/**
 * The results of one attempt: bars and bands per area, the change of band since the person's
 * last attempt on the same statements, the priorities with resources (each resource once,
 * three at first sight), own-skills signposting. The person gets the actions to share, export
 * and retake (or, with a retake under way, to carry on with it); `next` comes first when a
 * lead asks them to do something elsewhere. A line manager gets bands and priorities only: no
 * answers, no exact scores (a bar there shows the band), and nothing of the person's own
 * literacy and numeracy, which is theirs alone.
 */
export function resultsCard(language: Language, content: SelfAssessmentContent, result: AssessmentResult, viewer: ResultsViewer): AdaptiveCardJson {
  const s = strings(language).selfAssessment;
  const c = strings(language).selfAssessmentCards;
  const forManager = viewer.kind === 'manager';
  const earlier = viewer.kind === 'self' ? viewer.state.results.slice(0, viewer.state.results.findIndex((r) => r.id === result.id)) : [];
  // Compared only with the same statements: after a change of role the areas mean other things.
  const previous = earlier.filter((r) => r.trackId === result.trackId).at(-1);
  const scaleLabel = (band: number | null) => (band === null ? s.notRated : (content.scale[band - 1]?.label[language] ?? s.notRated));
  const track = content.track(result.trackId);
  const shown = result.areas.filter((a) => content.isArea(a.area) && !(forManager && a.area === ownSkillsAreaId));
  const ownNeed = ownSkillsNeedSupport(
    result.areas.find((a) => a.area === ownSkillsAreaId),
    ownSkillsAnswers(content, result),
  );
  const open = viewer.kind === 'self' ? viewer.state.current : undefined;
  const data: SelfAssessmentResultsCardData = {
    lead: viewer.kind === 'self' ? (viewer.lead?.text ?? '') : '',
    leadTone: viewer.kind === 'self' ? (viewer.lead?.tone ?? 'good') : 'good',
    title: forManager ? fill(s.sharedTitle, { name: shownName(viewer.reportName, s.someone) }) : s.resultsTitle,
    intro: forManager ? s.sharedIntro : open ? underWay(language, content, open) : '',
    completedOn: fill(s.completedOn, { date: readableInstant(result.completedAt, language), track: track?.name[language] ?? '' }),
    comparedWith: previous && !forManager ? fill(s.comparedWith, { date: readableInstant(previous.completedAt, language) }) : '',
    areas: shown.map((a) => {
      const before = forManager ? undefined : previous?.areas.find((p) => p.area === a.area);
      const change = forManager ? undefined : compareArea(before, a);
      return {
        name: content.area(a.area as AreaId).name[language],
        bandLabel: scaleLabel(a.band),
        score: forManager ? (a.band === null ? null : a.band * 25) : a.score,
        change,
        // The change said against the band it moved from, so words and marker always agree.
        changeLabel: change ? fill(s.change[change], { band: scaleLabel(before?.band ?? null) }) : '',
      };
    }),
    priorities: planResources(content, content.knownAreas(result.priorities), result.trackId, language).map((p, i) => {
      const area = content.area(p.area).name[language];
      return {
        // The area's name after a colon, never mid-sentence: names begin with a capital.
        heading: fill(c.priorityHeading, { n: String(i + 1), area }),
        resources: p.shown.map((r) => resourceView(r, language)),
        more: p.more.map((r) => resourceView(r, language)),
        // Named by the priority's number, not its area: a long area name clipped the button and hid the count.
        moreTitle: p.more.length > 0 ? fill(c.moreResources, { n: String(i + 1), count: String(p.more.length) }) : '',
        lessTitle: p.more.length > 0 ? fill(c.fewerResources, { n: String(i + 1) }) : '',
        coveredAbove: p.coveredAbove,
      };
    }),
    ownSkills: !forManager && ownNeed ? recommend(content, ownSkillsAreaId, result.trackId, language).map((r) => resourceView(r, language)) : [],
  };
  if (forManager) {
    return renderSelfAssessmentResultsCard(language, { ...data, refresh: sharedRefresh(viewer.reportAadObjectId, viewer.managerAadObjectId) });
  }
  const shared = viewer.state.shared;
  // A share is of one result: after a retake the earlier summary stays shared until this one replaces it.
  const sharedThis = shared?.resultId === result.id;
  const actions: CardAction[] = [
    ...(viewer.next ? [viewer.next] : []),
    sharedThis
      ? { title: s.unshare, verb: Verbs.unshareSelfAssessment, data: {} }
      : { title: shared ? s.shareThisOne : s.share, verb: Verbs.shareSelfAssessment, data: { resultId: result.id } },
    { title: s.export, verb: Verbs.exportSelfAssessment, data: { resultId: result.id } },
    saveToMyLearning(language, result.priorities),
    open ? { title: c.carryOn, verb: Verbs.startSelfAssessment, data: {} } : { title: s.retake, verb: Verbs.retakeSelfAssessment, data: {} },
  ];
  const sharing = shared ? fill(sharedThis ? s.sharedOn : s.sharedEarlier, { date: readableInstant(shared.sharedAt, language) }) : '';
  return renderSelfAssessmentResultsCard(language, { ...data, sharing, actions });
}

/** That a retake is under way and how far it has gone, above the last results. */
function underWay(language: Language, content: SelfAssessmentContent, attempt: Attempt): string {
  const areas = content.areasFor(attempt.trackId);
  const done = content.knownAreas(attempt.doneAreas).filter((a) => areas.includes(a)).length;
  return fill(strings(language).selfAssessmentCards.newUnderWay, { done: String(done), total: String(areas.length) });
}

/**
 * Asked before a retake: a new attempt starts from the first area, and the last results stay
 * (they can be opened while it is under way, and the new ones are compared with them).
 */
export function retakeConfirmCard(language: Language, last: AssessmentResult): AdaptiveCardJson {
  const c = strings(language).selfAssessmentCards;
  return renderNoticeCard(language, {
    title: c.retakeTitle,
    text: fill(c.retakeText, { date: readableInstant(last.completedAt, language) }),
    actions: [
      { title: c.retakeStart, verb: Verbs.beginSelfAssessment, data: {} },
      { title: c.backToResults, verb: Verbs.showSelfAssessmentResults, data: {} },
    ],
  });
}

/**
 * What lands in the manager's chat when a summary is shared: who shared it and a way to open
 * it, nothing more. The summary itself is drawn only when they open (or Teams refreshes) the
 * card, after checking it is still shared with them, so a withdrawn share leaves nothing
 * behind in a stored, forwarded or exported message.
 */
export function sharedNoticeCard(language: Language, reportName: string, reportAadObjectId: string, managerAadObjectId: string): AdaptiveCardJson {
  const s = strings(language).selfAssessment;
  const refresh = sharedRefresh(reportAadObjectId, managerAadObjectId);
  const card = renderNoticeCard(language, {
    title: fill(s.sharedTitle, { name: shownName(reportName, s.someone) }),
    text: s.sharedIntro,
    actions: [{ title: s.openSummary, verb: refresh.verb, data: refresh.data }],
  });
  return withRefresh(card, { ...refresh, title: s.refresh });
}

/**
 * A shared summary redraws itself from the store whenever the manager looks at it, so
 * withdrawing a share takes it out of their chat too. Teams names users for refresh as
 * `8:orgid:<Entra object id>`.
 */
function sharedRefresh(reportAadObjectId: string, managerAadObjectId: string) {
  return {
    verb: Verbs.viewSharedSelfAssessment,
    data: { reportId: reportAadObjectId },
    userIds: [`8:orgid:${managerAadObjectId}`],
  };
}

/** What a manager sees once a summary is no longer shared with them: nothing of it. */
export function withdrawnCard(language: Language, reportAadObjectId: string, managerAadObjectId: string): AdaptiveCardJson {
  const s = strings(language).selfAssessment;
  const card = renderNoticeCard(language, { title: s.withdrawnTitle, text: s.withdrawnText });
  // Still refreshing: if the person shares again, the same card shows it.
  return withRefresh(card, { ...sharedRefresh(reportAadObjectId, managerAadObjectId), title: s.refresh });
}
