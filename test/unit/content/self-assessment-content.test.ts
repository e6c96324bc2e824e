import { readFileSync } from 'node:fs';
import path from 'node:path';
import { areasAnswered, checkSelfAssessment } from '../../../bot/content/check-self-assessment';
import { rolesFileSchema, type Bilingual, type RolesFile } from '../../../bot/content/content-schemas';
import {
  areaIds,
  keyAreaIds,
  ownSkillsAreaId,
  resourcesFileSchema,
  selfAssessmentFileSchema,
  type ResourcesFile,
  type SelfAssessmentFile,
} from '../../../bot/content/self-assessment-schemas';

const dataDir = path.join(__dirname, '..', '..', '..', 'data');
const readJson = (name: string): unknown => JSON.parse(readFileSync(path.join(dataDir, name), 'utf8'));

const rawFramework = readJson('self-assessment.json');
const rawResources = readJson('resources.json');
const roles: RolesFile = rolesFileSchema.parse(readJson('roles.json'));
const framework: SelfAssessmentFile = selfAssessmentFileSchema.parse(rawFramework);
const resources: ResourcesFile = resourcesFileSchema.parse(rawResources);

const expectedTracks = ['ta-1', 'ta-2', 'ta-3', 'hlta', 'pupil-support', 'wider'];

/** Every choosable role option, as the bot names them: "teaching-assistant-2", or "cover-supervision" for a single-level role. */
const roleOptionIds = roles.families.flatMap((f) => f.roles.flatMap((r) => (r.levels.length === 0 ? [r.id] : r.levels.map((l) => `${r.id}-${l}`))));

/** The track ids a role option belongs to (the content should give exactly one). */
function tracksOf(fw: SelfAssessmentFile, optionId: string): string[] {
  return fw.tracks
    .filter((t) =>
      t.roles.some((r) => (r.levels === undefined ? optionId === r.roleId || optionId.startsWith(`${r.roleId}-`) : r.levels.some((l) => optionId === `${r.roleId}-${l}`))),
    )
    .map((t) => t.id);
}

const statementsFor = (track: string, area: string) => framework.statements.filter((s) => s.area === area && s.tracks.includes(track));
const resourcesFor = (track: string, area: string) =>
  resources.resources.filter((r) => r.areas.includes(area as never) && (r.tracks === undefined || r.tracks.includes(track)));

