import type { Application } from '@microsoft/teams-ai';
import type { FeatureDeps } from '../app/feature-deps';
import { answerQuery } from './answer-query';
import { answerSelectItem } from './answer-select-item';
import { answerShareFetch, answerShareSubmit } from './answer-share';
import { isExtensionInvoke } from './invoke-answer';
import { SEARCH_COMMAND, SHARE_COMMAND } from './message-extension-commands';
import type { PlcSharing } from './plc-sharing-port';
import type { Outbox } from '../proactive/outbox-queue';
import { registerLibraryToLearning } from './register-library-to-learning';

/** What the message extension needs: content (the curated library), the clock, the outbox, and the PLCs when they exist. */
export interface MessageExtensionDeps extends Pick<FeatureDeps, 'content' | 'now'> {
  /** "Save to my learning" on a library card sends the entry's start to the presser's own chat through it. */
  outbox: Outbox;
  /** Without it, search covers the curated library only and the share action says there are no PLCs yet. */
  plcSharing?: PlcSharing;
}

/**
 * The message extension: "PLC resources" (search as you type, then pick a result into any
 * chat) and "Share to a PLC" (a form opened from a message or the compose box). Invokes are
 * matched by name and command id, so other invokes pass to the routes after these. The
 * library's cards carry "Save to my learning" (`library.toLearning`), routed here too.
 */
export function registerMessageExtension(app: Application, deps: MessageExtensionDeps): void {
  const library = deps.content.selfAssessment.resources;
  app.addRoute(
    async (context) => isExtensionInvoke(context, 'composeExtension/query', SEARCH_COMMAND),
    async (context) => answerQuery(context, library, deps.plcSharing),
    true,
  );
  app.addRoute(
    async (context) => isExtensionInvoke(context, 'composeExtension/selectItem'),
    async (context) => answerSelectItem(context, library, deps.plcSharing),
    true,
  );
  app.addRoute(
    async (context) => isExtensionInvoke(context, 'composeExtension/fetchTask', SHARE_COMMAND),
    async (context) => answerShareFetch(context, deps.plcSharing),
    true,
  );
  app.addRoute(
    async (context) => isExtensionInvoke(context, 'composeExtension/submitAction', SHARE_COMMAND),
    async (context) => answerShareSubmit(context, deps.plcSharing, deps.now),
    true,
  );
  registerLibraryToLearning(app, library, deps.outbox, deps.now);
}
