import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { RunningBot } from '../bot/start-bot';
import { userKey } from '../bot/users/user-record';
import { actionsOf } from '../test/support/card-actions';
import { choiceInputs } from '../test/support/card-inputs';
import type { Card } from '../test/support/cards-in';
import { RecordingConnector } from '../test/support/recording-connector';
import { runTryout, tryoutMain, type Walk } from './tryout-walk';

/*
 * A walk through the staff cards as a support worker who is also a line manager meets them in
 * the Agents Playground, in English and then in Welsh: her appraisal (editing an objective),
 * her team (progress bars per report), her self-assessment results (more resources, fewer),
 * and the notices that someone names her as their line manager (Accept, Decline). Saves a
 * screenshot and the text of every card. Not a test: a step that fails is written down (with
 * its screenshot) and the walk goes on.
 *   npx tsc -p tsconfig.json --outDir dist && cp -r data dist/ && node dist/scripts/tryout-staff.js [shots folder]
 * The other people (her reports) act by posting to the bot directly, as Teams would for them;
 * what the bot sends them goes to a local recording connector. Cefnogi runs in local mode on a
 * temporary data folder, on a clock set to a school-day morning so notices go at once.
 */

const TENANT = '6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f';
/** The Playground's own user in .m365agentsplayground.yml. */
const GWENLLIAN = { aadObjectId: '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6', name: 'Gwenllian Jones' };
/** The other Playground users, as her reports. */
const RHYS = { aadObjectId: '2a3b4c5d-6e7f-4081-92a3-b4c5d6e7f801', name: 'Rhys Morgan' };
const SIONED = { aadObjectId: '3b4c5d6e-7f80-4192-a3b4-c5d6e7f80912', name: 'Sioned Evans' };
const DAFYDD = { aadObjectId: '4c5d6e7f-8091-42a3-b4c5-d6e7f8091a23', name: 'Dafydd Pritchard' };
const MEGAN = { aadObjectId: '5d6e7f80-91a2-43b4-c5d6-e7f8091a2b34', name: 'Megan Llywelyn' };
const IOLO = { aadObjectId: '6e7f8091-a2b3-44c5-d6e7-f8091a2b3c45', name: 'Iolo Parry' };
type Person = typeof GWENLLIAN;

/** Tuesday 1 December 2026, 10:00 in Wales: a school day, so notices are not held back. */
const SCHOOL_MORNING = Date.parse('2026-12-01T10:00:00Z');