/** A deep copy to break in one place. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('self-assessment content', () => {
  it('when the shipped files are parsed, then they pass the self-assessment and resources schemas', () => {
    expect(selfAssessmentFileSchema.safeParse(rawFramework).success).toBe(true);
    expect(resourcesFileSchema.safeParse(rawResources).success).toBe(true);
  });

  it('when the shipped files are cross-checked with roles.json, then checkSelfAssessment passes', () => {
    expect(() => checkSelfAssessment(roles, framework, resources)).not.toThrow();
  });

  it('when the tracks are listed, then they are exactly the six agreed tracks', () => {
    expect(framework.tracks.map((t) => t.id)).toEqual(expectedTracks);
  });

  it('when the areas are listed, then the seven key areas come in schema order, then own-skills', () => {
    expect(framework.areas.map((a) => a.id)).toEqual([...areaIds]);
  });

  it.each(roleOptionIds)('when the role option %s is looked up, then it belongs to exactly one track', (option) => {
    expect(tracksOf(framework, option)).toHaveLength(1);
  });

  it.each([
    ['teaching-assistant-2', 'ta-2'],
    ['business-management-1', 'wider'],
    ['teaching-assistant-4', 'hlta'],
    ['early-years-5', 'hlta'],
    ['additional-needs-support-3', 'ta-3'],
    ['cover-supervision', 'ta-3'],
    ['midday-supervision-2', 'pupil-support'],
    ['premises-6', 'wider'],
  ])('when a %s looks for their track, then they land in %s', (option, track) => {
    expect(tracksOf(framework, option)).toEqual([track]);
  });

  it.each(expectedTracks)('when the %s track is answered, then every area it answers has 3 or 4 statements and own-skills has 4', (track) => {
    const answered = areasAnswered(framework, track);
    const expected = track === 'wider' ? ['communication', 'safeguarding', 'multi-agency', 'sharing-information', 'literacy-numeracy'] : [...keyAreaIds];
    expect(answered).toEqual(expected);
    for (const area of answered) {
      const n = statementsFor(track, area).length;
      expect({ area, n, fits: n >= 3 && n <= 4 }).toEqual({ area, n, fits: true });
    }
    expect(statementsFor(track, ownSkillsAreaId)).toHaveLength(4);
  });

  it.each(expectedTracks)('when the %s track looks for resources, then each area it answers has at least 3 suited to it', (track) => {
    for (const area of [...areasAnswered(framework, track), ownSkillsAreaId]) {
      const n = resourcesFor(track, area).length;
      expect({ area, enough: n >= 3 }).toEqual({ area, enough: true });
    }
  });

  it('when the library is counted, then it holds 25 to 35 resources, each with a https link', () => {
    expect(resources.resources.length).toBeGreaterThanOrEqual(25);
    expect(resources.resources.length).toBeLessThanOrEqual(35);
    for (const r of resources.resources) expect(r.link.url.startsWith('https://')).toBe(true);
  });

  it('when a statement is read, then it is written in the first person in both languages', () => {
    for (const s of framework.statements) {
      expect({ id: s.id, en: /\b(I|I'm|me|my)\b/.test(s.text.en) }).toEqual({ id: s.id, en: true });
      expect({ id: s.id, cy: /(Gallaf|Rwy'n|rwy'n|Rwy|wyf|fy |i mi|gallaf|minnau)/.test(s.text.cy) }).toEqual({ id: s.id, cy: true });
    }
  });

  it('when every bilingual text is gathered, then none is empty in either language and no statement simply copies the English', () => {
    const texts: { where: string; text: Bilingual }[] = [
      ...framework.scale.flatMap((p) => [
        { where: `scale ${p.value} label`, text: p.label },
        { where: `scale ${p.value} hint`, text: p.hint },
      ]),
      ...framework.tracks.map((t) => ({ where: `track ${t.id}`, text: t.name })),
      ...framework.areas.flatMap((a) => [
        ...(a.name ? [{ where: `area ${a.id} name`, text: a.name }] : []),
        { where: `area ${a.id} summary`, text: a.summary },
      ]),
      ...framework.statements.map((s) => ({ where: `statement ${s.id}`, text: s.text })),
      ...resources.resources.flatMap((r) => [
        { where: `resource ${r.id} title`, text: r.title },
        { where: `resource ${r.id} summary`, text: r.summary },
        { where: `resource ${r.id} link`, text: r.link.label },
      ]),
    ];
    for (const { where, text } of texts) {
      expect({ where, en: text.en.trim().length > 0, cy: text.cy.trim().length > 0 }).toEqual({ where, en: true, cy: true });
    }
    for (const s of framework.statements) expect({ id: s.id, same: s.text.cy.trim() === s.text.en.trim() }).toEqual({ id: s.id, same: false });
  });

  it('when the files are checked for review, then sources are named and Welsh not yet reviewed says it awaits a fluent speaker', () => {
    for (const file of [framework, resources]) {
      expect(file.$comment).toMatch(/FACTS/);
      if (!file.welshReviewed) expect(file.$comment).toMatch(/fluent speaker/);
    }
  });

  it('when learning Welsh is in the library, then it is not offered as own literacy and numeracy', () => {
    for (const r of resources.resources.filter((x) => x.link.url.includes('learnwelsh.cymru'))) expect(r.areas).not.toContain(ownSkillsAreaId);
  });

  type Break = (fw: SelfAssessmentFile, res: ResourcesFile, rl: RolesFile) => void;
  const failing: [string, Break, RegExp][] = [
    [
      'a role option belongs to no track',
      (fw) => {
        const ta2 = fw.tracks.find((t) => t.id === 'ta-2')!;
        ta2.roles = ta2.roles.filter((r) => r.roleId !== 'teaching-assistant');
      },
      /^content file self-assessment\.json: role option "teaching-assistant-2" belongs to no track$/,
    ],
    [
      'a single-level role belongs to no track',
      (fw) => {
        const ta3 = fw.tracks.find((t) => t.id === 'ta-3')!;
        ta3.roles = ta3.roles.filter((r) => r.roleId !== 'cover-supervision');
      },
      /^content file self-assessment\.json: role option "cover-supervision" belongs to no track$/,
    ],
    [
      'a role option is in two tracks',
      (fw) => {
        fw.tracks.find((t) => t.id === 'hlta')!.roles.push({ roleId: 'teaching-assistant', levels: [3] });
      },
      /self-assessment\.json: role option "teaching-assistant-3" is in more than one track/,
    ],
    [
      'a track names a level the role does not have',
      (fw) => {
        fw.tracks.find((t) => t.id === 'wider')!.roles.push({ roleId: 'examinations', levels: [3] });
      },
      /self-assessment\.json: track "wider" names unknown role option "examinations-3"/,
    ],
    [
      'a track names an unknown role',
      (fw) => {
        fw.tracks[0]!.roles.push({ roleId: 'lollipop-person' });
      },
      /self-assessment\.json: track "ta-1" names unknown role "lollipop-person"/,
    ],
    [
      'a statement names an unknown track',
      (fw) => {
        fw.statements[0]!.tracks.push('ta-9');
      },
      /^content file self-assessment\.json: statement "comm-listen-learner" names unknown track "ta-9"$/,
    ],
    [
      'a resource names an unknown track',
      (_fw, res) => {
        res.resources.find((r) => r.id === 'hlta-status')!.tracks = ['hlta', 'teachers'];
      },
      /^content file resources\.json: resource "hlta-status" names unknown track "teachers"$/,
    ],
    [
      'two statements share an id',
      (fw) => {
        fw.statements[1]!.id = fw.statements[0]!.id;
      },
      /^content file self-assessment\.json: statement id "comm-listen-learner" is used twice$/,
    ],
    [
      'two tracks share an id',
      (fw) => {
        fw.tracks.push({ ...copy(fw.tracks[0]!), roles: [] });
      },
      /^content file self-assessment\.json: track id "ta-1" is used twice$/,
    ],
    [
      'two resources share an id',
      (_fw, res) => {
        res.resources.push(copy(res.resources[0]!));
      },
      /^content file resources\.json: resource id "keeping-learners-safe" is used twice$/,
    ],
    [
      'a track has too few statements in an area it answers',
      (fw) => {
        fw.statements = fw.statements.filter((s) => s.id !== 'comm-office-enquiry' && s.id !== 'comm-office-angry-caller');
      },
      /self-assessment\.json: track "wider" has 1 statement\(s\) in area "communication"/,
    ],
    [
      'a track has too few own-skills statements',
      (fw) => {
        fw.statements = fw.statements.filter((s) => s.area !== 'own-skills' || s.id === 'own-write-note');
      },
      /self-assessment\.json: track "ta-1" has 1 statement\(s\) in "own-skills"/,
    ],
    [
      'an area a track answers has no resource for it',
      (_fw, res) => {
        res.resources = res.resources.filter((r) => !r.areas.includes('transitions'));
      },
      /^content file resources\.json: no resource for area "transitions" suits track "ta-1"$/,
    ],
    [
      'own-skills has no signposting resource',
      (_fw, res) => {
        res.resources = res.resources.filter((r) => !r.areas.includes('own-skills'));
      },
      /^content file resources\.json: no resource for area "own-skills" suits track "ta-1"$/,
    ],
  ];

  it.each(failing)('when %s, then the cross-check throws a message naming the problem', (_name, breakIt, message) => {
    const fw = copy(framework);
    const res = copy(resources);
    const rl = copy(roles);
    breakIt(fw, res, rl);
    expect(() => checkSelfAssessment(rl, fw, res)).toThrow(message);
  });

  it('when an area is left with resources for other tracks only, then the check names the track left without one', () => {
    const res = copy(resources);
    for (const r of res.resources) if (r.areas.includes('multi-agency') && r.tracks === undefined) r.tracks = ['ta-1', 'ta-2', 'ta-3', 'hlta'];
    for (const r of res.resources) if (r.areas.includes('multi-agency') && r.tracks !== undefined) r.tracks = r.tracks.filter((t) => t !== 'wider');
    res.resources = res.resources.filter((r) => r.tracks === undefined || r.tracks.length > 0);
    expect(() => checkSelfAssessment(roles, framework, res)).toThrow(/no resource for area "multi-agency" suits track "wider"/);
  });
});
