import en from '../../bot/i18n/en.json';
import cy from '../../bot/i18n/cy.json';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Every leaf of a strings object, as path → value. */
function leaves(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      for (const [p, leaf] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, leaf);
    }
  } else out.set(prefix, node);
  return out;
}

describe('Welsh and English strings', () => {
  const enLeaves = leaves(en);
  const cyLeaves = leaves(cy);

  it('when the two files are compared, then every string exists in both, non-empty', () => {
    expect([...cyLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [key, value] of [...enLeaves, ...cyLeaves]) expect([key, typeof value === 'string' && value.trim() !== '']).toEqual([key, true]);
  });

  it('when a string has a {placeholder}, then its translation has the same placeholders', () => {
    for (const [key, value] of enLeaves) {
      const names = (s: unknown) => (String(s).match(/\{\w+\}/g) ?? []).sort();
      expect([key, names(cyLeaves.get(key))]).toEqual([key, names(value)]);
    }
  });

  it('when the Welsh is read, then it is not just the English copied (beyond names and commands)', () => {
    const same = [...enLeaves].filter(([k, v]) => cyLeaves.get(k) === v).map(([k]) => k);
    // The language commands are the languages' own names, the same in both files, wherever they sit in the list.
    const languageCommands = en.help.commands.flatMap((c, i) => (c.command === 'Cymraeg' || c.command === 'English' ? [`help.commands.${i}.command`] : []));
    // "1 person" is Welsh as well as English: Welsh takes the singular noun after a number. "{name}: {people}" holds only its counted noun.
    const allowed = ['common.appName', 'broadcasts.people.one', 'schoolsRegister.people.one', 'schoolsRegister.unmatchedLine', ...languageCommands];
    expect(same.filter((k) => !allowed.includes(k))).toEqual([]);
  });

  it('when the card templates are read, then no user-facing text is written in them directly', () => {
    const dir = path.join(__dirname, '..', '..', 'cards');
    for (const file of ['welcome-card.json', 'help-card.json', 'team-welcome-card.json', 'notice-card.json', 'profile-form-card.json', 'profile-card.json']) {
      const json = readFileSync(path.join(dir, file), 'utf8');
      const literal = [...json.matchAll(/"(text|title|label|placeholder|errorMessage)":\s*"([^"$][^"]*)"/g)].map((m) => `${file}: ${m[2]}`);
      expect(literal).toEqual([]);
    }
  });
});
