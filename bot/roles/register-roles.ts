import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { Verbs } from '../../cards/verbs';
import { onCardAction } from '../app/card-actions';
import { commandSelector, sendPersonalCard } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import { schoolIdInput } from '../register/school-id-input';
import type { Actor, RefusalReason } from './admin-guard';
import { appointAdmin } from './appoint-admin';
import { refusalCard } from './refusal-card';
import { removeAdmin } from './remove-admin';
import type { RoleDeps } from './role-deps';
import { storedRoleSchema } from './role-record';
import { scopeName, type RoleScope } from './role-scope';
import { readRoles, rolesCard, type RolesExtras } from './roles-view';
import type { SchoolServices } from './school-services';

const personal = { personalOnly: true };
const pageInput = z.coerce.number().int().min(1).max(10_000).catch(1).default(1);

/**
 * `roles` / `rolau` (any administrator): who holds which administrator role in the reader's
 * scope, with Remove where the rules allow and a form to appoint. Each action re-reads the
 * roles and re-decides on the server; the card's data only says which page and which
 * appointment it means.
 */
export function registerRoles(app: Application, deps: FeatureDeps, outbox: Outbox, schools: SchoolServices): void {
  const roleDeps: RoleDeps = { store: deps.store, schools, outbox, content: deps.content };
  const actor = (context: TurnContext): Actor => ({ identity: turnData(context).identity, name: turnData(context).session.user.name });

  /** The card for the reader, or the refusal (audited) for someone who administers nothing. */
  async function view(context: TurnContext, page: number, extras: RolesExtras = {}, refused?: RefusalReason): Promise<AdaptiveCardJson> {
    const { identity, language } = turnData(context);
    const roles = await readRoles(roleDeps, identity);
    const { held } = roles;
    if (!held.tenant && held.las.length === 0 && held.schools.length === 0) {
      // A refusal the guard already audited is not audited twice.
      if (!refused) await schools.guard.refuse(actor(context), 'roles.show', { kind: 'tenant', id: identity.tenantId.toLowerCase() }, 'not-an-admin', deps.now());
      return refusalCard(language(), refused ?? 'not-an-admin');
    }
    return rolesCard(roleDeps, identity, roles, language(), page, extras);
  }

  app.message(commandSelector('roles', 'rolau'), async (context) => sendPersonalCard(context, () => view(context, 1)));
  onCardAction(app, Verbs.showRoles, z.object({ page: pageInput, schoolId: schoolIdInput.optional() }), async (context, { page, schoolId }) =>
    view(context, page, schoolId ? { school: schoolId } : {}), personal);

  const appointInput = z.object({
    person: z.string().max(200).default(''),
    role: storedRoleSchema.catch('school-admin').default('school-admin'),
    laId: z.string().max(100).default(''),
    school: z.string().max(100).default(''),
    page: pageInput,
  });
  onCardAction(app, Verbs.appointAdmin, appointInput, async (context, input) => {
    const lang = turnData(context).language();
    const s = strings(lang).roles;
    const typed = { person: input.person.slice(0, 100), role: input.role, laId: input.laId.slice(0, 40), school: input.school.slice(0, 80) };
    const outcome = await appointAdmin(roleDeps, actor(context), input, deps.now());
    if (outcome.kind === 'invalid') {
      const error = {
        person: { personError: s.personError },
        la: { laError: s.laError },
        school: { schoolError: s.schoolError },
        'school-no-match': { schoolError: s.schoolNoMatch },
        'school-several': { schoolError: s.schoolSeveral },
      }[outcome.field];
      return view(context, input.page, { ...typed, ...error, lead: s.fixBelow, leadTone: 'attention' });
    }
    if (outcome.kind === 'refused') return view(context, input.page, { ...typed, lead: strings(lang).adminRefusals[outcome.reason], leadTone: 'attention' }, outcome.reason);
    const values = { name: outcome.personName ?? s.unknownName, scope: scopeName(deps.content, outcome.scope, lang) };
    const lead = fill(s[outcome.kind][input.role], values);
    return view(context, input.page, outcome.kind === 'already' ? { ...typed, lead } : { lead });
  }, personal);

  const removeInput = z.object({ role: storedRoleSchema, scopeId: z.string().min(1).max(80), personId: z.string().min(1).max(80), page: pageInput });
  onCardAction(app, Verbs.removeAdmin, removeInput, async (context, input) => {
    const lang = turnData(context).language();
    const s = strings(lang).roles;
    const outcome = await removeAdmin(roleDeps, actor(context), input, deps.now());
    if (outcome.kind === 'refused') return view(context, input.page, { lead: strings(lang).adminRefusals[outcome.reason], leadTone: 'attention' }, outcome.reason);
    if (outcome.kind === 'gone') return view(context, input.page, { lead: s.gone });
    const scope: RoleScope = outcome.scope;
    return view(context, input.page, { lead: fill(s.removed[input.role], { name: outcome.personName ?? s.unknownName, scope: scopeName(deps.content, scope, lang) }) });
  }, personal);
}
