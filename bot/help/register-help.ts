import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderHelpCard } from '../../cards/help-card';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector } from '../app/commands';
import { sendCard } from '../app/replies';
import { turnData } from '../edge/turn-data';

/** `help` / `cymorth`, and the help action: what Cefnogi can do, in the user's language. */
export function registerHelp(app: Application): void {
  app.message(commandSelector('help', 'cymorth'), async (context) => {
    await sendCard(context, renderHelpCard(turnData(context).language()));
  });
  onCardAction(app, Verbs.showHelp, z.object({}), async (context) => renderHelpCard(turnData(context).language()));
}
