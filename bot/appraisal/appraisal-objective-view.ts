import { keyAreaName } from '../content/key-areas';
import { renderAppraisalObjectiveCard } from '../../cards/appraisal-objective-card';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { fill, strings } from '../i18n/strings';
import { inertMarkdown as inert } from '../text/inert-markdown';
import { shortenTypedText as shorten } from '../text/shorten-typed-text';
import type { Language } from '../users/user-record';
import { KEY_AREA_IDS, STANDARD_IDS, type Objective } from './appraisal-state';
import { carriedInputs, objectiveFieldProblems, type AppraisalTyped, type TypedObjective } from './appraisal-typed';
import { agreedAsLine, NAMED_IN_BUTTON } from './appraisal-objective-lines';

/** What the edit card shows in its fields and above them. */
export interface ObjectiveEdit {
  /** As typed when a save came back refused; else the objective as stored. */
  typed?: TypedObjective;
  /** The reason a save was refused, said at the top; with `objective-text` the empty field is marked too. */
  lead?: string;
  marked?: boolean;
}

/**
 * The edit card of one objective. `carried` is what the appraisal card held when it was
 * opened (the half-typed new objective, the dates), sent back by its buttons so nothing
 * typed there is lost on the way.
 */
export function objectiveEditCard(language: Language, obj: Objective, carried: AppraisalTyped, edit: ObjectiveEdit = {}): AdaptiveCardJson {
  const s = strings(language).appraisal;
  const shown = edit.typed ?? { text: obj.text, measure: obj.measure, standards: obj.standards, keyAreas: obj.keyAreas };
  const marks = edit.marked ? objectiveFieldProblems(shown) : { text: false, measure: false };
  const named = shorten(obj.text, NAMED_IN_BUTTON);
  return renderAppraisalObjectiveCard(language, {
    lead: edit.lead ?? '',
    title: fill(s.editTitle, { objective: inert(named) }),
    agreedAsText: agreedAsLine(language, obj),
    objectiveId: obj.id,
    text: shown.text ?? '',
    measure: shown.measure ?? '',
    standards: shown.standards.join(','),
    keyAreas: shown.keyAreas.join(','),
    textError: marks.text ? s.objectiveMissing : '',
    measureError: marks.measure ? s.measureMissing : '',
    // The form's only save button: the heading names the objective, and a long name clipped the button.
    saveTitle: s.saveObjective,
    standardChoices: STANDARD_IDS.map((id) => ({ title: s.standards[id], value: id })),
    keyAreaChoices: KEY_AREA_IDS.map((id) => ({ title: keyAreaName(id, language), value: id })),
    carried: carriedInputs(carried),
  });
}