const WORDS = {
  en: {
    appraisal: 'my appraisal', team: 'my team', selfAssessment: 'self-assessment', profile: 'profile', results: 'results',
    edit: 'Edit:', save: 'Save changes', cancel: 'Cancel', more: 'More resources', fewer: 'Fewer resources', accept: 'Accept', decline: 'Decline',
    namesYou: 'names you as their line manager',
  },
  cy: {
    appraisal: 'fy arfarniad', team: 'fy nhîm', selfAssessment: 'hunanasesiad', profile: 'proffil', results: 'canlyniadau',
    edit: 'Golygu:', save: "Cadw'r newidiadau", cancel: 'Canslo', more: 'Rhagor o adnoddau', fewer: 'Llai o adnoddau', accept: 'Derbyn', decline: 'Gwrthod',
    namesYou: "wedi eich enwi'n rheolwr llinell",
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

/** Posts activities for people other than the one at the keyboard, as Teams would. */
class OtherPeople {
  constructor(private readonly bot: RunningBot, private readonly serviceUrl: string) {}

  private envelope(who: Person, conversationId: string, serviceUrl: string, extra: Record<string, unknown>): Record<string, unknown> {
    return {
      id: randomUUID(), channelId: 'msteams', serviceUrl, timestamp: new Date().toISOString(), locale: 'en-GB',
      from: { id: `29:${who.aadObjectId}`, aadObjectId: who.aadObjectId, name: who.name },
      recipient: { id: '28:0c3f5e9a-7b2d-4e1f-8a6c-5d4e3f2a1b0c', name: 'Cefnogi' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      ...extra,
    };
  }

  private async post(activity: Record<string, unknown>): Promise<unknown> {
    const res = await fetch(`http://127.0.0.1:${this.bot.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  }

  /** Gwenllian is in the Playground: her own posts use the conversation the Playground gave her, so nothing is redirected. */
  private async whereIs(who: Person): Promise<{ conversationId: string; serviceUrl: string }> {
    if (who !== GWENLLIAN) return { conversationId: `a:personal-${who.aadObjectId}`, serviceUrl: this.serviceUrl };
    const key = userKey({ tenantId: TENANT, aadObjectId: who.aadObjectId });
    const ref = (await this.bot.store.users.read(key, key))?.value.conversation;
    if (!ref) throw new Error('the Playground user has no conversation yet');
    return { conversationId: ref.conversationId, serviceUrl: ref.serviceUrl };
  }

  async say(who: Person, text: string): Promise<void> {
    const at = await this.whereIs(who);
    await this.post(this.envelope(who, at.conversationId, at.serviceUrl, { type: 'message', text, textFormat: 'plain' }));
  }

  /** Presses a card button as `who`; answers the card the bot sent back. */
  async act(who: Person, verb: string, data: Record<string, unknown> = {}): Promise<Card> {
    const at = await this.whereIs(who);
    const answer = (await this.post(
      this.envelope(who, at.conversationId, at.serviceUrl, { type: 'invoke', name: 'adaptiveCard/action', replyToId: randomUUID(), value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }),
    )) as { value?: Card } | undefined;
    if (!answer?.value) throw new Error(`${verb}: no card came back`);
    return answer.value;
  }

  /** A catering assistant who names Gwenllian as line manager (a request she sees). */
  async nameGwenllian(who: Person, roleId = 'catering-2'): Promise<void> {
    await this.say(who, 'help');
    await this.act(who, 'profile.save', { roleId, welshLevelId: 'entry', lineManager: GWENLLIAN.aadObjectId });
  }

  /** A report Gwenllian has accepted, part-way through induction (every `nth` item ticked; with 1, sign-off items too, so they wait for her). */
  async report(who: Person, startDate: string, nth: number): Promise<void> {
    await this.nameGwenllian(who);
    await this.act(GWENLLIAN, 'team.accept', { reportId: who.aadObjectId });
    await this.act(who, 'induction.begin', { startDate, mode: 'new' });
    const items = this.bot.content.inductionItemsFor('facilities', 'new');
    for (const [i, item] of items.entries()) if (i % nth === 0 && (nth === 1 || !item.signOff)) await this.act(who, 'induction.tick', { itemId: item.id, stage: item.stage });
  }

  /** Gwenllian's own profile, two appraisal objectives, meeting dates and a finished self-assessment. */
  async gwenllianHerself(): Promise<void> {
    await this.act(GWENLLIAN, 'profile.save', { roleId: 'teaching-assistant-2', welshLevelId: 'entry' });
    await this.act(GWENLLIAN, 'appraisal.addObjective', {
      objectiveText: 'Lead the Year 3 reading club twice a week and keep a record of the books each child reads',
      objectiveMeasure: 'Every child in the club has read six books by Easter',
      standards: 'pedagogy', keyAreas: '',
    });
    await this.act(GWENLLIAN, 'appraisal.addObjective', { objectiveText: 'Complete the Team Teach training', objectiveMeasure: 'Certificate on file', standards: 'professional-learning', keyAreas: '' });
    await this.act(GWENLLIAN, 'appraisal.setDates', { 'date-planning': '2026-12-15', 'date-mid-year': '2027-03-10', 'date-end-of-year': '2027-07-07' });
    let card = await this.act(GWENLLIAN, 'selfAssessment.begin');
    // Low in two areas so the results card has priorities with more resources than it shows.
    let area = 0;
    while (actionsOf(card, 'selfAssessment.answer').length > 0) {
      const next = actionsOf(card, 'selfAssessment.answer').find((a) => a.data.move === 'next' || a.data.move === 'results')!;
      const answer = area < 2 ? '1' : '3';
      const inputs = Object.fromEntries(choiceInputs(card).map((input) => [input.id, answer]));
      card = await this.act(GWENLLIAN, next.verb, { ...next.data, ...inputs });
      area += 1;
    }
  }
}


async function walkIn(walk: Walk, w: Words, lang: 'en' | 'cy', people: OtherPeople): Promise<void> {
  const tag = (name: string) => `${lang}-${name}`;
  await walk.step(tag('profile'), async () => walk.shot(tag('profile'), await walk.send(w.profile)));
  await walk.step(tag('appraisal'), async () => {
    const card = await walk.send(w.appraisal);
    await walk.shot(tag('appraisal'), card);
    await walk.press(card, w.edit);
    await walk.shot(tag('appraisal-edit-open'), card);
    // Emptying the objective must be refused with the rest of what was typed kept.
    const boxes = card.locator('textarea, input[type="text"], input:not([type])');
    await boxes.first().fill('');
    await boxes.nth(1).fill(lang === 'en' ? 'Seven books each by Easter' : 'Saith llyfr yr un erbyn y Pasg');
    await walk.press(card, w.save);
    await walk.shot(tag('appraisal-edit-refused'), card);
    await card.locator('textarea, input[type="text"], input:not([type])').first().fill(lang === 'en' ? 'Lead the Year 3 reading club' : 'Arwain clwb darllen Blwyddyn 3');
    await walk.press(card, w.save);
    await walk.shot(tag('appraisal-edit-saved'), card);
    await walk.press(card, w.edit, 'last');
    await walk.shot(tag('appraisal-edit-second'), card);
    await walk.press(card, w.cancel);
    await walk.shot(tag('appraisal-edit-cancelled'), card);
  });
  await walk.step(tag('team'), async () => walk.shot(tag('team'), await walk.send(w.team)));
  await walk.step(tag('results'), async () => {
    const card = await walk.send(w.selfAssessment);
    await walk.shot(tag('self-assessment'), card);
    if ((await card.locator('.ac-actionSet button').filter({ hasText: w.more }).count()) === 0) await walk.press(card, w.results);
    await walk.shot(tag('results'), card);
    await walk.press(card, w.more);
    await walk.shot(tag('results-more'), card);
    await walk.press(card, w.fewer);
    await walk.shot(tag('results-fewer'), card);
  });
  await walk.step(tag('notice-accept'), async () => {
    await people.nameGwenllian(lang === 'en' ? DAFYDD : IOLO);
    const notice = await walk.arrived(lang === 'en' ? DAFYDD.name : IOLO.name);
    await walk.shot(tag('notice'), notice);
    // The same request waits on my team too, until it is answered.
    await walk.shot(tag('team-with-request'), await walk.send(w.team));
    await walk.press(notice, w.accept);
    await walk.shot(tag('notice-accepted'), notice);
  });
  if (lang === 'en') {
    await walk.step(tag('notice-decline'), async () => {
      await people.nameGwenllian(MEGAN);
      const notice = await walk.arrived(MEGAN.name);
      await walk.shot(tag('notice-2'), notice);
      await walk.press(notice, w.decline);
      await walk.shot(tag('notice-declined'), notice);
    });
  }
  await walk.step(tag('team-after'), async () => walk.shot(tag('team-after'), await walk.send(w.team)));
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? 'tryout-staff-shots');
  const connector = new RecordingConnector();
  const offset = SCHOOL_MORNING - Date.now();
  try {
    const serviceUrl = await connector.start();
    const start = { now: () => new Date(Date.now() + offset), proactiveLoop: true };
    await runTryout(dir, { start }, async (walk, bot) => {
      const people = new OtherPeople(bot, serviceUrl);
      await walk.step('seed', async () => {
        await people.gwenllianHerself();
        await people.report(RHYS, '2026-11-02', 2);
        await people.report(SIONED, '2026-09-01', 1);
      });
      await walkIn(walk, WORDS.en, 'en', people);
      await walk.step('cymraeg', async () => walk.shot('cymraeg', await walk.send('Cymraeg')));
      await walkIn(walk, WORDS.cy, 'cy', people);
    });
  } finally {
    await connector.stop().catch((err: unknown) => process.stderr.write(`[tryout] cleanup: ${String(err)}\n`));
  }
}

if (require.main === module) tryoutMain(main);
