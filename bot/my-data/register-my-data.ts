import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderMyDataCard } from '../../cards/my-data-card';
import { renderMyDataDeleteCard } from '../../cards/my-data-delete-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { strings } from '../i18n/strings';
import type { Scheduler } from '../proactive/scheduler-service';
import { releaseDownloadLock, takeDownloadLock } from './download-lock';
import { scheduleErasure } from './erase-personal-data';
import { scheduleDownload } from './download-job';
import { myDataNotice } from './my-data-views';
import { subjectOf } from './personal-data-subject';

/** How long a delete confirmation card can be used: after that it changes nothing. */
export const CONFIRMATION_LIFETIME_MS = 15 * 60_000;

const personal = { personalOnly: true };

/** What the delete confirmation sends back; checked against the person acting. */
const deleteInput = z.object({ subject: z.string().min(1).max(100), asked: z.string().datetime() });

/**
 * `my data` / `fy nata`: the privacy notice, the download of everything held about the
 * person (a durable job sends a summary card and a JSON file through Teams' file consent), and the deletion
 * (a confirmation, then a durable job). Identity always comes from the activity.
 */
export function registerMyData(app: Application, deps: FeatureDeps, scheduler: Scheduler): void {
  app.message(commandSelector('my data', 'fy nata', 'my-data', 'fy-nata'), async (context) => sendPersonalCard(context, () => renderMyDataCard(turnData(context).language(), {})));

  onCardAction(app, Verbs.showMyData, z.object({ kept: z.boolean().optional() }), async (context, input) => {
    const language = turnData(context).language();
    return renderMyDataCard(language, input.kept ? { lead: strings(language).myData.kept } : {});
  }, personal);

  // The button answers at once; a durable job gathers everything and sends the summary and the file.
  onCardAction(app, Verbs.downloadMyData, z.object({}), async (context) => {
    const { identity, session, language } = turnData(context);
    const lang = language();
    const person = subjectOf(identity, session.user);
    if (!(await takeDownloadLock(deps.store, person, deps.now()))) return myDataNotice(lang, strings(lang).myData.alreadyPreparing);
    try {
      await scheduleDownload(scheduler, person, deps.now());
    } catch (err) {
      // No job was made: let the next press try again rather than be told a file is coming.
      await releaseDownloadLock(deps.store, person);
      throw err;
    }
    return myDataNotice(lang, strings(lang).myData.preparing);
  }, personal);

  onCardAction(app, Verbs.askDeleteMyData, z.object({}), async (context) => {
    const { identity, language } = turnData(context);
    return renderMyDataDeleteCard(language(), { subject: identity.aadObjectId.toLowerCase(), asked: deps.now().toISOString() });
  }, personal);

  onCardAction(app, Verbs.deleteMyData, deleteInput, async (context, input) => {
    const { identity, session, language } = turnData(context);
    const lang = language();
    const s = strings(lang).myData;
    if (input.subject.toLowerCase() !== identity.aadObjectId.toLowerCase()) return myDataNotice(lang, s.notYours, 'attention');
    const age = deps.now().getTime() - Date.parse(input.asked);
    if (age < -60_000 || age > CONFIRMATION_LIFETIME_MS) return myDataNotice(lang, s.staleConfirm, 'attention');
    const outcome = await scheduleErasure(scheduler, subjectOf(identity, session.user), input.asked, deps.now());
    if (outcome === 'already') return myDataNotice(lang, s.staleConfirm, 'attention');
    return myDataNotice(lang, s.deleteStarted);
  }, personal);
}
