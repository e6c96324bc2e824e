import type { TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod';
import { renderNoticeCard } from '../../cards/notice-card';
import { Verbs } from '../../cards/verbs';
import type { AdaptiveCardJson } from '../../cards/card-kit';
import { onCardAction } from '../app/card-actions';
import { commandSelector } from '../app/commands';
import type { FeatureDeps } from '../app/feature-deps';
import { sendCard } from '../app/replies';
import { turnData } from '../edge/turn-data';
import { fill, strings } from '../i18n/strings';
import type { SchoolServices } from '../roles/school-services';
import { refusalCard } from '../roles/refusal-card';
import { administeredSchoolChooser, administers } from '../school/administered-school-chooser';
import { welshWith } from '../text/welsh-with';
import { schoolIdInput } from './school-id-input';
import { teamSchoolCollection, teamSchoolId } from './team-school';
import { updateDocument } from '../storage/update-document';

/** The team an activity comes from, only from Teams' own channel data (never card data). */
function teamOf(context: TurnContext): string | undefined {
  const team = (context.activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  return context.activity.conversation.conversationType === 'channel' && typeof team === 'string' && team.length > 0 && team.length <= 200 ? team : undefined;
}

/**
 * `link school` / `cysylltu ysgol`, typed in a channel of a team: one of the school's
 * administrators links the team to their school (a channel of an unlinked team belongs to
 * no school). `unlink school` / `datgysylltu ysgol` undoes it, by an administrator of the
 * school it is linked to. The team is always the one the activity comes from.
 */
export function registerTeamSchool(app: Application, deps: FeatureDeps, schools: SchoolServices): void {
  const links = deps.store.collection(teamSchoolCollection);
  const actor = (context: TurnContext) => ({ identity: turnData(context).identity, name: turnData(context).session.user.name });

  async function linkedSchool(context: TurnContext, teamId: string) {
    const { identity } = turnData(context);
    const link = (await links.read(teamSchoolId(teamId), identity.tenantId))?.value;
    return link ? (await schools.register.school(identity.tenantId, link.schoolId))?.value.entry : undefined;
  }

  async function chooser(context: TurnContext, teamId: string, find = '', lead = ''): Promise<AdaptiveCardJson> {
    const { identity, language } = turnData(context);
    const lang = language();
    const s = strings(lang).teamSchool;
    const verdict = await schools.guard.anyRole(actor(context), 'team.link-open', deps.now());
    if (!verdict.ok) return refusalCard(lang, verdict.reason);
    const mine = (await schools.register.catalogue(identity.tenantId)).filter((e) => administers(verdict.target, e));
    const current = await linkedSchool(context, teamId);
    return administeredSchoolChooser(lang, deps, mine.filter((e) => e.id !== current?.id), {
      find,
      verb: Verbs.linkTeamToSchool,
      title: s.title,
      intro: s.intro,
      action: s.linkShort,
      actionFor: s.linkTo,
      named: (name) => (lang === 'cy' ? welshWith(name) : name),
      // Where the team stands is news, not a warning.
      lead: lead || (current ? fill(s.linkedNow, { school: current.name }) : s.notLinked),
      leadTone: 'good',
    });
  }

  function notInTeam(context: TurnContext): AdaptiveCardJson {
    const lang = turnData(context).language();
    const s = strings(lang).teamSchool;
    return renderNoticeCard(lang, { title: s.title, text: s.onlyInTeam });
  }

  app.message(commandSelector('link school', 'cysylltu ysgol', 'link team', 'cysylltu tîm', 'cysylltu tim'), async (context) => {
    const teamId = teamOf(context);
    await sendCard(context, teamId ? await chooser(context, teamId) : notInTeam(context));
  });

  const linkInput = z.object({ schoolId: schoolIdInput.optional(), schoolFind: z.string().max(80).optional() });
  onCardAction(app, Verbs.linkTeamToSchool, linkInput, async (context, input) => {
    const teamId = teamOf(context);
    if (!teamId) return notInTeam(context);
    if (input.schoolId === undefined) return chooser(context, teamId, input.schoolFind?.trim() ?? '');
    const { identity, language } = turnData(context);
    const verdict = await schools.guard.forSchool(actor(context), 'team.link', input.schoolId, deps.now());
    if (!verdict.ok) return refusalCard(language(), verdict.reason);
    // Moving a team from one school to another is the old school's decision as much as the new one's.
    const current = await linkedSchool(context, teamId);
    if (current && current.id !== verdict.target.id) {
      const old = await schools.guard.forSchool(actor(context), 'team.link', current.id, deps.now());
      if (!old.ok) return refusalCard(language(), old.reason);
    }
    const now = deps.now().toISOString();
    const id = teamSchoolId(teamId);
    const doc = { id, pk: identity.tenantId, kind: 'team-school' as const, tenantId: identity.tenantId, teamId, schoolId: verdict.target.id, linkedBy: identity.aadObjectId, linkedAt: now };
    await updateDocument(links, id, identity.tenantId, () => doc);
    await schools.guard.done(actor(context), verdict.role, 'team.link', { kind: 'team', id: teamId.slice(0, 200), label: verdict.target.name }, deps.now(), verdict.target.laId);
    return chooser(context, teamId, '', fill(strings(language()).teamSchool.linked, { school: verdict.target.name }));
  });

  app.message(commandSelector('unlink school', 'datgysylltu ysgol'), async (context) => {
    const teamId = teamOf(context);
    if (!teamId) return sendCard(context, notInTeam(context));
    const { identity, language } = turnData(context);
    const lang = language();
    const s = strings(lang).teamSchool;
    const current = await linkedSchool(context, teamId);
    if (!current) return sendCard(context, renderNoticeCard(lang, { title: s.title, text: s.notLinked }));
    const verdict = await schools.guard.forSchool(actor(context), 'team.unlink', current.id, deps.now());
    if (!verdict.ok) return sendCard(context, refusalCard(lang, verdict.reason));
    await links.delete(teamSchoolId(teamId), identity.tenantId);
    await schools.guard.done(actor(context), verdict.role, 'team.unlink', { kind: 'team', id: teamId.slice(0, 200), label: current.name }, deps.now(), current.laId);
    await sendCard(context, renderNoticeCard(lang, { title: s.title, text: fill(s.unlinked, { school: current.name }) }));
  });
}
