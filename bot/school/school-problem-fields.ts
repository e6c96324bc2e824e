import type { SchoolDraft, SchoolField, SchoolSection } from '../../cards/school-admin-card';
import { NAME_MAX_LENGTH } from '../text/clean-typed-text';
import { isRealDate } from '../time/london-date';
import { MAX_TITLE, MAX_WHAT, type SchoolProblem } from './school-rules';

const missingOrLong = (draft: SchoolDraft, fields: SchoolField[], max: number) => {
  const wrong = fields.filter((f) => {
    const value = (draft[f] ?? '').trim();
    return value === '' || value.length > max;
  });
  return wrong.length > 0 ? wrong : fields;
};

/**
 * The field a refused save is marked at, so the message sits next to what needs putting
 * right; none when the problem is with the part as a whole (too many entries, nothing to save).
 */
export function problemField(problem: SchoolProblem, section: SchoolSection, draft: SchoolDraft): SchoolField | undefined {
  switch (problem) {
    case 'nameTooLong':
      return (draft.dspName ?? '').trim().length > NAME_MAX_LENGTH ? 'dspName' : 'alncoName';
    case 'titleRequired':
      return missingOrLong(draft, section === 'links' ? ['linkTitleCy', 'linkTitleEn'] : ['titleCy', 'titleEn'], MAX_TITLE)[0];
    case 'whatRequired':
      return missingOrLong(draft, ['whatCy', 'whatEn'], MAX_WHAT)[0];
    case 'dayOffsetInvalid':
      return 'dayOffset';
    case 'stageInvalid':
      return 'stage';
    case 'urlInvalid':
      return 'url';
    case 'monthInvalid':
      return 'cycleStartMonth';
    case 'holidayInvalid':
      return isRealDate((draft.holidayFrom ?? '').trim().slice(0, 10)) ? 'holidayTo' : 'holidayFrom';
    case 'unknown':
    case 'chooseToRemove':
      return section === 'items' ? 'removeItems' : section === 'links' ? 'removeLinks' : section === 'holidays' ? 'removeHolidays' : undefined;
    default:
      return undefined;
  }
}
