import { Verbs } from '../../cards/verbs';
import { enqueueNotice } from '../app/notice-in-both';
import type { Content } from '../content/content';
import { fill, strings } from '../i18n/strings';
import type { Outbox } from '../proactive/outbox-queue';
import { userKey } from '../users/user-record';
import { roleOf, scopeIdOf, scopeName, type RoleScope } from './role-scope';

/**
 * Tells a person, in their own language (the outbox picks it at send time), that they were
 * appointed to or removed from a role, and by whom. The key names the act and its moment,
 * so a retried turn queues one notice and a later appointment a new one.
 */
export async function tellRoleChange(
  outbox: Outbox,
  content: Content,
  change: { act: 'appointed' | 'removed'; tenantId: string; personId: string; scope: RoleScope; byName?: string },
  now: Date,
): Promise<void> {
  const role = roleOf(change.scope);
  const recipient = userKey({ tenantId: change.tenantId, aadObjectId: change.personId });
  await enqueueNotice(outbox, {
    key: `roles:${change.act}:${role}:${scopeIdOf(change.scope)}:${recipient}:${now.toISOString()}`,
    recipient,
    notBefore: now,
    card: (language) => {
      const s = strings(language).roles;
      const values = { by: change.byName ?? s.someone, scope: scopeName(content, change.scope, language) };
      return change.act === 'appointed'
        ? { title: s.notices.appointedTitle, text: fill(s.notices.appointed[role], values), actions: [{ title: strings(language).help.adminButton, verb: Verbs.showAdminHelp, data: {} }, { title: s.notices.open, verb: Verbs.showRoles, data: {} }] }
        : { title: s.notices.removedTitle, text: fill(s.notices.removed[role], values) };
    },
  });
}
