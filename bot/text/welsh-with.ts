/**
 * "with/to" before a name in Welsh: `â` before a consonant, `ag` before a vowel (Welsh
 * counts `w` and `y` as vowels), so "ag Ysgol y Castell" and "â Chaerdydd"-style phrases
 * read as a Welsh speaker writes them. (The aspirate mutation after `â` is not applied to
 * names: a school's name stays as registered.)
 */
export function welshWith(name: string): string {
  return /^[aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ]/i.test(name.trim()) ? `ag ${name}` : `â ${name}`;
}
