import { renderShareToPlcCard, SHARE_LIMITS } from '../../cards/share-to-plc-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { keyAreas } from '../content/key-areas';
import { strings } from '../i18n/strings';
import { shortenTypedText } from '../text/shorten-typed-text';
import type { Language } from '../users/user-record';
import type { PlcSummary } from './plc-sharing-port';
import type { ShareField } from './share-input-check';

/** What the form holds: prefilled from a message, or what was just submitted. */
export interface ShareFormValues {
  title: string;
  url: string;
  note: string;
  keyAreas: string;
  languages: string;
  plcId: string;
}

/** The PLCs a form lists: a person in more picks from the first fifty, by name. */
const MAX_PLCS = 50;

/**
 * The share form in the reader's language, with what was typed kept (within the fields'
 * limits) and a message under each refused field. With one PLC it is already chosen.
 */
export function shareForm(language: Language, plcs: readonly PlcSummary[], values: ShareFormValues, errors: readonly ShareField[] = [], lead = ''): AdaptiveCardJson {
  const s = strings(language).plcExtension;
  const listed = plcs.filter((p) => p.id.length <= 100).slice(0, MAX_PLCS);
  const collator = new Intl.Collator(language === 'cy' ? 'cy' : 'en-GB');
  const plcChoices = listed.map((p) => ({ title: shortenTypedText(p.name, 200) || p.id, value: p.id })).sort((a, b) => collator.compare(a.title, b.title));
  const plcId = values.plcId !== '' ? values.plcId : listed.length === 1 ? (listed[0]?.id ?? '') : '';
  const message: Record<ShareField, string> = { title: s.errors.title, url: s.errors.url, note: s.errors.note, keyAreas: s.errors.keyAreas, languages: s.errors.languages, plcId: s.errors.plc };
  return renderShareToPlcCard(language, {
    plcChoices,
    keyAreaChoices: keyAreas.map((a) => ({ title: a.name[language], value: a.id })),
    languageChoices: [
      { title: s.languageNames.cy, value: 'cy' },
      { title: s.languageNames.en, value: 'en' },
    ],
    values: {
      title: values.title.slice(0, SHARE_LIMITS.title),
      url: values.url.slice(0, SHARE_LIMITS.url),
      note: values.note.slice(0, SHARE_LIMITS.note),
      keyAreas: values.keyAreas.slice(0, 200),
      languages: values.languages.slice(0, 10),
      plcId: plcId.slice(0, 100),
    },
    errors: Object.fromEntries(errors.map((field) => [field, message[field]])),
    lead: shortenTypedText(lead, 500),
  });
}
