import { z } from 'zod';
import template from './induction-complete-card.json';
import { expandCard, type AdaptiveCardJson } from './card-kit';
import { strings } from '../bot/i18n/strings';
import { Verbs } from './verbs';
import type { Language } from '../bot/users/user-record';

export const inductionCompleteCardDataSchema = z.object({
  priorities: z.array(z.string().min(1).max(200)).max(5),
  /** The stage to go back to, to look over what was done. */
  lastStage: z.string().min(1).max(40),
  /** The step after induction: start the self-assessment, carry it on, or see its results when it is done. */
  nextStep: z
    .object({ text: z.string().min(1).max(300), title: z.string().min(1).max(100), verb: z.enum([Verbs.startSelfAssessment, Verbs.showSelfAssessmentResults]) })
    .optional(),
});
export type InductionCompleteCardData = z.infer<typeof inductionCompleteCardDataSchema>;

/** The end of induction: well done, the priorities noted on the way, and the self-assessment step that fits. */
export function renderInductionCompleteCard(language: Language, data: InductionCompleteCardData): AdaptiveCardJson {
  const d = inductionCompleteCardDataSchema.parse(data);
  const s = strings(language);
  const nextStep = d.nextStep ?? { text: s.induction.nextStep, title: s.common.startSelfAssessment, verb: Verbs.startSelfAssessment };
  return expandCard(template, language, { ...d, nextStep });
}
