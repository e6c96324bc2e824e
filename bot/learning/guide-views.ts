import { renderLearningGuideCard, GUIDE_FACTS } from '../../cards/learning-guide-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { progressBar } from '../../cards/tone-kit';
import { Verbs } from '../../cards/verbs';
import type { Content } from '../content/content';
import type { SourcedFact } from '../content/learning-content-schemas';
import { fill, strings } from '../i18n/strings';
import type { Language, UserRecord } from '../users/user-record';
import { learningContent } from './learning-content';

type Lead = { text: string; tone: 'good' | 'attention' | 'default' };

const factsOf = (language: Language, facts: readonly SourcedFact[]) =>
  facts.slice(0, GUIDE_FACTS).map((f) => ({ text: f.text[language], source: fill(strings(language).registration.source, { source: f.source }) }));

const back = (language: Language) => ({ title: strings(language).common.help, verb: Verbs.showHelp, inputs: 'none' as const, data: {} });

/**
 * Welsh-language learning: the offers that fit the person's Welsh level (all of them until a
 * level is set), each fact with its source, and links to the sites' home pages only.
 */
export function welshLearningCard(language: Language, content: Content, user: Readonly<UserRecord>): AdaptiveCardJson {
  const s = strings(language).guides;
  const level = user.profile?.welshLevelId;
  const offers = learningContent.welshLearning.offers.filter((o) => !level || o.forLevels.includes(level));
  const levelName = level ? content.welshLevel(level)?.[language] : undefined;
  const intro = !levelName ? s.welshNoLevel : offers.length === 0 ? fill(s.welshNone, { level: levelName }) : fill(s.welshFor, { level: levelName });
  const links = [...new Map(offers.map((o) => [o.site[language], o.name[language]])).entries()].map(([url, title]) => ({ title: fill(s.visit, { site: new URL(url).hostname }), url, name: title }));
  return renderLearningGuideCard(language, {
    title: s.welshTitle,
    intro,
    sections: offers.map((o) => ({ heading: o.name[language], facts: factsOf(language, o.facts) })),
    yes: strings(language).learningProfile.yes,
    no: strings(language).learningProfile.no,
    linksTitle: links.length ? s.linksTitle : '',
    links: links.map(({ title, url }) => ({ title, url })),
    actions: [{ title: strings(language).registration.updateProfile, verb: Verbs.editProfile, inputs: 'none', data: {} }, back(language)],
  });
}

/**
 * `my pathway`: for the person's NJC profile and level, what their level and the next ones add
 * and the learning the sources associate with each level, their own latest self-assessment
 * priorities, and HLTA status. Roles the sources do not describe level by level get a pointer.
 */
export function pathwayCard(language: Language, content: Content, user: Readonly<UserRecord>): AdaptiveCardJson {
  const s = strings(language).guides;
  const role = user.profile ? content.role(user.profile.roleId) : undefined;
  const described = role && learningContent.pathways.roles.find((r) => r.roleId === role.roleId);
  const current = role?.level ?? 0;
  const levels = described ? described.levels.filter((l) => l.level >= current).slice(0, 3) : [];
  const sections = levels.map((l) => ({
    heading: fill(l.level === current ? s.levelNow : s.levelNext, { level: String(l.level) }),
    facts: factsOf(language, [l.adds, ...(l.learning ? [l.learning] : [])]),
  }));
  const latest = user.selfAssessment?.results.at(-1);
  const priorities = latest ? content.selfAssessment.knownAreas(latest.priorities).map((a) => content.selfAssessment.area(a).name[language]) : [];
  if (priorities.length > 0) sections.push({ heading: s.priorities, facts: [{ text: priorities.join('; '), source: s.prioritiesSource }] });
  if (sections.length < 4 && (!described || levels.length === 0)) sections.unshift({ heading: s.profilesTitle, facts: factsOf(language, [learningContent.pathways.elsewhere]) });
  return renderLearningGuideCard(language, {
    title: s.pathwayTitle,
    intro: role ? fill(s.pathwayFor, { role: role.name[language] }) : s.pathwayNoRole,
    sections: sections.slice(0, 4),
    yes: strings(language).learningProfile.yes,
    no: strings(language).learningProfile.no,
    actions: [
      { title: s.hltaTitle, verb: Verbs.showHlta, inputs: 'none', data: {} },
      { title: strings(language).learning.logTitle, verb: Verbs.showLearning, inputs: 'none', data: { page: 0 } },
      { title: strings(language).registration.updateProfile, verb: Verbs.editProfile, inputs: 'none', data: {} },
      back(language),
    ],
  });
}

/** HLTA status: what it is, who it is for, entry requirements and route, and the readiness checklist as the person keeps it. */
export function hltaCard(language: Language, ticked: readonly string[], lead?: Lead): AdaptiveCardJson {
  const s = strings(language).guides;
  const { hlta } = learningContent;
  const done = hlta.checklist.filter((c) => ticked.includes(c.id)).length;
  return renderLearningGuideCard(language, {
    lead: lead?.text ?? '',
    leadTone: lead?.tone ?? 'default',
    title: s.hltaTitle,
    sections: [
      { heading: s.hltaAbout, facts: factsOf(language, hlta.about) },
      { heading: s.hltaWho, facts: factsOf(language, hlta.whoFor) },
      { heading: s.hltaRequirements, facts: factsOf(language, hlta.requirements) },
      { heading: s.hltaRoute, facts: factsOf(language, hlta.route) },
    ],
    yes: strings(language).learningProfile.yes,
    no: strings(language).learningProfile.no,
    checklistTitle: fill(s.checklistTitle, { bar: progressBar(done, hlta.checklist.length), done: String(done), total: String(hlta.checklist.length) }),
    checklist: hlta.checklist.map((c) => ({ id: `hlta-${c.id}`, title: c.text[language], value: ticked.includes(c.id) ? 'true' : 'false' })),
    actions: [
      { title: s.saveChecklist, verb: Verbs.saveHltaChecklist, inputs: 'auto', data: {} },
      { title: s.pathwayTitle, verb: Verbs.showPathway, inputs: 'none', data: {} },
      back(language),
    ],
  });
}
