import { fill } from './strings';

/** A noun's forms after a number, from the string files: `one` for exactly 1, `other` (holding `{count}`) for every other count. */
export interface CountForms {
  one: string;
  other: string;
}

/**
 * A count with its noun as a reader says it: "1 person" and "3 people"; "1 person" and
 * "3 o bobl". Two forms serve both languages as Cefnogi writes them: English has only one
 * and other, and Welsh, whose numerals take the singular noun with a mutation that depends
 * on the number ("2 berson", "3 pherson"), reads naturally for every count but 1 as "o" and
 * the plural ("3 o bobl", "31,000 o bobl"), as the glossary's style has it.
 */
export function countOf(count: number, forms: CountForms): string {
  return count === 1 ? forms.one : fill(forms.other, { count: String(count) });
}
