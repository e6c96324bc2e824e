import type { EwcRegistrationFile } from '../content/learning-content-schemas';

/** What Cefnogi says after the questions: never that someone need not register. */
export type RegistrationOutcome = 'must-register' | 'check-with-head';

export type RegistrationCheck = { ok: true; outcome: RegistrationOutcome } | { ok: false; unanswered: string[] };

/**
 * The school learning support worker test from the regulations as yes/no questions. Every
 * answer fitting the definition: the work is the kind that must be registered. Anything else:
 * check with the headteacher, since the employer registers staff by role and decides.
 */
export function checkRegistration(questions: EwcRegistrationFile['questions'], answers: Record<string, string | undefined>): RegistrationCheck {
  const unanswered = questions.filter((q) => answers[q.id] !== 'yes' && answers[q.id] !== 'no').map((q) => q.id);
  if (unanswered.length > 0) return { ok: false, unanswered };
  return { ok: true, outcome: questions.every((q) => answers[q.id] === q.meets) ? 'must-register' : 'check-with-head' };
}
