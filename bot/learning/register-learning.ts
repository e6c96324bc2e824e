import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import { isPreconditionFailed } from '../storage/storage-errors';
import { shortenTypedText as shorten } from '../text/shorten-typed-text';
import { londonDate } from '../time/london-date';
import { userKey } from '../users/user-record';
import { LIMITS, type LearningEntry } from './learning-entry';
import { inertMarkdown as inert } from '../text/inert-markdown';
import { entryActionInputSchema, entryFormInputSchema, entryStartInputSchema, learningListInputSchema, type EntryStartInput, type LearningListInput } from './learning-input';
import { learningLog, newestFirst } from './learning-log';
import { checkEntry } from './learning-rules';
import type { LearningReminders } from './learning-reminders';
import { registerRegistration } from './register-registration';
import { registerGuides } from './register-guides';
import { registerLearningExport } from './register-learning-export';
import { registerEvidence } from './register-evidence';
import { entryFormCard, learningLogCard, startedEntry, typedFromEntry, type Lead } from './learning-views';

const personal = { personalOnly: true };
const NO_FILTER: LearningListInput = { filterYear: '', filterArea: '', filterStandard: '', page: 0 };

/**
 * `log learning` / `cofnodi dysgu` and `my learning` / `fy nysgu`: the person's CPD log.
 * Entries live in their own partition of the `learning` container, so an id from card data
 * reaches only the acting person's entries; a refused save writes nothing and comes back
 * with everything typed, marked at the field.
 */
export function registerLearning(app: Application, deps: FeatureDeps, reminders: LearningReminders): void {
  registerRegistration(app, deps, reminders);
  registerGuides(app, deps);
  const log = learningLog(deps.store);
  registerLearningExport(app, deps, log);
  registerEvidence(app, deps, log);
  const owner = (context: TurnContext) => userKey(turnData(context).identity);
  const today = () => londonDate(deps.now());
  const said = (context: TurnContext) => strings(turnData(context).language()).learning;

  /** The person's own objectives this cycle: the only ones an entry can be linked to. */
  const objectives = (context: TurnContext) => turnData(context).session.user.appraisal?.objectives ?? [];
  /** The log card; `known` is the log as this turn already has it (no second query). */
  async function showLog(context: TurnContext, filter: LearningListInput = NO_FILTER, lead?: Lead, known?: LearningEntry[], confirmDelete?: LearningEntry): Promise<AdaptiveCardJson> {
    const language = turnData(context).language();
    const cycleId = turnData(context).session.user.appraisal?.cycleId;
    const named = new Map(objectives(context).map((o) => [o.id, o.text]));
    const linked = (e: LearningEntry) => {
      const text = e.objective && e.objective.cycleId === cycleId ? named.get(e.objective.id) : undefined;
      return text ? fill(strings(language).learning.linkedTo, { objective: inert(shorten(text, 100)) }) : '';
    };
    return learningLogCard(language, known ?? (await log.list(owner(context))), filter, lead, linked, confirmDelete);
  }
  const newForm = (context: TurnContext, start?: EntryStartInput) =>
    entryFormCard(turnData(context).language(), today(), { typed: start ? startedEntry(start, today()) : undefined, objectives: objectives(context) });

  app.message(commandSelector('my learning', 'fy nysgu', 'learning', 'dysgu'), async (context) => sendPersonalCard(context, () => showLog(context)));
  app.message(commandSelector('log learning', 'cofnodi dysgu'), async (context) => sendPersonalCard(context, () => newForm(context)));

  onCardAction(app, Verbs.showLearning, learningListInputSchema, async (context, filter) => showLog(context, filter), personal);
  onCardAction(app, Verbs.newLearning, entryStartInputSchema, async (context, start) => newForm(context, start), personal);

  onCardAction(app, Verbs.editLearning, entryActionInputSchema, async (context, { entryId }) => {
    const stored = await log.read(owner(context), entryId);
    if (!stored) return showLog(context, NO_FILTER, { text: said(context).notFound, tone: 'attention' });
    return entryFormCard(turnData(context).language(), today(), { entryId, typed: typedFromEntry(stored.value), objectives: objectives(context) });
  }, personal);

  // Delete asks once more (the same card, the question at the top); only the confirming press deletes.
  onCardAction(app, Verbs.deleteLearning, entryActionInputSchema, async (context, { entryId, page, confirm }) => {
    const s = said(context);
    const stored = await log.read(owner(context), entryId);
    if (!stored) return showLog(context, { ...NO_FILTER, page }, { text: s.notFound, tone: 'attention' });
    if (!confirm) return showLog(context, { ...NO_FILTER, page }, undefined, undefined, stored.value);
    await log.remove(owner(context), entryId);
    return showLog(context, { ...NO_FILTER, page }, { text: fill(s.deleted, { title: shorten(stored.value.title, 60) }), tone: 'good' });
  }, personal);

  onCardAction(app, Verbs.saveLearning, entryFormInputSchema, async (context, input) => {
    const s = said(context);
    const language = turnData(context).language();
    const entryId = input.entryId || undefined;
    const own = objectives(context);
    const refuse = (lead: string, problems = {}) => entryFormCard(language, today(), { entryId, typed: input, problems, lead: { text: lead, tone: 'attention' }, objectives: own });
    const checked = checkEntry(input, today(), own.map((o) => o.id));
    if (!checked.ok) return refuse(s.notSaved, checked.problems);
    const cycleId = turnData(context).session.user.appraisal?.cycleId;
    const fields = { ...checked.fields, objective: input.learningObjective && cycleId ? { cycleId, id: input.learningObjective } : undefined };
    const me = owner(context);
    const done = (title: string, known?: LearningEntry[]) => showLog(context, NO_FILTER, { text: fill(s.saved, { title: shorten(title, 60) }), tone: 'good' }, known);
    if (!entryId) {
      // The log read for the limit is the one the answer shows, with the new entry in its place.
      const before = await log.list(me);
      if (before.length >= LIMITS.entriesPerPerson) return refuse(s.full);
      const added = await log.add(me, fields, deps.now());
      return done(added.title, [added, ...before].sort(newestFirst));
    }
    const stored = await log.read(me, entryId);
    if (!stored) return showLog(context, NO_FILTER, { text: s.notFound, tone: 'attention' });
    try {
      await log.replace(stored, fields, deps.now());
    } catch (err) {
      // Another device saved this entry between our read and write: save again on what is there now.
      if (!isPreconditionFailed(err)) throw err;
      const fresh = await log.read(me, entryId);
      if (!fresh) return showLog(context, NO_FILTER, { text: s.notFound, tone: 'attention' });
      await log.replace(fresh, fields, deps.now());
    }
    return done(checked.fields.title);
  }, personal);
}
