import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rolesFileSchema } from '../../bot/content/content-schemas';
import {
  contentLinkSchema,
  inductionFileSchema,
  inductionStageIds,
  type InductionFile,
  type InductionItem,
  type InductionStageId,
} from '../../bot/content/induction-schemas';

const dataDir = path.join(__dirname, '..', '..', 'data');
const readJson = (name: string): unknown => JSON.parse(readFileSync(path.join(dataDir, name), 'utf8'));

const raw = readJson('induction.json');
const induction: InductionFile = inductionFileSchema.parse(raw);
const familyIds = rolesFileSchema.parse(readJson('roles.json')).families.map((f) => f.id);

/** Items a member of this family sees: those for everyone plus those naming the family. */
const itemsFor = (family: string, stage: InductionStageId): InductionItem[] =>
  induction.items.filter((i) => i.stage === stage && (i.families === undefined || i.families.includes(family)));

/** Where each stage's items may fall, in days from the start date. */
const dayRanges: Record<InductionStageId, [number, number]> = {
  'before-first-day': [-7, -1],
  'first-day': [0, 0],
  'first-week': [1, 5],
  'first-half-term': [6, 45],
  refresher: [0, 30],
};

describe('induction content', () => {
  it('when the shipped file is parsed, then it passes the induction schema', () => {
    expect(inductionFileSchema.safeParse(raw).success).toBe(true);
  });

  it('when the stages are listed, then all five appear once, in order, with different English and Welsh names', () => {
    expect(induction.stages.map((s) => s.id)).toEqual([...inductionStageIds]);
    for (const s of induction.stages) {
      expect(s.name.cy).not.toBe(s.name.en);
      expect(s.summary.cy).not.toBe(s.summary.en);
    }
  });

  it('when item ids are compared, then none is used twice', () => {
    const ids = induction.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when an item is limited to job families, then every family exists in roles.json', () => {
    const named = induction.items.flatMap((i) => i.families ?? []);
    expect(named.length).toBeGreaterThan(0);
    for (const family of named) expect(familyIds).toContain(family);
  });

  it.each(familyIds)('when a member of the %s family follows induction, then every stage has at least three items for them', (family) => {
    for (const stage of inductionStageIds) {
      expect({ stage, enough: itemsFor(family, stage).length >= 3 }).toEqual({ stage, enough: true });
    }
  });

  it('when items are placed in time, then each falls within its stage (before the first day negative, the first day 0, and so on)', () => {
    for (const item of induction.items) {
      const [from, to] = dayRanges[item.stage];
      expect({ id: item.id, inRange: item.dayOffset >= from && item.dayOffset <= to }).toEqual({ id: item.id, inRange: true });
    }
  });

  it('when an item is read in Welsh, then none of its texts is simply the English copied', () => {
    for (const item of induction.items) {
      const texts = [item.title, item.why, item.what, ...(item.link ? [item.link.label] : [])];
      for (const t of texts) expect({ id: item.id, same: t.cy.trim() === t.en.trim() }).toEqual({ id: item.id, same: false });
    }
  });

  it('when the file is checked for review, then the Welsh is still marked as awaiting a fluent speaker', () => {
    expect(induction.welshReviewed).toBe(false);
    expect(induction.$comment).toMatch(/fluent speaker/);
    expect(induction.$comment).toMatch(/Keeping Learners Safe/);
  });

  it('when a link points to a host outside the allowed list or is not https, then the schema rejects it', () => {
    const label = { en: 'A page', cy: 'Tudalen' };
    expect(contentLinkSchema.safeParse({ url: 'https://hwb.gov.wales/', label }).success).toBe(true);
    expect(contentLinkSchema.safeParse({ url: 'https://example.com/keeping-learners-safe', label }).success).toBe(false);
    expect(contentLinkSchema.safeParse({ url: 'https://hwb.gov.wales.example.com/', label }).success).toBe(false);
    expect(contentLinkSchema.safeParse({ url: 'http://hwb.gov.wales/', label }).success).toBe(false);
    const tampered = structuredClone(raw) as { items: { link?: unknown }[] };
    tampered.items[0]!.link = { url: 'https://example.com/', label };
    expect(inductionFileSchema.safeParse(tampered).success).toBe(false);
  });

  it('when the shipped links are listed, then every one is https on an allowed host', () => {
    const links = induction.items.flatMap((i) => (i.link ? [i.link] : []));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(contentLinkSchema.safeParse(link).success).toBe(true);
  });

  it('when everyone is inducted, then a first-day item for all staff names the DSP and a common item names the ALNCo', () => {
    const common = induction.items.filter((i) => i.families === undefined);
    expect(common.some((i) => i.stage === 'first-day' && i.contact === 'dsp' && i.signOff)).toBe(true);
    expect(common.some((i) => i.contact === 'alnco')).toBe(true);
  });

  it('when an item speaks of the DSP or the ALNCo, in either language, then it carries that contact', () => {
    for (const item of induction.items) {
      const en = `${item.title.en} ${item.why.en} ${item.what.en}`;
      const cy = `${item.title.cy} ${item.why.cy} ${item.what.cy}`;
      if (/\bDSP\b|Designated Safeguarding Person/.test(en) || /\bPDD\b|Person Diogelu Dynodedig/.test(cy)) {
        expect({ id: item.id, contact: item.contact }).toEqual({ id: item.id, contact: 'dsp' });
      }
      if (/\bALNCo\b/.test(en) || /\bCADY\b/.test(cy)) {
        expect({ id: item.id, contact: item.contact }).toEqual({ id: item.id, contact: 'alnco' });
      }
    }
  });
});
