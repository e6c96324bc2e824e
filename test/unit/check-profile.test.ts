import { loadContent } from '../../bot/content/load-content';
import type { Content } from '../../bot/content/content';
import { checkProfile } from '../../bot/profile/check-profile';

const ME = '9f0e1d2c-3b4a-4596-8877-665544332211';
const MANAGER = '11112222-3333-4444-8555-666677778888';
const NOW = new Date('2026-11-23T10:00:00Z');
let content: Content;
beforeAll(async () => {
  content = await loadContent();
});

const valid = { roleId: 'teaching-assistant-3', welshLevelId: 'intermediate' };

describe('the profile rules', () => {
  it('when every required field is good, then the profile is accepted with optional fields left out', () => {
    const check = checkProfile(valid, content, ME, NOW);
    expect(check).toEqual({ ok: true, profile: { ...valid, updatedAt: NOW.toISOString() } });
  });

  it.each([
    [{ roleId: undefined }, 'roleId', 'roleRequired'],
    [{ roleId: 'teaching-assistant-9' }, 'roleId', 'roleRequired'],
    [{ welshLevelId: 'klingon' }, 'welshLevelId', 'welshRequired'],
    [{ lineManager: 'Mrs Hughes' }, 'lineManager', 'managerInvalid'],
    [{ lineManager: ME.toUpperCase() }, 'lineManager', 'managerSelf'],
    [{ ewcNumber: '12-34' }, 'ewcNumber', 'ewcInvalid'],
    [{ ewcNumber: '12345678901' }, 'ewcNumber', 'ewcInvalid'],
  ])('when %j is given, then %s is marked %s', (change, field, problem) => {
    const check = checkProfile({ ...valid, ...change }, content, ME, NOW);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems).toEqual({ [field]: problem });
  });

  it('when a line manager and EWC number are given, then they are kept tidy (lower-case id, digits only)', () => {
    const check = checkProfile({ ...valid, lineManager: MANAGER.toUpperCase(), ewcNumber: ' 12 34 ' }, content, ME, NOW);
    expect(check.ok && check.profile).toMatchObject({ lineManagerAadObjectId: MANAGER, ewcNumber: '1234' });
  });
});
