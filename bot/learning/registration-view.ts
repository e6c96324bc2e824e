import { renderLearningGuideCard } from '../../cards/learning-guide-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { Verbs } from '../../cards/verbs';
import { fill, strings } from '../i18n/strings';
import type { Language, Profile } from '../users/user-record';
import { learningContent } from './learning-content';
import type { RegistrationOutcome } from './registration-rules';

/** What the registration card shows: the answers as given, and what they mean or what is missing. */
export interface RegistrationView {
  answers?: Record<string, string | undefined>;
  outcome?: RegistrationOutcome;
  unanswered?: string[];
  /** Said at the top instead of an outcome (reminders switched). */
  note?: string;
  reminders: boolean;
  profile: Profile | undefined;
}

/**
 * `registration` / `cofrestru`: the school learning support worker test as yes/no questions,
 * the law and the fee as sourced, dated facts, and what the profile holds. Shown to every job
 * family, since the test is about the work, not the title.
 */
export function registrationCard(language: Language, view: RegistrationView): AdaptiveCardJson {
  const s = strings(language).registration;
  const l = strings(language).learningProfile;
  const { ewc } = learningContent;
  const source = (text: string) => fill(s.source, { source: text });
  const lead = view.unanswered?.length ? s.answerEach : view.outcome === 'must-register' ? s.mustRegister : view.outcome === 'check-with-head' ? s.checkWithHead : (view.note ?? '');
  const registered = view.profile?.ewcRegistered;
  return renderLearningGuideCard(language, {
    lead,
    leadTone: view.unanswered?.length ? 'attention' : view.outcome === 'must-register' ? 'good' : 'default',
    title: s.title,
    intro: s.intro,
    questionsTitle: s.questionsTitle,
    questions: ewc.questions.map((q) => {
      const value = view.answers?.[q.id];
      return { id: q.id, label: q.text[language], value: value === 'yes' || value === 'no' ? value : '', error: view.unanswered?.includes(q.id) ? s.unanswered : '' };
    }),
    yes: l.yes,
    no: l.no,
    sections: [
      { heading: s.lawTitle, facts: ewc.law.map((f) => ({ text: f.text[language], source: source(f.source) })) },
      { heading: s.feesTitle, facts: ewc.fees.map((f) => ({ text: fill(s.asOf, { year: f.asOf, text: f.text[language], source: f.source }), source: '' })) },
      {
        heading: s.yourProfile,
        facts: [
          { text: fill(s.ewcNumber, { number: view.profile?.ewcNumber ?? s.notSet }) },
          { text: fill(s.registered, { answer: registered === undefined ? s.notSet : registered ? l.yes : l.no }) },
        ],
      },
    ],
    actions: [
      { title: s.answer, verb: Verbs.answerRegistration, inputs: 'auto', data: {} },
      { title: view.reminders ? s.remindersOff : s.remindersOn, verb: Verbs.setLearningReminders, inputs: 'none', data: { on: !view.reminders } },
      { title: s.updateProfile, verb: Verbs.editProfile, inputs: 'none', data: {} },
      { title: strings(language).common.help, verb: Verbs.showHelp, inputs: 'none', data: {} },
    ],
  });
}
